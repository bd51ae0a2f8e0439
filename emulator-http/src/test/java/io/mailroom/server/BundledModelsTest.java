package io.mailroom.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mailroom.core.model.CompiledModelWriter;
import io.mailroom.core.model.ModelLoader;
import io.mailroom.core.model.ServiceModel;
import io.mailroom.s3.S3Model;
import io.mailroom.ses.SesModels;
import io.mailroom.sns.SnsModel;
import io.mailroom.sqs.SqsModels;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The build compiled every bundled model, and what the server reads is exactly the JSON model. */
class BundledModelsTest {

    static Stream<Arguments> models() {
        return Stream.of(
                Arguments.of(SqsModels.class, "sqs-2012-11-05.json", SqsModels.JSON),
                Arguments.of(SqsModels.class, "sqs-2012-11-05.query-protocol.json", SqsModels.QUERY),
                Arguments.of(SnsModel.class, "sns-2010-03-31.json", SnsModel.MODEL),
                Arguments.of(SesModels.class, "ses-2010-12-01.json", SesModels.V1),
                Arguments.of(SesModels.class, "sesv2-2019-09-27.json", SesModels.V2),
                Arguments.of(S3Model.class, "s3-2006-03-01.json", S3Model.MODEL));
    }

    @ParameterizedTest
    @MethodSource("models")
    void serverReadsTheCompiledFormOfEachJsonModel(Class<?> anchor, String json, ServiceModel loaded) throws IOException {
        assertThat(anchor.getResource(json.replace(".json", ".model"))).as("compiled %s", json).isNotNull();
        ServiceModel parsed;
        try (InputStream in = anchor.getResourceAsStream(json)) {
            parsed = ModelLoader.parse(new ObjectMapper().readTree(in));
        }
        assertThat(bytes(loaded)).isEqualTo(bytes(parsed));
    }

    private static byte[] bytes(ServiceModel model) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CompiledModelWriter.write(model, out);
        return out.toByteArray();
    }
}
