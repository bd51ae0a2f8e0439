package io.mailroom.ses;

import static org.assertj.core.api.Assertions.assertThat;

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
