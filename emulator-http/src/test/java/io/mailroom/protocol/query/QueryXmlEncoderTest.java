package io.mailroom.protocol.query;

import io.mailroom.http.DeveloperJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mailroom.core.error.CommonErrors;
import io.mailroom.core.model.ModelLoader;
import io.mailroom.core.model.ServiceModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Golden files: {@code golden/query/<Operation>.json} (canonical output) → {@code <Operation>.xml}. */
class QueryXmlEncoderTest {
    private static final ServiceModel SQS = ModelLoader.fromResource(QueryXmlEncoderTest.class,
            "/io/mailroom/sqs/sqs-2012-11-05.query-protocol.json");

    @ParameterizedTest
    @ValueSource(strings = {"ReceiveMessage", "ListQueues", "GetQueueAttributes", "SendMessageBatch", "PurgeQueue"})
    void encodesLikeAws(String operation) throws IOException {
        JsonNode output = DeveloperJson.MAPPER.readTree(resource("/golden/query/" + operation + ".json"));
        String xml = new String(QueryXmlEncoder.encode(SQS.xmlNamespace(), SQS.operation(operation).orElseThrow(),
                output, "req-1"), StandardCharsets.UTF_8);
        assertThat(xml).isEqualTo(new String(resource("/golden/query/" + operation + ".xml"), StandardCharsets.UTF_8).strip());
    }

    @Test
    void encodesErrorsWithTypeCodeAndMessage() {
        String xml = new String(QueryErrorEncoder.encode(SQS.xmlNamespace(),
                CommonErrors.INVALID_ACTION.exception("The action Nope is not valid for this endpoint."), "req-2"),
                StandardCharsets.UTF_8);
        assertThat(xml).isEqualTo("<?xml version='1.0' encoding='UTF-8'?><ErrorResponse xmlns=\"http://queue.amazonaws.com/doc/2012-11-05/\">"
                + "<Error><Type>Sender</Type><Code>InvalidAction</Code><Message>The action Nope is not valid for this endpoint.</Message>"
                + "<Detail/></Error><RequestId>req-2</RequestId></ErrorResponse>");
    }

    @Test
    void sesAndSnsErrorsHaveNoDetail() {
        for (String namespace : new String[] {"http://ses.amazonaws.com/doc/2010-12-01/", "http://sns.amazonaws.com/doc/2010-03-31/"}) {
            String xml = new String(QueryErrorEncoder.encode(namespace,
                    CommonErrors.INVALID_ACTION.exception("Nope."), "req-3"), StandardCharsets.UTF_8);
            assertThat(xml).endsWith("<Message>Nope.</Message></Error><RequestId>req-3</RequestId></ErrorResponse>");
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = QueryXmlEncoderTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }
}
