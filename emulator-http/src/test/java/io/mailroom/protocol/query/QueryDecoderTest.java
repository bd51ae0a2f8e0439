package io.mailroom.protocol.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.error.AwsException;
import io.mailroom.core.model.ModelLoader;
import io.mailroom.core.model.ServiceModel;
import io.mailroom.core.model.Shape;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryDecoderTest {
    private static final ServiceModel SQS = ModelLoader.fromResource(QueryDecoderTest.class,
            "/io/mailroom/sqs/sqs-2012-11-05.query-protocol.json");

    private static ObjectNode decode(String operation, String form) {
        Shape input = SQS.operation(operation).orElseThrow().input();
        Map<String, List<String>> params = new QueryStringDecoder(form, StandardCharsets.UTF_8, false).parameters();
        return QueryDecoder.decode(input, params);
    }

    @Test
    void decodesFlattenedMessageAttributesAsTheSdksSendThem() {
        ObjectNode input = decode("SendMessage", "Action=SendMessage&QueueUrl=http%3A%2F%2Fh%2F000000000000%2Fq"
                + "&MessageBody=hi+there&DelaySeconds=5"
                + "&MessageAttribute.1.Name=color&MessageAttribute.1.Value.DataType=String"
                + "&MessageAttribute.1.Value.StringValue=red"
                + "&MessageAttribute.2.Name=bin&MessageAttribute.2.Value.DataType=Binary"
                + "&MessageAttribute.2.Value.BinaryValue=AAEC");
        assertThat(input.toString()).isEqualTo("{\"QueueUrl\":\"http://h/000000000000/q\",\"MessageBody\":\"hi there\","
                + "\"DelaySeconds\":5,\"MessageAttributes\":{\"color\":{\"StringValue\":\"red\",\"DataType\":\"String\"},"
                + "\"bin\":{\"BinaryValue\":\"AAEC\",\"DataType\":\"Binary\"}}}");
    }

    @Test
    void decodesFlattenedListsByTheirElementNameAndTheMemberForm() {
        assertThat(decode("GetQueueAttributes", "QueueUrl=u&AttributeName.1=All&AttributeName.2=Policy")
                .get("AttributeNames").toString()).isEqualTo("[\"All\",\"Policy\"]");
        assertThat(decode("GetQueueAttributes", "QueueUrl=u&AttributeNames.member.2=B&AttributeNames.member.1=A")
                .get("AttributeNames").toString()).isEqualTo("[\"A\",\"B\"]");
    }

    @Test
    void takesAnElementWithoutAnIndexAsAListOfOne() {
        assertThat(decode("ReceiveMessage", "QueueUrl=u&AttributeName=All&MessageAttributeName=color")
                .toString()).isEqualTo("{\"QueueUrl\":\"u\",\"AttributeNames\":[\"All\"],"
                + "\"MessageAttributeNames\":[\"color\"]}");
        assertThat(decode("SetQueueAttributes", "QueueUrl=u&Attribute.Name=VisibilityTimeout&Attribute.Value=30")
                .get("Attributes").toString()).isEqualTo("{\"VisibilityTimeout\":\"30\"}");
        assertThat(decode("SendMessageBatch", "QueueUrl=u&SendMessageBatchRequestEntry.Id=a"
                + "&SendMessageBatchRequestEntry.MessageBody=one").get("Entries").toString())
                .isEqualTo("[{\"Id\":\"a\",\"MessageBody\":\"one\"}]");
        assertThat(decode("GetQueueAttributes", "QueueUrl=u&AttributeName=").get("AttributeNames").toString())
                .isEqualTo("[]");
    }

    @Test
    void decodesAttributeMapsAndTagMapsInEverySpelling() {
        assertThat(decode("CreateQueue", "QueueName=q&Attribute.1.Name=DelaySeconds&Attribute.1.Value=10"
                + "&Tag.1.Key=env&Tag.1.Value=dev").toString())
                .isEqualTo("{\"QueueName\":\"q\",\"Attributes\":{\"DelaySeconds\":\"10\"},\"tags\":{\"env\":\"dev\"}}");
        assertThat(decode("CreateQueue", "QueueName=q&Attributes.entry.1.key=DelaySeconds&Attributes.entry.1.value=1")
                .get("Attributes").toString()).isEqualTo("{\"DelaySeconds\":\"1\"}");
    }

    @Test
    void decodesBatchEntriesWithNestedAttributes() {
        ObjectNode input = decode("SendMessageBatch", "QueueUrl=u"
                + "&SendMessageBatchRequestEntry.1.Id=a&SendMessageBatchRequestEntry.1.MessageBody=one"
                + "&SendMessageBatchRequestEntry.2.Id=b&SendMessageBatchRequestEntry.2.MessageBody=two"
                + "&SendMessageBatchRequestEntry.2.MessageAttribute.1.Name=n"
                + "&SendMessageBatchRequestEntry.2.MessageAttribute.1.Value.DataType=Number"
                + "&SendMessageBatchRequestEntry.2.MessageAttribute.1.Value.StringValue=1");
        assertThat(input.get("Entries").toString()).isEqualTo("[{\"Id\":\"a\",\"MessageBody\":\"one\"},"
                + "{\"Id\":\"b\",\"MessageBody\":\"two\",\"MessageAttributes\":{\"n\":{\"StringValue\":\"1\","
                + "\"DataType\":\"Number\"}}}]");
    }

    @Test
    void rejectsValuesThatDoNotParseAsTheirType() {
        assertThatThrownBy(() -> decode("ReceiveMessage", "QueueUrl=u&MaxNumberOfMessages=ten"))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.error().code()).isEqualTo("InvalidParameterValue");
                    assertThat(e.error().status()).isEqualTo(400);
                });
    }
}
