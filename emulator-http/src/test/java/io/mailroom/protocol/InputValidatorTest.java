package io.mailroom.protocol;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.error.AwsException;
import io.mailroom.core.error.ErrorCode;
import io.mailroom.core.model.ModelLoader;
import io.mailroom.core.model.ServiceModel;
import io.mailroom.core.model.Shape;
import io.mailroom.core.service.EnumPolicy;
import io.mailroom.protocol.json.JsonCodec;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InputValidatorTest {
    private static final ServiceModel SQS = ModelLoader.fromResource(InputValidatorTest.class,
            "/io/mailroom/sqs/sqs-2012-11-05.json");
    private static final ErrorCode UNKNOWN = ErrorCode.sender("InvalidAttributeName", 400);
    private final InputValidator validator = new InputValidator(io.mailroom.core.service.ValidationErrors.QUERY_DEFAULT, Map.of(
            "QueueAttributeName", new EnumPolicy.Open(),
            "MessageSystemAttributeName", new EnumPolicy.Reject(UNKNOWN, "Unknown Attribute %s.")));

    private void validate(String operation, String json) {
        Shape input = SQS.operation(operation).orElseThrow().input();
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        ObjectNode tree = JsonCodec.decode(input, bytes, 0, bytes.length);
        validator.validate(input, tree);
    }

    @Test
    void requiredMembersAreEnforced() {
        assertThatThrownBy(() -> validate("SendMessage", "{\"QueueUrl\":\"u\"}"))
                .isInstanceOfSatisfying(AwsException.class, e -> org.assertj.core.api.Assertions.assertThat(e)
                        .hasMessage("The request must contain the parameter MessageBody."));
    }

    @Test
    void aServiceWithAwsRequestValidationNamesTheMissingMemberInLowerCamelCase() {
        ErrorCode validation = ErrorCode.sender("ValidationError", 400);
        InputValidator coral = new InputValidator(new io.mailroom.core.service.ValidationErrors(validation,
                ErrorCode.sender("InvalidParameter", 400),
                io.mailroom.core.service.ValidationErrors.MissingWording.MUST_NOT_BE_NULL), Map.of());
        Shape input = SQS.operation("SendMessageBatch").orElseThrow().input();
        byte[] bytes = "{\"QueueUrl\":\"u\",\"Entries\":[{\"Id\":\"a\"}]}".getBytes(StandardCharsets.UTF_8);
        ObjectNode tree = JsonCodec.decode(input, bytes, 0, bytes.length);
        assertThatThrownBy(() -> coral.validate(input, tree))
                .isInstanceOfSatisfying(AwsException.class, e -> org.assertj.core.api.Assertions.assertThat(e)
                        .hasMessage("1 validation error detected: Value null at 'entries.1.member.messageBody' failed to"
                                + " satisfy constraint: Member must not be null")
                        .extracting(AwsException::error).isEqualTo(validation));

        Shape send = SQS.operation("SendMessage").orElseThrow().input();
        byte[] attribute = "{\"QueueUrl\":\"u\",\"MessageBody\":\"b\",\"MessageAttributes\":{\"Attr1\":{\"StringValue\":\"v\"}}}"
                .getBytes(StandardCharsets.UTF_8);
        ObjectNode withAttribute = JsonCodec.decode(send, attribute, 0, attribute.length);
        assertThatThrownBy(() -> coral.validate(send, withAttribute))
                .isInstanceOfSatisfying(AwsException.class, e -> org.assertj.core.api.Assertions.assertThat(e)
                        .hasMessage("1 validation error detected: Value null at 'messageAttributes.Attr1.member.dataType'"
                                + " failed to satisfy constraint: Member must not be null"));
    }

    @Test
    void enumsAreRejectedWithTheServicesErrorOrLeftOpen() {
        assertThatThrownBy(() -> validate("ReceiveMessage", "{\"QueueUrl\":\"u\",\"MessageSystemAttributeNames\":[\"Bogus\"]}"))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    org.assertj.core.api.Assertions.assertThat(e.error().code()).isEqualTo("InvalidAttributeName");
                    org.assertj.core.api.Assertions.assertThat(e).hasMessage("Unknown Attribute Bogus.");
                });
        assertThatCode(() -> validate("ReceiveMessage", "{\"QueueUrl\":\"u\",\"AttributeNames\":[\"SentTimestamp\"]}"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> validate("SendMessage",
                "{\"QueueUrl\":\"u\",\"MessageBody\":\"b\",\"MessageSystemAttributes\":{\"Nope\":{\"DataType\":\"String\",\"StringValue\":\"x\"}}}"))
                .isInstanceOfSatisfying(AwsException.class, e ->
                        org.assertj.core.api.Assertions.assertThat(e.error().code()).isEqualTo("InvalidParameterValue"));
    }

    @Test
    void jsonTypesAreChecked() {
        assertThatThrownBy(() -> validate("ReceiveMessage", "{\"QueueUrl\":\"u\",\"MaxNumberOfMessages\":\"ten\"}"))
                .isInstanceOfSatisfying(AwsException.class, e ->
                        org.assertj.core.api.Assertions.assertThat(e.error().code()).isEqualTo("SerializationException"));
        assertThatThrownBy(() -> validate("SendMessage", "{\"QueueUrl\":\"u\",\"MessageBody\":\"b\","
                + "\"MessageAttributes\":{\"a\":{\"DataType\":\"Binary\",\"BinaryValue\":\"***\"}}}"))
                .isInstanceOf(AwsException.class);
    }

    @Test
    void aNullListMemberIsInvalid() {
        assertThatThrownBy(() -> validate("ReceiveMessage", "{\"QueueUrl\":\"u\",\"AttributeNames\":[\"All\",null]}"))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    org.assertj.core.api.Assertions.assertThat(e.error().code()).isEqualTo("InvalidParameterValue");
                    org.assertj.core.api.Assertions.assertThat(e).hasMessageContaining("Member must not be null");
                });
    }
}
