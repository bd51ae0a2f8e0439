package io.mailroom.ses;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mailroom.core.error.AwsException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Mailbox simulator outcomes, identity notifications and event publishing, on the manual clock. */
class NotificationTest extends SesTestSupport {
    static final String EVENTS = "arn:aws:sns:us-east-1:123456789012:ses-events";

    @Override
    SesConfig config() {
        return SesConfig.defaults().withOutcomeDelay(Duration.ofMillis(500));
    }

    private void subscribeIdentity(String identity, boolean headers) {
        for (String type : List.of("Bounce", "Complaint", "Delivery")) {
            v1("SetIdentityNotificationTopic", "{'Identity':'" + identity + "','NotificationType':'" + type
                    + "','SnsTopic':'" + TOPIC + "'}");
            v1("SetIdentityHeadersInNotificationsEnabled", "{'Identity':'" + identity + "','NotificationType':'" + type
                    + "','Enabled':" + headers + "}");
        }
    }

    private JsonNode only(String type) {
        List<JsonNode> m = published(TOPIC).stream().filter(n -> n.path("notificationType").asText().equals(type)).toList();
        assertThat(m).hasSize(1);
        return m.get(0);
    }

    @Test
    void deliveryIsScheduledAndCarriesTheMailObject() {
        verifyEmail("me@example.com");
        subscribeIdentity("me@example.com", false);
        String id = sendV1("me@example.com", "success@simulator.amazonses.com", "s", "t");
        assertThat(published(TOPIC)).isEmpty();
        clock.advance(Duration.ofMillis(500));
        JsonNode n = only("Delivery");
        assertThat(n.get("delivery").get("recipients").get(0).asText()).isEqualTo("success@simulator.amazonses.com");
        assertThat(n.get("delivery").get("processingTimeMillis").asLong()).isEqualTo(500);
        assertThat(n.get("delivery").get("smtpResponse").asText()).startsWith("250");
        assertThat(n.get("delivery").get("timestamp").asText()).isEqualTo("2024-05-01T10:00:00.500Z");
        JsonNode mail = n.get("mail");
        assertThat(mail.get("messageId").asText()).isEqualTo(id);
        assertThat(mail.get("source").asText()).isEqualTo("me@example.com");
        assertThat(mail.get("sourceArn").asText()).isEqualTo("arn:aws:ses:us-east-1:123456789012:identity/me@example.com");
        assertThat(mail.get("sendingAccountId").asText()).isEqualTo(ACCOUNT);
        assertThat(mail.get("timestamp").asText()).isEqualTo("2024-05-01T10:00:00.000Z");
        assertThat(mail.has("headers")).isFalse();
    }

    @Test
    void bounceWithHeadersWhenEnabled() {
        v1("VerifyDomainIdentity", "{'Domain':'example.com'}");
        subscribeIdentity("example.com", true);
        String id = sendV1("me@example.com", "bounce+t1@simulator.amazonses.com", "subj", "t");
        clock.advance(Duration.ofSeconds(1));
        JsonNode bounce = only("Bounce").get("bounce");
        assertThat(bounce.get("bounceType").asText()).isEqualTo("Permanent");
        assertThat(bounce.get("bounceSubType").asText()).isEqualTo("General");
        JsonNode r = bounce.get("bouncedRecipients").get(0);
        assertThat(r.get("emailAddress").asText()).isEqualTo("bounce+t1@simulator.amazonses.com");
        assertThat(r.get("status").asText()).isEqualTo("5.1.1");
        assertThat(r.get("action").asText()).isEqualTo("failed");
        assertThat(r.get("diagnosticCode").asText()).isEqualTo("smtp; 550 5.1.1 user unknown");
        assertThat(bounce.get("feedbackId").asText()).endsWith("-000000");
        assertThat(bounce.get("reportingMTA").asText()).startsWith("dsn; ");
        JsonNode mail = only("Bounce").get("mail");
        assertThat(mail.get("headersTruncated").asBoolean()).isFalse();
        assertThat(mail.get("commonHeaders").get("subject").asText()).isEqualTo("subj");
        assertThat(mail.get("commonHeaders").get("to").get(0).asText()).isEqualTo("bounce+t1@simulator.amazonses.com");
        // The headers of the message as handed to SES: not the Message-ID and Date SES stamps when sending.
        assertThat(mail.get("headers").findValuesAsText("name")).contains("From", "To", "Subject", "MIME-Version")
                .doesNotContain("Message-ID", "Date");
        assertThat(mail.get("commonHeaders").get("messageId").asText()).isEqualTo(id);
        assertThat(v1("GetSendStatistics", "{}").get("SendDataPoints").get(0).get("Bounces").asLong()).isEqualTo(1);
    }

