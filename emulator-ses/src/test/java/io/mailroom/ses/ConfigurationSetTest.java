package io.mailroom.ses;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mailroom.core.error.AwsException;
import org.junit.jupiter.api.Test;

/** Configuration sets' event destinations as AWS answered for them (LocalStack's AWS-recorded snapshots). */
class ConfigurationSetTest extends SesTestSupport {
    static final String MISSING_TOPIC = "arn:aws:sns:us-east-1:123456789012:missing-topic";

    private static String destination(String name, String topicArn) {
        return "{'Name':'" + name + "','Enabled':true,'MatchingEventTypes':['send','bounce','delivery','open','click'],"
                + "'SNSDestination':{'TopicARN':'" + topicArn + "'}}";
    }

    @Test
    void anSnsDestinationNeedsAnExistingTopic() {
        v1("CreateConfigurationSet", "{'ConfigurationSet':{'Name':'cs'}}");
        AwsException e = v1Error("CreateConfigurationSetEventDestination", "{'ConfigurationSetName':'cs',"
                + "'EventDestination':" + destination("d", MISSING_TOPIC) + "}");
        assertThat(e.error().code()).isEqualTo("InvalidSNSDestination");
        assertThat(e.error().status()).isEqualTo(400);
        assertThat(e.getMessage()).isEqualTo("SNS topic <" + MISSING_TOPIC + "> not found.");
        v2Fails("CreateConfigurationSetEventDestination", "{'ConfigurationSetName':'cs','EventDestinationName':'d',"
                + "'EventDestination':{'Enabled':true,'MatchingEventTypes':['SEND'],'SnsDestination':{'TopicArn':'"
                + MISSING_TOPIC + "'}}}", "BadRequestException", 400, "SNS topic <" + MISSING_TOPIC + "> not found.");
    }

    @Test
    void deletingAMissingDestinationNamesTheSet() {
        v1("CreateConfigurationSet", "{'ConfigurationSet':{'Name':'config-set-1'}}");
        AwsException e = v1Error("DeleteConfigurationSetEventDestination", "{'ConfigurationSetName':'config-set-1',"
                + "'EventDestinationName':'non-existent'}");
        assertThat(e.error().code()).isEqualTo("EventDestinationDoesNotExist");
        assertThat(e.error().status()).isEqualTo(400);
        assertThat(e.getMessage()).isEqualTo("No EventDestination found for config-set-1");
    }

    @Test
    void matchingEventTypesAreListedAlphabeticallyWhateverTheOrderGiven() {
        topics.create("arn:aws:sns:us-east-1:123456789012:t");
        v1("CreateConfigurationSet", "{'ConfigurationSet':{'Name':'cs'}}");
        v1("CreateConfigurationSetEventDestination", "{'ConfigurationSetName':'cs','EventDestination':"
                + destination("d", "arn:aws:sns:us-east-1:123456789012:t") + "}");
        JsonNode v1 = v1("DescribeConfigurationSet", "{'ConfigurationSetName':'cs','ConfigurationSetAttributeNames':"
                + "['eventDestinations']}").get("EventDestinations").get(0).get("MatchingEventTypes");
        assertThat(v1).extracting(JsonNode::asText).containsExactly("bounce", "click", "delivery", "open", "send");

        v2("CreateConfigurationSetEventDestination", "{'ConfigurationSetName':'cs','EventDestinationName':'v2',"
                + "'EventDestination':{'Enabled':true,'MatchingEventTypes':['SUBSCRIPTION','SEND','RENDERING_FAILURE',"
                + "'REJECT','DELIVERY_DELAY','DELIVERY','COMPLAINT'],'SnsDestination':{'TopicArn':"
                + "'arn:aws:sns:us-east-1:123456789012:t'}}}");
        JsonNode v2 = v2("GetConfigurationSetEventDestinations", "{'ConfigurationSetName':'cs'}")
                .get("EventDestinations").get(1).get("MatchingEventTypes");
        assertThat(v2).extracting(JsonNode::asText).containsExactly("COMPLAINT", "DELIVERY", "DELIVERY_DELAY", "REJECT",
                "RENDERING_FAILURE", "SEND", "SUBSCRIPTION");
        JsonNode v2SeenByV1 = v1("DescribeConfigurationSet", "{'ConfigurationSetName':'cs',"
                + "'ConfigurationSetAttributeNames':['eventDestinations']}").get("EventDestinations").get(1)
                .get("MatchingEventTypes");
        assertThat(v2SeenByV1).extracting(JsonNode::asText)
                .containsExactly("complaint", "delivery", "reject", "renderingFailure", "send");
    }

    @Test
    void aMissingSetIsReportedBeforeItsDestination() {
        topics.create("arn:aws:sns:us-east-1:123456789012:t");
        AwsException create = v1Error("CreateConfigurationSetEventDestination", "{'ConfigurationSetName':'nope',"
                + "'EventDestination':" + destination("d", "arn:aws:sns:us-east-1:123456789012:t") + "}");
        assertThat(create.error().code()).isEqualTo("ConfigurationSetDoesNotExist");
        assertThat(create.getMessage()).isEqualTo("Configuration set <nope> does not exist.");
        AwsException delete = v1Error("DeleteConfigurationSetEventDestination", "{'ConfigurationSetName':"
                + "'non-existent-configuration-set','EventDestinationName':'d'}");
        assertThat(delete.error().code()).isEqualTo("ConfigurationSetDoesNotExist");
        assertThat(delete.getMessage()).isEqualTo("Configuration set <non-existent-configuration-set> does not exist.");
    }
}
