package io.mailroom.sqs;

import static io.mailroom.sqs.SqsHarness.json;
import static io.mailroom.sqs.SqsHarness.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.InterceptorContext;
import software.amazon.awssdk.core.interceptor.SdkInternalExecutionAttribute;
import software.amazon.awssdk.utils.AttributeMap;
import software.amazon.awssdk.services.sqs.internal.MessageMD5ChecksumInterceptor;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeNameForSends;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeValue;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;

/** Our digests against known AWS values and against the AWS SDK's own verification. */
class MessageDigestTest {
    private static final String ATTRIBUTES = "{'name':{'DataType':'String','StringValue':'Alice'},"
            + "'age':{'DataType':'Number','StringValue':'42'},"
            + "'blob':{'DataType':'Binary','BinaryValue':'" + Base64.getEncoder().encodeToString(new byte[] {1, 2, 3, (byte) 255}) + "'},"
            + "'emoji':{'DataType':'String.custom','StringValue':'héllo \uD83D\uDE00'}}";

    private final SqsHarness h = new SqsHarness();
    private final String url = h.createQueue("digests");

    @Test
    void bodyDigestIsHexMd5OfUtf8() {
        ObjectNode sent = h.send(url, "hello");
        assertThat(sent.get("MD5OfMessageBody").asText()).isEqualTo("5d41402abc4b2a76b9719d911017c592");
        assertThat(sent.has("MD5OfMessageAttributes")).isFalse();
        assertThat(sent.has("MD5OfMessageSystemAttributes")).isFalse();
        assertThat(h.receive(url).get(0).get("MD5OfBody").asText()).isEqualTo("5d41402abc4b2a76b9719d911017c592");
    }

    @Test
    void attributeDigestMatchesAKnownAwsValue() {
        // The digest recorded in AWS's SendMessage answers for this attribute (e.g. the Go SDK's test fixtures).
        ObjectNode in = obj().put("QueueUrl", url).put("MessageBody", "x");
        in.set("MessageAttributes", json("{'test_attribute_name_1':{'DataType':'String','StringValue':'test_attribute_value_1'}}"));
        assertThat(h.call("SendMessage", in).get("MD5OfMessageAttributes").asText())
                .isEqualTo("ba056227cfd9533dba1f72ad9816d233");
        // A Binary and a Number attribute, digested independently (length-prefixed fields, transport bytes 2 and 1).
        ObjectNode mixed = obj().put("QueueUrl", url).put("MessageBody", "x");
        mixed.set("MessageAttributes", json("{'num':{'DataType':'Number','StringValue':'42'},"
                + "'bin':{'DataType':'Binary','BinaryValue':'AQID/w=='}}"));
        assertThat(h.call("SendMessage", mixed).get("MD5OfMessageAttributes").asText())
                .isEqualTo("865232008ec01464399440618c22c44e");
    }

    @Test
    void sendDigestsAreAcceptedByTheSdk() {
        ObjectNode in = obj().put("QueueUrl", url).put("MessageBody", "Grüße \uD83D\uDE00");
        in.set("MessageAttributes", json(ATTRIBUTES));
        in.set("MessageSystemAttributes", json("{'AWSTraceHeader':{'DataType':'String','StringValue':'Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1'}}"));
        assertThat(sdkAccepted(in)).isTrue();
    }

    @Test
    void theSdkCheckCanFail() {
        ObjectNode in = obj().put("QueueUrl", url).put("MessageBody", "hello");
        in.set("MessageAttributes", json(ATTRIBUTES));
        ObjectNode out = h.call("SendMessage", in);
        SendMessageResponse wrong = SendMessageResponse.builder().messageId(out.get("MessageId").asText())
                .md5OfMessageBody(out.get("MD5OfMessageBody").asText())
                .md5OfMessageAttributes("0123456789abcdef0123456789abcdef").build();
        assertThatThrownBy(() -> verify(sdkSendRequest(in), wrong)).isInstanceOf(SdkClientException.class);
    }

