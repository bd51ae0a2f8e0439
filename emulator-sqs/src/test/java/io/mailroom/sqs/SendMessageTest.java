package io.mailroom.sqs;

import static io.mailroom.sqs.SqsHarness.assertError;
import static io.mailroom.sqs.SqsHarness.json;
import static io.mailroom.sqs.SqsHarness.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class SendMessageTest {
    private final SqsHarness h = new SqsHarness();
    private final String url = h.createQueue("send");

    private ObjectNode send(String body) {
        return obj().put("QueueUrl", url).put("MessageBody", body);
    }

    private ObjectNode withAttributes(String attributes) {
        ObjectNode in = send("body");
        in.set("MessageAttributes", json(attributes));
        return in;
    }

    @Test
    void bodyCharacters() {
        h.call("SendMessage", send("tab\t nl\n cr\r \uD7FF \uE000 \uFFFD \uD83D\uDE00 <xml/> {\"json\":1}"));
        for (String bad : new String[] {"\u0000", "a\u0008b", "\uFFFE", "\uD800", "x\uDC00", "\u001F"}) {
            assertError(h.error("SendMessage", send(bad)), SqsErrors.INVALID_MESSAGE_CONTENTS, "Invalid characters found");
        }
        assertError(h.error("SendMessage", send("")), SqsErrors.MISSING_PARAMETER,
                "The request must contain the parameter MessageBody.");
    }

    @Test
    void bodyCharacterRulesHoldAtEveryPosition() {
        // ASCII bodies are checked eight bytes at a time: each position of a word and of the tail counts.
        for (int at = 0; at < 20; at++) {
            String before = "b".repeat(at);
            String after = "a".repeat(19 - at);
            for (String ok : new String[] {"\t", "\n", "\r", "?", " ", "~", "\u007f"}) {
                h.call("SendMessage", send(before + ok + after));
            }
            for (String bad : new String[] {"\u0000", "\u0008", "\u000b", "\u001f", "\uD800", "\uDC00"}) {
                assertError(h.error("SendMessage", send(before + bad + after)), SqsErrors.INVALID_MESSAGE_CONTENTS,
                        "Invalid characters found");
            }
        }
    }

    @Test
    void sizeCountsBodyAndAttributesAgainstMaximumMessageSize() {
        String small = h.createQueue("small", "{'MaximumMessageSize':'1024'}");
        h.call("SendMessage", obj().put("QueueUrl", small).put("MessageBody", "x".repeat(1024)));
        assertError(h.error("SendMessage", obj().put("QueueUrl", small).put("MessageBody", "x".repeat(1025))),
                SqsErrors.INVALID_PARAMETER_VALUE, "Message must be shorter than 1024 bytes.");
        // 1000 + name (1) + type (6) + value (17) = 1024
        ObjectNode fits = obj().put("QueueUrl", small).put("MessageBody", "x".repeat(1000));
        fits.set("MessageAttributes", json("{'a':{'DataType':'String','StringValue':'" + "v".repeat(17) + "'}}"));
        h.call("SendMessage", fits);
        fits.set("MessageAttributes", json("{'a':{'DataType':'String','StringValue':'" + "v".repeat(18) + "'}}"));
        assertError(h.error("SendMessage", fits), SqsErrors.INVALID_PARAMETER_VALUE, "shorter than 1024");
        // Multi-byte characters count in UTF-8 bytes.
        assertError(h.error("SendMessage", obj().put("QueueUrl", small).put("MessageBody", "é".repeat(513))),
                SqsErrors.INVALID_PARAMETER_VALUE, "shorter than 1024");
        // The default maximum is 1 MiB.
        h.call("SendMessage", send("y".repeat(1_048_576)));
        assertError(h.error("SendMessage", send("y".repeat(1_048_577))), SqsErrors.INVALID_PARAMETER_VALUE,
                "shorter than 1048576");
    }

    @Test
    void messageAttributeRules() {
        h.call("SendMessage", withAttributes("{'a.b-c_D9':{'DataType':'String.custom','StringValue':'v'},"
                + "'n':{'DataType':'Number.int','StringValue':'-1.5e10'},'b':{'DataType':'Binary.gif','BinaryValue':'AAE='}}"));
        StringBuilder eleven = new StringBuilder("{");
        for (int i = 0; i < 11; i++) {
            eleven.append(i == 0 ? "" : ",").append("'a").append(i).append("':{'DataType':'String','StringValue':'v'}");
        }
        assertError(h.error("SendMessage", withAttributes(eleven.append('}').toString())),
                SqsErrors.INVALID_PARAMETER_VALUE, "exceeds the allowed maximum [10]");
        for (String badName : new String[] {".a", "a.", "a..b", "AWS.x", "amazon.y", "a b", "ü", "n".repeat(257)}) {
            ObjectNode in = send("x");
            in.putObject("MessageAttributes").putObject(badName).put("DataType", "String").put("StringValue", "v");
            assertError(h.error("SendMessage", in), SqsErrors.INVALID_PARAMETER_VALUE, "attribute name");
        }
        ObjectNode longest = send("x");
        longest.putObject("MessageAttributes").putObject("n".repeat(256)).put("DataType", "String").put("StringValue", "v");
        h.call("SendMessage", longest);
        assertError(h.error("SendMessage", withAttributes("{'a':{'DataType':'Text','StringValue':'v'}}")),
                SqsErrors.INVALID_PARAMETER_VALUE, "supported type prefixes: Binary, Number, String");
        assertError(h.error("SendMessage", withAttributes("{'a':{'DataType':'String.','StringValue':'v'}}")),
                SqsErrors.INVALID_PARAMETER_VALUE, "type prefixes");
        assertError(h.error("SendMessage", withAttributes("{'a':{'DataType':'String','StringValue':''}}")),
                SqsErrors.INVALID_PARAMETER_VALUE, "must contain a non-empty value of type 'String'");
        assertError(h.error("SendMessage", withAttributes("{'a':{'DataType':'Number','StringValue':'12abc'}}")),
                SqsErrors.INVALID_PARAMETER_VALUE, "to a number");
        assertError(h.error("SendMessage", withAttributes("{'a':{'DataType':'Number','StringValue':'1e200'}}")),
                SqsErrors.INVALID_PARAMETER_VALUE, "out of range");
        assertError(h.error("SendMessage", withAttributes("{'a':{'DataType':'Binary','StringValue':'v'}}")),
                SqsErrors.INVALID_PARAMETER_VALUE, "of type 'Binary'");
        assertError(h.error("SendMessage", withAttributes("{'a':{'DataType':'String','StringValue':'\\u0000'}}")),
                SqsErrors.INVALID_PARAMETER_VALUE, "Invalid characters");
    }

    @Test
    void systemAttributesAcceptOnlyTheTraceHeader() {
        ObjectNode in = send("x");
        in.set("MessageSystemAttributes", json("{'AWSTraceHeader':{'DataType':'String','StringValue':'Root=1-abc'}}"));
        ObjectNode out = h.call("SendMessage", in);
        assertThat(out.get("MD5OfMessageSystemAttributes").asText()).hasSize(32);
        JsonNode m = h.receive(url).get(0);
        assertThat(m.at("/Attributes/AWSTraceHeader").asText()).isEqualTo("Root=1-abc");

        in.set("MessageSystemAttributes", json("{'SenderId':{'DataType':'String','StringValue':'x'}}"));
        assertError(h.error("SendMessage", in), SqsErrors.INVALID_PARAMETER_VALUE, "SenderId");
        in.set("MessageSystemAttributes", json("{'AWSTraceHeader':{'DataType':'Number','StringValue':'1'}}"));
        assertError(h.error("SendMessage", in), SqsErrors.INVALID_PARAMETER_VALUE, "of type 'String'");
    }

    @Test
    void perMessageDelayRangeAndStandardQueueRestrictions() {
        h.call("SendMessage", send("x").put("DelaySeconds", 900));
        assertError(h.error("SendMessage", send("x").put("DelaySeconds", 901)), SqsErrors.INVALID_PARAMETER_VALUE,
                "Value 901 for parameter DelaySeconds is invalid");
        assertError(h.error("SendMessage", send("x").put("DelaySeconds", -1)), SqsErrors.INVALID_PARAMETER_VALUE,
                "DelaySeconds");
        assertError(h.error("SendMessage", send("x").put("MessageDeduplicationId", "d")),
                SqsErrors.INVALID_PARAMETER_VALUE, "not valid for this queue type");
    }

    @Test
    void messageGroupIdOnAStandardQueueIsReturnedAsASystemAttribute() {
        h.call("SendMessage", send("fair").put("MessageGroupId", "tenant-1"));
        assertThat(h.receive(url).get(0).at("/Attributes/MessageGroupId").asText()).isEqualTo("tenant-1");
        assertError(h.error("SendMessage", send("x").put("MessageGroupId", "has space")),
                SqsErrors.INVALID_PARAMETER_VALUE, "MessageGroupId can only include alphanumeric and punctuation");
    }

    @Test
    void batchSendsEachEntryAndReportsFailuresPerEntry() {
        ObjectNode in = obj().put("QueueUrl", url);
        ArrayNode entries = in.putArray("Entries");
        entries.addObject().put("Id", "ok-1").put("MessageBody", "hello");
        entries.addObject().put("Id", "bad_1").put("MessageBody", "\u0000");
        entries.addObject().put("Id", "delayed").put("MessageBody", "later").put("DelaySeconds", 5);
        entries.addObject().put("Id", "bad2").put("MessageBody", "x").put("DelaySeconds", 1000);
        ObjectNode out = h.call("SendMessageBatch", in);
        assertThat(out.get("Successful")).hasSize(2);
        assertThat(out.get("Successful").get(0).get("Id").asText()).isEqualTo("ok-1");
        assertThat(out.get("Successful").get(0).get("MD5OfMessageBody").asText()).isEqualTo("5d41402abc4b2a76b9719d911017c592");
        assertThat(out.get("Failed")).hasSize(2);
        JsonNode f = out.get("Failed").get(0);
        assertThat(f.get("Id").asText()).isEqualTo("bad_1");
        assertThat(f.get("SenderFault").asBoolean()).isTrue();
        assertThat(f.get("Code").asText()).isEqualTo("InvalidMessageContents");
        assertThat(out.get("Failed").get(1).get("Code").asText()).isEqualTo("InvalidParameterValue");
        assertThat(h.attribute(url, "ApproximateNumberOfMessages")).isEqualTo("1");
        assertThat(h.attribute(url, "ApproximateNumberOfMessagesDelayed")).isEqualTo("1");
    }

    @Test
    void batchRequestRules() {
        assertError(h.error("SendMessageBatch", obj().put("QueueUrl", url).set("Entries", SqsHarness.JSON.createArrayNode())),
                SqsErrors.EMPTY_BATCH_REQUEST, "There should be at least one SendMessageBatchRequestEntry in the request.");
        ObjectNode eleven = obj().put("QueueUrl", url);
        for (int i = 0; i < 11; i++) {
            eleven.withArray("Entries").addObject().put("Id", "e" + i).put("MessageBody", "b");
        }
        assertError(h.error("SendMessageBatch", eleven), SqsErrors.TOO_MANY_ENTRIES_IN_BATCH_REQUEST,
                "Maximum number of entries per request are 10. You have sent 11.");
        ObjectNode dup = obj().put("QueueUrl", url);
        dup.withArray("Entries").addObject().put("Id", "same").put("MessageBody", "b");
        dup.withArray("Entries").addObject().put("Id", "same").put("MessageBody", "c");
        assertError(h.error("SendMessageBatch", dup), SqsErrors.BATCH_ENTRY_IDS_NOT_DISTINCT, "Id same repeated.");
        for (String badId : new String[] {"has.dot", "x".repeat(81), ""}) {
            ObjectNode in = obj().put("QueueUrl", url);
            in.withArray("Entries").addObject().put("Id", badId).put("MessageBody", "b");
            assertError(h.error("SendMessageBatch", in), SqsErrors.INVALID_BATCH_ENTRY_ID, "batch entry id");
        }
        ObjectNode tooLong = obj().put("QueueUrl", url);
        for (int i = 0; i < 2; i++) {
            tooLong.withArray("Entries").addObject().put("Id", "e" + i).put("MessageBody", "z".repeat(600_000));
        }
        assertError(h.error("SendMessageBatch", tooLong), SqsErrors.BATCH_REQUEST_TOO_LONG,
                "Batch requests cannot be longer than 1048576 bytes. You have sent 1200000 bytes.");
        assertThat(h.attribute(url, "ApproximateNumberOfMessages")).isEqualTo("0");
    }
}
