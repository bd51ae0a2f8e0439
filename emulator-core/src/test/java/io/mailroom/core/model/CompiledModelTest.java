package io.mailroom.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CompiledModelTest {

    @ParameterizedTest
    @ValueSource(strings = {"/models/sqs-2012-11-05.json", "/models/sqs-2012-11-05.query-protocol.json"})
    void readsBackEverythingItWrote(String resource) throws IOException {
        ServiceModel parsed = parse(resource);
        byte[] compiled = compile(parsed);

        ServiceModel read = CompiledModelReader.read(new ByteArrayInputStream(compiled));

        // The writer writes every field of the model, so equal output means an equal model.
        assertThat(compile(read)).isEqualTo(compiled);
        assertThat(read.operations().keySet()).containsExactlyElementsOf(parsed.operations().keySet());
        assertThat(read.shapes().keySet()).containsExactlyElementsOf(parsed.shapes().keySet());
    }

    @Test
    void keepsTheRecursiveStructureAndTheTraits() throws IOException {
        ServiceModel sqs = CompiledModelReader.read(new ByteArrayInputStream(
                compile(parse("/models/sqs-2012-11-05.json"))));

        OperationModel send = sqs.operation("SendMessage").orElseThrow();
        assertThat(send.input().required()).containsExactly("QueueUrl", "MessageBody");
        Member attributes = send.input().member("MessageAttributes");
        assertThat(attributes.isFlattened()).isTrue();
        assertThat(attributes.shape().mapValue().shape().member("BinaryValue").shape().type())
                .isEqualTo(ShapeType.BLOB);
        assertThat(sqs.shape("QueueAttributeName").enumValues()).contains("VisibilityTimeout", "All");
        assertThat(sqs.shape("QueueDoesNotExist").isException()).isTrue();
        assertThat(sqs.targetPrefix()).isEqualTo("AmazonSQS");
        assertThat(sqs.queryCompatible()).isTrue();
    }

    @Test
    void compilerWritesTheCompiledFormBesideEachModelAndSkipsOtherJson(@TempDir Path dir) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/models/sqs-2012-11-05.json")) {
            Files.copy(in, dir.resolve("sqs-2012-11-05.json"));
        }
        Files.writeString(dir.resolve("settings.json"), "{\"a\": 1}");

        ModelCompiler.main(new String[] {dir.toString()});

        assertThat(dir.resolve("sqs-2012-11-05.model")).exists();
        assertThat(dir.resolve("settings.model")).doesNotExist();
        try (InputStream in = Files.newInputStream(dir.resolve("sqs-2012-11-05.model"))) {
            assertThat(compile(CompiledModelReader.read(in))).isEqualTo(compile(parse("/models/sqs-2012-11-05.json")));
        }
    }

    @Test
    void refusesSomethingElse() {
        assertThatThrownBy(() -> CompiledModelReader.read(new ByteArrayInputStream(new byte[] {1, 2, 3, 4, 5, 6, 7, 8})))
                .isInstanceOf(IOException.class);
    }

    @Test
    void patternsThatJavaCannotCompileAreNotEnforced() throws IOException {
        ServiceModel model = ModelLoader.parse(new ObjectMapper().readTree("""
                {"metadata": {"protocol": "json"}, "operations": {},
                 "shapes": {"Good": {"type": "string", "pattern": "^[a-z]+$"},
                            "Bad": {"type": "string", "pattern": "^[\\\\p{Foo}]+$"}}}"""));

        assertThat(model.shape("Good").pattern().matcher("abc").matches()).isTrue();
        assertThat(model.shape("Bad").patternSource()).isNotNull();
        assertThat(model.shape("Bad").pattern()).isNull();
    }

    private ServiceModel parse(String resource) throws IOException {
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            return ModelLoader.parse(new ObjectMapper().readTree(in));
        }
    }

    private static byte[] compile(ServiceModel model) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CompiledModelWriter.write(model, out);
        return out.toByteArray();
    }
}