    @Test
    void complaintOotoAndSuppressionList() {
        verifyEmail("me@example.com");
        subscribeIdentity("me@example.com", false);
        sendV1("me@example.com", "complaint@simulator.amazonses.com", "s", "t");
        sendV1("me@example.com", "ooto@simulator.amazonses.com", "s", "t");
        sendV1("me@example.com", "suppressionlist@simulator.amazonses.com", "s", "t");
        clock.advance(Duration.ofSeconds(1));
        JsonNode complaint = only("Complaint").get("complaint");
        assertThat(complaint.get("complainedRecipients").get(0).get("emailAddress").asText())
                .isEqualTo("complaint@simulator.amazonses.com");
        assertThat(complaint.get("complaintFeedbackType").asText()).isEqualTo("abuse");
        List<JsonNode> deliveries = published(TOPIC).stream()
                .filter(n -> n.get("notificationType").asText().equals("Delivery")).toList();
        assertThat(deliveries).hasSize(2); // complaint@ and ooto@ are delivered first
        JsonNode bounce = only("Bounce").get("bounce");
        assertThat(bounce.get("bounceSubType").asText()).isEqualTo("Suppressed");
        assertThat(bounce.has("reportingMTA")).isFalse();
    }

    @Test
    void accountSuppressionListBouncesAndConfigurationSetCanOverride() {
        verifyEmail("me@example.com");
        subscribeIdentity("me@example.com", false);
        v2("PutSuppressedDestination", "{'EmailAddress':'gone@x.org','Reason':'BOUNCE'}");
        assertThat(v2("GetSuppressedDestination", "{'EmailAddress':'gone@x.org'}").get("SuppressedDestination")
                .get("Reason").asText()).isEqualTo("BOUNCE");
        sendV1("me@example.com", "gone@x.org", "s", "t");
        clock.advance(Duration.ofSeconds(1));
        assertThat(only("Bounce").get("bounce").get("bounceSubType").asText()).isEqualTo("OnAccountSuppressionList");

        v2("CreateConfigurationSet", "{'ConfigurationSetName':'nosup','SuppressionOptions':{'SuppressedReasons':[]}}");
        v1("SendEmail", "{'Source':'me@example.com','ConfigurationSetName':'nosup','Destination':{'ToAddresses':"
                + "['gone@x.org']},'Message':{'Subject':{'Data':'s'},'Body':{'Text':{'Data':'t'}}}}");
        clock.advance(Duration.ofSeconds(1));
        assertThat(only("Delivery").get("delivery").get("recipients").get(0).asText()).isEqualTo("gone@x.org");
        v2("DeleteSuppressedDestination", "{'EmailAddress':'gone@x.org'}");
        v2Fails("GetSuppressedDestination", "{'EmailAddress':'gone@x.org'}", "NotFoundException", 404, "gone@x.org");
    }