    @Test
    void receiveDigestCoversOnlyTheReturnedAttributesAndIsAcceptedByTheSdk() {
        ObjectNode in = obj().put("QueueUrl", url).put("MessageBody", "payload");
        in.set("MessageAttributes", json(ATTRIBUTES));
        String sentDigest = h.call("SendMessage", in).get("MD5OfMessageAttributes").asText();

        ObjectNode r = obj().put("QueueUrl", url).put("VisibilityTimeout", 0);
        r.putArray("MessageAttributeNames").add("name").add("emo.*").add("missing");
        JsonNode m = h.call("ReceiveMessage", r).get("Messages").get(0);
        assertThat(m.get("MessageAttributes").fieldNames()).toIterable().containsExactly("emoji", "name");
        assertThat(m.get("MD5OfMessageAttributes").asText()).isNotEqualTo(sentDigest);
        verifyReceive(m);

        r.putArray("MessageAttributeNames").add(".*");
        JsonNode all = h.call("ReceiveMessage", r).get("Messages").get(0);
        assertThat(all.get("MD5OfMessageAttributes").asText()).isEqualTo(sentDigest);
        verifyReceive(all);

        r.putArray("MessageAttributeNames").add("*");
        assertThat(h.call("ReceiveMessage", r).at("/Messages/0/MD5OfMessageAttributes").asText()).isEqualTo(sentDigest);

        r.remove("MessageAttributeNames");
        JsonNode none = h.call("ReceiveMessage", r).get("Messages").get(0);
        assertThat(none.has("MessageAttributes")).isFalse();
        assertThat(none.has("MD5OfMessageAttributes")).isFalse();
    }

    private boolean sdkAccepted(ObjectNode in) {
        ObjectNode out = h.call("SendMessage", in);
        SendMessageResponse.Builder resp = SendMessageResponse.builder().messageId(out.get("MessageId").asText())
                .md5OfMessageBody(out.get("MD5OfMessageBody").asText());
        if (out.has("MD5OfMessageAttributes")) {
            resp.md5OfMessageAttributes(out.get("MD5OfMessageAttributes").asText());
        }
        if (out.has("MD5OfMessageSystemAttributes")) {
            resp.md5OfMessageSystemAttributes(out.get("MD5OfMessageSystemAttributes").asText());
        }
        verify(sdkSendRequest(in), resp.build());
        return true;
    }

    private static SendMessageRequest sdkSendRequest(ObjectNode in) {
        SendMessageRequest.Builder b = SendMessageRequest.builder().queueUrl(in.get("QueueUrl").asText())
                .messageBody(in.get("MessageBody").asText());
        if (in.has("MessageAttributes")) {
            b.messageAttributes(sdkAttributes(in.get("MessageAttributes")));
        }
        if (in.has("MessageSystemAttributes")) {
            b.messageSystemAttributesWithStrings(Map.of(MessageSystemAttributeNameForSends.AWS_TRACE_HEADER.toString(),
                    MessageSystemAttributeValue.builder().dataType("String")
                            .stringValue(in.at("/MessageSystemAttributes/AWSTraceHeader/StringValue").asText()).build()));
        }
        return b.build();
    }

    private static Map<String, MessageAttributeValue> sdkAttributes(JsonNode node) {
        Map<String, MessageAttributeValue> map = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            MessageAttributeValue.Builder b = MessageAttributeValue.builder().dataType(v.get("DataType").asText());
            if (v.has("BinaryValue")) {
                b.binaryValue(SdkBytes.fromByteArray(Base64.getDecoder().decode(v.get("BinaryValue").asText())));
            } else {
                b.stringValue(v.get("StringValue").asText());
            }
            map.put(e.getKey(), b.build());
        });
        return map;
    }

    private static void verifyReceive(JsonNode m) {
        Message.Builder b = Message.builder().messageId(m.get("MessageId").asText()).body(m.get("Body").asText())
                .md5OfBody(m.get("MD5OfBody").asText()).receiptHandle(m.get("ReceiptHandle").asText());
        if (m.has("MessageAttributes")) {
            b.messageAttributes(sdkAttributes(m.get("MessageAttributes")))
                    .md5OfMessageAttributes(m.get("MD5OfMessageAttributes").asText());
        }
        verify(ReceiveMessageRequest.builder().queueUrl("u").build(),
                ReceiveMessageResponse.builder().messages(b.build()).build());
    }

    private static void verify(software.amazon.awssdk.core.SdkRequest request, software.amazon.awssdk.core.SdkResponse response) {
        InterceptorContext context = InterceptorContext.builder().request(request).response(response).build();
        ExecutionAttributes attributes = new ExecutionAttributes();
        attributes.putAttribute(SdkInternalExecutionAttribute.CLIENT_CONTEXT_PARAMS, AttributeMap.empty());
        new MessageMD5ChecksumInterceptor().afterExecution(context, attributes);
    }
}
