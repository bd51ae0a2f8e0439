package io.mailroom.sns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.error.AwsException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PublishApiTest extends SnsTestSupport {

    @Test
    void aTopicsMaximumMessageSizeBoundsItsPublishesAndItsSubscriptions() {
        String topic = createTopic("large");
        assertThat(call("GetTopicAttributes", "{'TopicArn':'" + topic + "'}").get("Attributes").has("MaximumMessageSize"))
                .as("shown once set").isFalse();
        for (String bad : List.of("1023", "1048577", "big")) {
            fails("SetTopicAttributes", "{'TopicArn':'" + topic + "','AttributeName':'MaximumMessageSize','AttributeValue':'"
                    + bad + "'}", "InvalidParameter", "MaximumMessageSize");
        }
        call("SetTopicAttributes", "{'TopicArn':'" + topic + "','AttributeName':'MaximumMessageSize','AttributeValue':'1048576'}");
        assertThat(call("GetTopicAttributes", "{'TopicArn':'" + topic + "'}").at("/Attributes/MaximumMessageSize").asText())
                .isEqualTo("1048576");
        String p = "{'TopicArn':'" + topic + "',";
        call("Publish", p + "'Message':'" + "x".repeat(1_048_576) + "'}");
        fails("Publish", p + "'Message':'" + "x".repeat(1_048_577) + "'}", "InvalidParameter", "Message too long");
        fails("Subscribe", p + "'Protocol':'http','Endpoint':'http://example.com/hook'}", "InvalidParameter", "sqs");
        call("Subscribe", p + "'Protocol':'sqs','Endpoint':'" + QUEUE + "'}");

        String small = call("CreateTopic", "{'Name':'small','Attributes':{'MaximumMessageSize':'1024'}}").get("TopicArn").asText();
        fails("Publish", "{'TopicArn':'" + small + "','Message':'" + "x".repeat(1_025) + "'}", "InvalidParameter", "Message too long");
        call("Subscribe", "{'TopicArn':'" + small + "','Protocol':'http','Endpoint':'http://example.com/hook'}");
        fails("SetTopicAttributes", "{'TopicArn':'" + small + "','AttributeName':'MaximumMessageSize','AttributeValue':'262145'}",
                "InvalidParameter", "MaximumMessageSize");
        call("SetTopicAttributes", "{'TopicArn':'" + small + "','AttributeName':'MaximumMessageSize','AttributeValue':'262144'}");
    }

    @Test
    void publishValidation() {
        String topic = createTopic("t");
        String p = "{'TopicArn':'" + topic + "',";
        fails("Publish", "{'Message':'x'}", "InvalidParameter", "TopicArn or TargetArn");
        fails("Publish", p + "'PhoneNumber':'+15555550100','Message':'x'}", "InvalidParameter", "Only one of");
        fails("Publish", p + "'Message':''}", "InvalidParameter", "Invalid parameter: Empty message");
        fails("Publish", p + "'Message':'x','Subject':'line\\nbreak'}", "InvalidParameter", "Invalid parameter: Subject");
        fails("Publish", p + "'Message':'x','Subject':'" + "s".repeat(101) + "'}", "InvalidParameter", "Subject");
        fails("Publish", p + "'Message':'x','Subject':''}", "InvalidParameter", "Subject");
        call("Publish", p + "'Message':'x','Subject':'" + "s".repeat(100) + "'}");
        fails("Publish", p + "'Message':'" + "x".repeat(262_145) + "'}", "InvalidParameter", "Message too long");
        call("Publish", p + "'Message':'" + "x".repeat(262_144) + "'}");
        fails("Publish", p + "'Message':'" + "x".repeat(262_140) + "','MessageAttributes':{'abc':{'DataType':'String','StringValue':'v'}}}",
                "InvalidParameter", "Message too long");
        fails("Publish", p + "'Message':'x','MessageStructure':'json'}", "InvalidParameter",
                "Message Structure - JSON message body failed to parse");
        fails("Publish", p + "'Message':" + js("{\"sqs\":\"x\"}") + ",'MessageStructure':'json'}", "InvalidParameter",
                "Message Structure - No default entry in JSON message body");
        fails("Publish", p + "'Message':'x','MessageStructure':'xml'}", "InvalidParameter", "MessageStructure");
        // As recorded on AWS: content after the object does not parse; a key given twice does.
        assertThat(invalidParameter("Publish", p + "'Message':" + js("{\"default\": \"This is a default message\"} }")
                + ",'MessageStructure':'json'}"))
                .isEqualTo("Invalid parameter: Message Structure - JSON message body failed to parse");
        call("Publish", p + "'Message':" + js("{\"default\": \"one\", \"default\": \"two\"}") + ",'MessageStructure':'json'}");
        assertThat(invalidParameter("Publish", p + "'Message':" + js("{\"default\":{\"object\":\"test\"}}")
                + ",'MessageStructure':'json'}"))
                .isEqualTo("Invalid parameter: Message Structure - No default entry in JSON message body");
        fails("Publish", "{'TopicArn':'arn:aws:sns:us-east-1:123456789012:none','Message':'x'}", "NotFound", "Topic does not exist");
        fails("Publish", "{'TopicArn':'arn:aws:sns:eu-west-1:123456789012:t','Message':'x'}", "InvalidParameter", "TopicArn");
    }

    @Test
    void messageAttributeValidation() {
        String topic = createTopic("t");
        String p = "{'TopicArn':'" + topic + "','Message':'x','MessageAttributes':{";
        fails("Publish", p + "'a':{'DataType':'Text','StringValue':'v'}}}", "ParameterValueInvalid",
                "has an invalid message attribute type, the set of supported type prefixes is Binary, Number, and String.");
        fails("Publish", p + "'a':{'DataType':'Number','StringValue':'abc'}}}", "ParameterValueInvalid",
                "Could not cast message attribute 'a' value to number.");
        fails("Publish", p + "'a':{'DataType':'String','StringValue':''}}}", "ParameterValueInvalid",
                "must contain non-empty message attribute value for message attribute type 'String'.");
        fails("Publish", p + "'a':{'DataType':'Binary','StringValue':'x'}}}", "ParameterValueInvalid", "must use field 'Binary'");
        fails("Publish", p + "'a':{'DataType':'String.Array','StringValue':'nope'}}}", "ParameterValueInvalid", "String.Array");
        fails("Publish", p + "'a b':{'DataType':'String','StringValue':'v'}}}", "ParameterValueInvalid", "Invalid non-alphanumeric character");
        // The following as recorded on AWS.
        fails("Publish", p + "'.abc':{'DataType':'String','StringValue':'v'}}}", "ParameterValueInvalid",
                "Invalid message attribute name starting with character '.' was found.");
        fails("Publish", p + "'abc.':{'DataType':'String','StringValue':'v'}}}", "ParameterValueInvalid",
                "Invalid message attribute name ending with character '.' was found.");
        for (String type : List.of("String.", "Stringprefixed", "Number.", "Binary.")) {
            fails("Publish", p + "'attr1':{'DataType':'" + type + "','StringValue':'prefixed-1'}}}", "ParameterValueInvalid",
                    "The message attribute 'attr1' has an invalid message attribute type, the set of supported type prefixes "
                            + "is Binary, Number, and String.");
        }
        call("Publish", p + "'attr1':{'DataType':'String.prefixed','StringValue':'prefixed-1'}}}");
        call("Publish", p + "'attr1':{'DataType':'String.  prefixed.','StringValue':'prefixed-1'}}}");
        fails("Publish", p + "'a..b':{'DataType':'String','StringValue':'v'}}}", "ParameterValueInvalid", "successive");
        fails("Publish", p + "'AWS.x':{'DataType':'String','StringValue':'v'}}}", "ParameterValueInvalid", "reserved");
        call("Publish", p + "'AWS.SNS.SMS.SMSType':{'DataType':'String','StringValue':'Transactional'},"
                + "'n':{'DataType':'Number.int','StringValue':'1e3'},'arr':{'DataType':'String.Array','StringValue':'[\\\"a\\\",1,true,null]'}}}");
    }

    @Test
    void publishBatch() {
        String topic = createTopic("t");
        subscribe(topic, "sqs", QUEUE);
        ObjectNode out = call("PublishBatch", "{'TopicArn':'" + topic + "','PublishBatchRequestEntries':["
                + "{'Id':'a','Message':'one'},{'Id':'c','Message':'three','Subject':'s'}]}");
        assertThat(out.get("Successful")).extracting(n -> n.get("Id").asText()).containsExactly("a", "c");
        assertThat(out.get("Failed")).isEmpty();
        assertThat(queues.messages(QUEUE)).hasSize(2);
        String t = "{'TopicArn':'" + topic + "','PublishBatchRequestEntries':";
        fails("PublishBatch", t + "[]}", "EmptyBatchRequest", "doesn't contain any entries");
        StringBuilder eleven = new StringBuilder("[");
        for (int i = 0; i < 11; i++) {
            eleven.append(i == 0 ? "" : ",").append("{'Id':'i").append(i).append("','Message':'m'}");
        }
        fails("PublishBatch", t + eleven + "]}", "TooManyEntriesInBatchRequest", "more entries than permissible");
        fails("PublishBatch", t + "[{'Id':'a','Message':'m'},{'Id':'a','Message':'n'}]}", "BatchEntryIdsNotDistinct", "same Id");
        fails("PublishBatch", t + "[{'Id':'a b','Message':'m'}]}", "InvalidBatchEntryId", "doesn't abide by the specification");
        fails("PublishBatch", t + "[{'Id':'a','Message':'" + "x".repeat(200_000) + "'},{'Id':'b','Message':'"
                + "x".repeat(100_000) + "'}]}", "BatchRequestTooLong", "more than the limit");
        fails("PublishBatch", "{'TopicArn':'arn:aws:sns:us-east-1:123456789012:none','PublishBatchRequestEntries':[{'Id':'a','Message':'m'}]}",
                "NotFound", "Topic does not exist");
    }

    @Test
    void fifoBatchReturnsSequenceNumbersInOrder() {
        String topic = call("CreateTopic", "{'Name':'t.fifo','Attributes':{'FifoTopic':'true','ContentBasedDeduplication':'true'}}")
                .get("TopicArn").asText();
        ObjectNode out = call("PublishBatch", "{'TopicArn':'" + topic + "','PublishBatchRequestEntries':["
                + "{'Id':'a','Message':'one','MessageGroupId':'g'},{'Id':'b','Message':'two','MessageGroupId':'g'}]}");
        JsonNode ok = out.get("Successful");
        assertThat(ok).hasSize(2);
        assertThat(ok.get(0).get("SequenceNumber").asText()).isLessThan(ok.get(1).get("SequenceNumber").asText());
    }

    @Test
    void aBadEntryFailsTheWholeBatchWithTheFirstBadEntrysError() {
        String topic = createTopic("t");
        subscribe(topic, "sqs", QUEUE);
        String t = "{'TopicArn':'" + topic + "','PublishBatchRequestEntries':[";
        // As recorded on AWS: entry 2's own error (String given a BinaryValue) is not the one told.
        AwsException e = catchThrowableOfType(() -> call("PublishBatch", t
                + "{'Id':'1','Message':'test-batch','MessageAttributes':{'attr1':{'DataType':'String','StringValue':''}}},"
                + "{'Id':'2','Message':'test-batch','MessageAttributes':{'attr1':{'DataType':'String','BinaryValue':'MTIz'}}},"
                + "{'Id':'3','Message':'valid-batch'}]}"), AwsException.class);
        assertThat(e.error().code()).isEqualTo("ParameterValueInvalid");
        assertThat(e.error().status()).isEqualTo(400);
        assertThat(e.getMessage()).isEqualTo(
                "The message attribute 'attr1' must contain non-empty message attribute value for message attribute type 'String'.");
        assertThat(invalidParameter("PublishBatch", t + "{'Id':'a','Message':'one'},{'Id':'b','Message':''}]}"))
                .isEqualTo("Invalid parameter: Empty message");
        assertThat(invalidParameter("PublishBatch", t + "{'Id':'a','Message':'one','MessageDeduplicationId':'d'}]}"))
                .startsWith("Invalid parameter: MessageDeduplicationId Reason:");
        assertThat(queues.messages(QUEUE)).isEmpty();

        String fifo = call("CreateTopic", "{'Name':'f.fifo','Attributes':{'FifoTopic':'true'}}").get("TopicArn").asText();
        String fifoQueue = "arn:aws:sqs:us-east-1:123456789012:q.fifo";
        queues.create(fifoQueue);
        subscribe(fifo, "sqs", fifoQueue);
        String f = "{'TopicArn':'" + fifo + "','PublishBatchRequestEntries':[";
        assertThat(invalidParameter("PublishBatch", f + "{'Id':'1','Message':'m','MessageGroupId':'g','MessageDeduplicationId':'d'},"
                + "{'Id':'2','Message':'Test message without Group ID'}]}"))
                .isEqualTo("Invalid parameter: The MessageGroupId parameter is required for FIFO topics");
        assertThat(invalidParameter("PublishBatch", f + "{'Id':'1','Message':'x','MessageGroupId':'msg1'}]}"))
                .isEqualTo("Invalid parameter: The topic should either have ContentBasedDeduplication enabled or "
                        + "MessageDeduplicationId provided explicitly");
        // The structure is checked before the group: no group here either.
        assertThat(invalidParameter("PublishBatch", f + "{'Id':'1','Message':" + js("{\"sqs\":\"test sqs\"}")
                + ",'MessageStructure':'json'}]}"))
                .isEqualTo("Invalid parameter: Message Structure - No default entry in JSON message body");
        // Entry 1 of the first refused batch was not published either: its de-duplication id is still unseen.
        assertThat(queues.messages(fifoQueue)).isEmpty();
        call("PublishBatch", f + "{'Id':'1','Message':'m','MessageGroupId':'g','MessageDeduplicationId':'d'}]}");
        assertThat(queues.messages(fifoQueue)).hasSize(1);
    }

    @Test
    void aBatchCountsItsAttributesTowardsTheLimit() {
        String topic = createTopic("t");
        String attribute = "'MessageAttributes':{'attr1':{'DataType':'Number','StringValue':'1'}}";
        int attributeBytes = "attr1".length() + "Number".length() + "1".length();
        String t = "{'TopicArn':'" + topic + "','PublishBatchRequestEntries':[";
        // As recorded on AWS: 262,144 bytes pass, one more does not.
        AwsException e = catchThrowableOfType(() -> call("PublishBatch", t + "{'Id':'1','Message':'"
                + "a".repeat(262_144 - attributeBytes) + "'," + attribute + "},{'Id':'2','Message':'b'}]}"), AwsException.class);
        assertThat(e.error().code()).isEqualTo("BatchRequestTooLong");
        assertThat(e.getMessage()).isEqualTo("The length of all the messages put together is more than the limit.");
        assertThat(call("PublishBatch", t + "{'Id':'1','Message':'" + "a".repeat(262_144 - attributeBytes - 1) + "',"
                + attribute + "},{'Id':'2','Message':'b'}]}").get("Successful")).hasSize(2);
    }
}