    @Test
    void eventPublishingSendsSendAndDeliveryWithTags() {
        topics.create(EVENTS);
        v2("CreateEmailIdentity", "{'EmailIdentity':'example.com'}");
        v2("CreateConfigurationSet", "{'ConfigurationSetName':'cs'}");
        v2("CreateConfigurationSetEventDestination", "{'ConfigurationSetName':'cs','EventDestinationName':'sns',"
                + "'EventDestination':{'Enabled':true,'MatchingEventTypes':['SEND','DELIVERY','BOUNCE'],"
                + "'SnsDestination':{'TopicArn':'" + EVENTS + "'}}}");
        v2("CreateConfigurationSetEventDestination", "{'ConfigurationSetName':'cs','EventDestinationName':'cw',"
                + "'EventDestination':{'Enabled':true,'MatchingEventTypes':['SEND'],'CloudWatchDestination':"
                + "{'DimensionConfigurations':[{'DimensionName':'d','DimensionValueSource':'MESSAGE_TAG','DefaultDimensionValue':'x'}]}}}");
        String id = v2("SendEmail", "{'FromEmailAddress':'app@example.com','Destination':{'ToAddresses':['u@x.org',"
                + "'bounce@simulator.amazonses.com']},'ConfigurationSetName':'cs','EmailTags':[{'Name':'campaign','Value':'may'}],"
                + "'Content':{'Simple':{'Subject':{'Data':'s'},'Body':{'Text':{'Data':'t'}}}}}").get("MessageId").asText();
        List<JsonNode> events = published(EVENTS);
        assertThat(events).hasSize(1);
        JsonNode send = events.get(0);
        assertThat(send.get("eventType").asText()).isEqualTo("Send");
        assertThat(send.get("send").isObject()).isTrue();
        assertThat(send.get("mail").get("messageId").asText()).isEqualTo(id);
        assertThat(send.get("mail").get("tags").get("campaign").get(0).asText()).isEqualTo("may");
        assertThat(send.get("mail").get("tags").get("ses:configuration-set").get(0).asText()).isEqualTo("cs");
        assertThat(send.get("mail").get("tags").get("ses:from-domain").get(0).asText()).isEqualTo("example.com");
        assertThat(send.get("mail").get("headers")).isNotEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(published(EVENTS)).extracting(e -> e.get("eventType").asText())
                .containsExactly("Send", "Delivery", "Bounce");
        assertThat(published(EVENTS).get(1).get("delivery").get("recipients")).hasSize(1);

        JsonNode v1View = v1("DescribeConfigurationSet", "{'ConfigurationSetName':'cs','ConfigurationSetAttributeNames':"
                + "['eventDestinations']}").get("EventDestinations");
        assertThat(v1View.get(0).get("SNSDestination").get("TopicARN").asText()).isEqualTo(EVENTS);
        assertThat(v1View.get(1).get("CloudWatchDestination").get("DimensionConfigurations").get(0)
                .get("DimensionValueSource").asText()).isEqualTo("messageTag");
    }

    /** The SNS envelopes AWS recorded (LocalStack's AWS-recorded snapshots): validation first, then events. */
    @Test
    void anSnsDestinationIsValidatedWhenCreatedAndEventsCarryAwsSubject() {
        topics.create(EVENTS);
        verifyEmail("me@example.com");
        subscribeIdentity("me@example.com", false);
        v1("CreateConfigurationSet", "{'ConfigurationSet':{'Name':'cs'}}");
        String destination = "{'ConfigurationSetName':'cs','EventDestination':{'Name':'d','Enabled':true,"
                + "'MatchingEventTypes':['send','delivery'],'SNSDestination':{'TopicARN':'" + EVENTS + "'}}}";
        v1("CreateConfigurationSetEventDestination", destination);
        FakeTopics.Publication validated = new FakeTopics.Publication(null,
                "Successfully validated SNS topic for Amazon SES event publishing.");
        assertThat(topics.publications(EVENTS)).containsExactly(validated);
        v1("UpdateConfigurationSetEventDestination", destination);
        assertThat(topics.publications(EVENTS)).containsExactly(validated);

        v1("SendEmail", "{'Source':'me@example.com','ConfigurationSetName':'cs','Destination':{'ToAddresses':"
                + "['success@simulator.amazonses.com']},'Message':{'Subject':{'Data':'s'},"
                + "'Body':{'Text':{'Data':'t'}}}}");
        clock.advance(Duration.ofSeconds(1));
        List<FakeTopics.Publication> events = topics.publications(EVENTS);
        assertThat(events).hasSize(3).first().isEqualTo(validated);
        assertThat(events.subList(1, 3)).extracting(FakeTopics.Publication::subject)
                .containsOnly("Amazon SES Email Event Notification");
        assertThat(published(EVENTS)).extracting(e -> e.get("eventType").asText()).containsExactly("Send", "Delivery");
        // Identity notifications have no subject.
        assertThat(topics.publications(TOPIC)).extracting(FakeTopics.Publication::subject)
                .containsExactly((String) null);

        String other = "arn:aws:sns:us-east-1:123456789012:v2-events";
        topics.create(other);
        v2("CreateConfigurationSetEventDestination", "{'ConfigurationSetName':'cs','EventDestinationName':'v2',"
                + "'EventDestination':{'Enabled':true,'MatchingEventTypes':['SEND'],'SnsDestination':{'TopicArn':'"
                + other + "'}}}");
        assertThat(topics.publications(other)).containsExactly(validated);
    }

    @Test
    void virusesAreRejectedAfterAcceptance() {
        topics.create(EVENTS);
        verifyEmail("me@example.com");
        v1("CreateConfigurationSet", "{'ConfigurationSet':{'Name':'cs'}}");
        v1("CreateConfigurationSetEventDestination", "{'ConfigurationSetName':'cs','EventDestination':{'Name':'d',"
                + "'Enabled':true,'MatchingEventTypes':['reject','delivery'],'SNSDestination':{'TopicARN':'" + EVENTS + "'}}}");
        String eicar = "X5O!P%@AP[4\\\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";
        v1("SendEmail", "{'Source':'me@example.com','ConfigurationSetName':'cs','Destination':{'ToAddresses':['a@x.org']},"
                + "'Message':{'Subject':{'Data':'s'},'Body':{'Text':{'Data':'" + eicar + "'}}}}");
        clock.advance(Duration.ofSeconds(1));
        assertThat(published(EVENTS)).extracting(e -> e.get("eventType").asText()).containsExactly("Reject");
        assertThat(published(EVENTS).get(0).get("reject").get("reason").asText()).isEqualTo("Bad content");
    }

    /** AWS's recorded answers (LocalStack's AWS-recorded snapshots, 2025): repeatable, then the two refusals. */
    @Test
    void headersInNotificationsAreSetRepeatablyAndRefusedInAwsWords() {
        verifyEmail("sender@example.com");
        for (String type : List.of("Bounce", "Complaint", "Delivery")) {
            for (boolean enabled : List.of(true, false)) {
                String call = "{'Identity':'sender@example.com','NotificationType':'" + type + "','Enabled':"
                        + enabled + "}";
                v1("SetIdentityHeadersInNotificationsEnabled", call);
                v1("SetIdentityHeadersInNotificationsEnabled", call);
            }
        }
        AwsException badType = v1Error("SetIdentityHeadersInNotificationsEnabled", "{'Identity':'sender@example.com',"
                + "'NotificationType':'InvalidType','Enabled':true}");
        assertThat(badType.error().code()).isEqualTo("InvalidParameterValue");
        assertThat(badType.getMessage())
                .isEqualTo("Invalid notification type: InvalidType. Valid values are: Bounce, Complaint, Delivery.");
        for (String type : List.of("Bounce", "Complaint", "Delivery")) {
            AwsException unknown = v1Error("SetIdentityHeadersInNotificationsEnabled", "{'Identity':"
                    + "'unknown@example.com','NotificationType':'" + type + "','Enabled':true}");
            assertThat(unknown.error().code()).isEqualTo("MessageRejected");
            assertThat(unknown.error().status()).isEqualTo(400);
            assertThat(unknown.getMessage())
                    .isEqualTo("Identity unknown@example.com is not verified or does not exist.");
        }
        // The sibling operations keep their own answers (AWS's were not recorded).
        v1Fails("SetIdentityNotificationTopic", "{'Identity':'sender@example.com','NotificationType':'InvalidType'}",
                "InvalidParameterValue", "Value InvalidType for parameter NotificationType is invalid. Must be one of:"
                        + " Bounce, Complaint, Delivery.");
        v1Fails("SetIdentityNotificationTopic", "{'Identity':'unknown@example.com','NotificationType':'Bounce',"
                + "'SnsTopic':'" + TOPIC + "'}", "InvalidParameterValue",
                "Identity <unknown@example.com> does not exist.");
    }

    @Test
    void notificationTopicMustExistAndForwardingNeedsTopics() {
        verifyEmail("me@example.com");
        v1Fails("SetIdentityNotificationTopic", "{'Identity':'me@example.com','NotificationType':'Bounce','SnsTopic':"
                + "'arn:aws:sns:us-east-1:123456789012:missing'}", "InvalidParameterValue", "missing");
        v1Fails("SetIdentityFeedbackForwardingEnabled", "{'Identity':'me@example.com','ForwardingEnabled':false}",
                "InvalidParameterValue", "bounce topic");
        subscribeIdentity("me@example.com", false);
        v1("SetIdentityFeedbackForwardingEnabled", "{'Identity':'me@example.com','ForwardingEnabled':false}");
        JsonNode attrs = v1("GetIdentityNotificationAttributes", "{'Identities':['me@example.com','unknown@x.org']}")
                .get("NotificationAttributes");
        assertThat(attrs.has("unknown@x.org")).isFalse();
        assertThat(attrs.get("me@example.com").get("BounceTopic").asText()).isEqualTo(TOPIC);
        assertThat(attrs.get("me@example.com").get("ForwardingEnabled").asBoolean()).isFalse();
    }
}
