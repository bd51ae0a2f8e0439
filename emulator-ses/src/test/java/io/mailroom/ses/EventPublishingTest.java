package io.mailroom.ses;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The event records of an SNS event destination as AWS recorded them for SendEmail, SendTemplatedEmail and
 * SendRawEmail (LocalStack's AWS-recorded snapshots of test_ses_sns_topic_integration_*, 2023).
 */
class EventPublishingTest extends SesTestSupport {
    static final String EVENTS = "arn:aws:sns:us-east-1:123456789012:ses-events";
    static final String SENDER = "sender@example.com";
    static final String RECIPIENT = "recipient@example.com";

    @BeforeEach
    void destination() {
        topics.create(EVENTS);
        verifyEmail(SENDER);
        verifyEmail(RECIPIENT);
        v1("CreateConfigurationSet", "{'ConfigurationSet':{'Name':'cs'}}");
        v1("CreateConfigurationSetEventDestination", "{'ConfigurationSetName':'cs','EventDestination':{'Name':'d',"
                + "'Enabled':true,'MatchingEventTypes':['send','bounce','delivery','open','click'],'SNSDestination':"
                + "{'TopicARN':'" + EVENTS + "'}}}");
    }

    /** The Send and Delivery events of the one message sent so far, once its outcome is in. */
    private List<JsonNode> sendAndDelivery() {
        clock.advance(Duration.ofSeconds(1));
        List<JsonNode> events = published(EVENTS);
        assertThat(events).extracting(e -> e.get("eventType").asText()).containsExactly("Send", "Delivery");
        return events;
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void theMailObjectOfAnEventDoesNotNameTheCaller() {
        String id = v1("SendEmail", "{'Source':'" + SENDER + "','ConfigurationSetName':'cs','Destination':"
                + "{'ToAddresses':['" + RECIPIENT + "']},'Tags':[{'Name':'custom-tag','Value':'tag-value'}],"
                + "'Message':{'Subject':{'Data':'SOME_SUBJECT'},'Body':{'Text':{'Data':'SOME_MESSAGE'},"
                + "'Html':{'Data':'<p>SOME_HTML</p>'}}}}").get("MessageId").asText();
        for (JsonNode event : sendAndDelivery()) {
            JsonNode mail = event.get("mail");
            assertThat(names(mail)).containsExactly("timestamp", "source", "sourceArn", "sendingAccountId",
                    "messageId", "destination", "headersTruncated", "headers", "commonHeaders", "tags");
            assertThat(mail.get("messageId").asText()).isEqualTo(id);
            assertThat(mail.get("sourceArn").asText()).isEqualTo("arn:aws:ses:us-east-1:" + ACCOUNT + ":identity/"
                    + SENDER);
        }
        List<JsonNode> events = published(EVENTS);
        assertThat(names(events.get(0).get("mail").get("tags"))).containsExactly("ses:operation",
                "ses:configuration-set", "ses:source-ip", "ses:from-domain", "custom-tag", "ses:caller-identity");
        JsonNode deliveryTags = events.get(1).get("mail").get("tags");
        assertThat(names(deliveryTags)).containsExactly("ses:operation", "ses:configuration-set", "ses:source-ip",
                "ses:from-domain", "custom-tag", "ses:caller-identity", "ses:outgoing-ip");
        assertThat(deliveryTags.get("ses:outgoing-ip").get(0).asText()).isEqualTo("127.0.0.1");
        assertThat(deliveryTags.get("ses:from-domain").get(0).asText()).isEqualTo("example.com");
    }

    @Test
    void sendEmailReportsItsHeadersWithoutTheMessageIdAndDateSesStamps() {
        String id = v1("SendEmail", "{'Source':'" + SENDER + "','ConfigurationSetName':'cs','Destination':"
                + "{'ToAddresses':['" + RECIPIENT + "']},'Message':{'Subject':{'Data':'SOME_SUBJECT'},'Body':{'Text':"
                + "{'Data':'SOME_MESSAGE'},'Html':{'Data':'<p>SOME_HTML</p>'}}}}").get("MessageId").asText();
        List<JsonNode> events = sendAndDelivery();
        JsonNode mail = events.get(0).get("mail");
        assertThat(events.get(1).get("mail").get("headers")).isEqualTo(mail.get("headers"));
        assertThat(mail.get("headersTruncated").asBoolean()).isFalse();
        assertThat(mail.get("headers").findValuesAsText("name"))
                .containsExactly("From", "To", "Subject", "MIME-Version", "Content-Type");
        assertThat(mail.get("headers").get(4).get("value").asText()).startsWith("multipart/alternative;");
        JsonNode common = mail.get("commonHeaders");
        assertThat(names(common)).containsExactly("from", "to", "messageId", "subject");
        assertThat(common.get("from").get(0).asText()).isEqualTo(SENDER);
        assertThat(common.get("to").get(0).asText()).isEqualTo(RECIPIENT);
        assertThat(common.get("messageId").asText()).isEqualTo(id);
        assertThat(common.get("subject").asText()).isEqualTo("SOME_SUBJECT");
        // The message sent carries them all the same.
        assertThat(raw(id)).contains("Message-ID: <" + id + "@email.amazonses.com>", "Date: ");
    }

    @Test
    void displayNamesOutsideAsciiAreReportedAsWritten() {
        String id = v1("SendEmail", "{'Source':'J\u00f6rg <" + SENDER + ">','ConfigurationSetName':'cs','Destination':"
                + "{'ToAddresses':['Z\u00fcrich <" + RECIPIENT + ">']},'Message':{'Subject':{'Data':'s'},'Body':{'Text':"
                + "{'Data':'m'}}}}").get("MessageId").asText();
        JsonNode common = sendAndDelivery().get(0).get("mail").get("commonHeaders");
        assertThat(common.get("from").get(0).asText()).contains("J\u00f6rg", SENDER);
        assertThat(common.get("to").get(0).asText()).contains("Z\u00fcrich", RECIPIENT);
        // The message itself names them in encoded words, as mail headers must.
        assertThat(raw(id)).contains("From: =?UTF-8?");
    }

    @Test
    void anEmptyRawMessageReportsNoHeadersAndTheSesMessageId() {
        String id = v1("SendRawEmail", "{'Source':'" + SENDER + "','Destinations':['" + RECIPIENT + "'],"
                + "'ConfigurationSetName':'cs','RawMessage':{'Data':''}}").get("MessageId").asText();
        for (JsonNode event : sendAndDelivery()) {
            JsonNode mail = event.get("mail");
            assertThat(mail.get("headers")).isEmpty();
            assertThat(mail.get("commonHeaders").toString()).isEqualTo("{\"messageId\":\"" + id + "\"}");
            assertThat(mail.get("destination")).extracting(JsonNode::asText).containsExactly(RECIPIENT);
        }
    }

    @Test
    void aRawMessageReportsTheHeadersItCameWith() {
        String message = "From: " + SENDER + "\r\nTo: " + RECIPIENT + "\r\nMessage-ID: <mine@example.com>\r\n"
                + "Date: Fri, 25 Aug 2023 22:00:03 +0000\r\nSubject: raw\r\n\r\nbody\r\n";
        String id = v1("SendRawEmail", "{'ConfigurationSetName':'cs','RawMessage':{'Data':'" + b64(message) + "'}}")
                .get("MessageId").asText();
        JsonNode mail = sendAndDelivery().get(0).get("mail");
        assertThat(mail.get("headers").findValuesAsText("name"))
                .containsExactly("From", "To", "Message-ID", "Date", "Subject");
        JsonNode common = mail.get("commonHeaders");
        assertThat(common.get("messageId").asText()).isEqualTo("<mine@example.com>");
        assertThat(common.get("date").asText()).isEqualTo("Fri, 25 Aug 2023 22:00:03 +0000");
        assertThat(common.get("subject").asText()).isEqualTo("raw");
        assertThat(raw(id)).contains("Message-ID: <" + id + "@email.amazonses.com>").doesNotContain("mine@example.com");
    }

    @Test
    void aTemplatesSendEventDescribesTheCallBeforeRenderingAndItsDeliveryTheRenderedMessage() {
        v1("CreateTemplate", "{'Template':{'TemplateName':'t','SubjectPart':'Email template 1',"
                + "'TextPart':'Test template'}}");
        String id = v1("SendTemplatedEmail", "{'Source':'" + SENDER + "','Destination':{'ToAddresses':['" + RECIPIENT
                + "']},'Template':'t','TemplateData':'{}','ConfigurationSetName':'cs','Tags':[{'Name':'custom-tag',"
                + "'Value':'tag-value'}]}").get("MessageId").asText();
        List<JsonNode> events = sendAndDelivery();

        JsonNode send = events.get(0).get("mail");
        assertThat(send.get("headers").findValuesAsText("name")).containsExactly("From", "To", "MIME-Version");
        assertThat(names(send.get("commonHeaders"))).containsExactly("from", "to", "messageId");
        assertThat(send.get("commonHeaders").get("messageId").asText()).isEqualTo(id);
        assertThat(send.get("tags").get("ses:operation").get(0).asText()).isEqualTo("SendTemplatedEmail");

        JsonNode delivered = events.get(1).get("mail");
        assertThat(delivered.get("headers").findValuesAsText("name")).containsExactly("Date", "From", "To", "Subject",
                "MIME-Version", "Content-Type", "Content-Transfer-Encoding");
        assertThat(delivered.get("headers").get(5).get("value").asText()).isEqualTo("text/plain; charset=UTF-8");
        assertThat(delivered.get("headers").get(6).get("value").asText()).isEqualTo("7bit");
        JsonNode common = delivered.get("commonHeaders");
        assertThat(names(common)).containsExactly("from", "date", "to", "messageId", "subject");
        assertThat(common.get("date").asText()).isEqualTo(delivered.get("headers").get(0).get("value").asText());
        assertThat(common.get("subject").asText()).isEqualTo("Email template 1");
        assertThat(common.get("messageId").asText()).isEqualTo(id);
    }

    @Test
    void aRenderingFailureDescribesTheMessageBeforeRendering() {
        v1("CreateConfigurationSetEventDestination", "{'ConfigurationSetName':'cs','EventDestination':{'Name':'f',"
                + "'Enabled':true,'MatchingEventTypes':['renderingFailure'],'SNSDestination':{'TopicARN':'" + EVENTS
                + "'}}}");
        v1("CreateTemplate", "{'Template':{'TemplateName':'t','SubjectPart':'Hi {{name}}','TextPart':'x'}}");
        String id = v1("SendTemplatedEmail", "{'Source':'" + SENDER + "','Destination':{'ToAddresses':['" + RECIPIENT
                + "']},'Template':'t','TemplateData':'{}','ConfigurationSetName':'cs'}").get("MessageId").asText();
        JsonNode failure = published(EVENTS).get(0);
        assertThat(failure.get("eventType").asText()).isEqualTo("Rendering Failure");
        JsonNode mail = failure.get("mail");
        assertThat(mail.get("headers").findValuesAsText("name")).containsExactly("From", "To", "MIME-Version");
        assertThat(names(mail.get("commonHeaders"))).containsExactly("from", "to", "messageId");
        assertThat(mail.get("commonHeaders").get("messageId").asText()).isEqualTo(id);
    }

    @Test
    void identityNotificationsStillNameTheCaller() {
        v1("SetIdentityNotificationTopic", "{'Identity':'" + SENDER + "','NotificationType':'Delivery','SnsTopic':'"
                + TOPIC + "'}");
        sendV1(SENDER, RECIPIENT, "s", "t");
        clock.advance(Duration.ofSeconds(1));
        JsonNode mail = published(TOPIC).get(0).get("mail");
        assertThat(mail.get("sourceIp").asText()).isEqualTo("127.0.0.1");
        assertThat(mail.get("callerIdentity").asText()).isEqualTo("root");
        assertThat(mail.has("tags")).isFalse();
    }

    @Test
    void aRawMessageWithoutFromHasNoFromDomainTag() {
        v1("SendRawEmail", "{'Source':'" + SENDER + "','Destinations':['" + RECIPIENT + "'],'ConfigurationSetName':"
                + "'cs','Tags':[{'Name':'custom-tag','Value':'tag-value'}],'RawMessage':{'Data':''}}");
        for (JsonNode event : sendAndDelivery()) {
            JsonNode tags = event.get("mail").get("tags");
            assertThat(tags.has("ses:from-domain")).isFalse();
            assertThat(tags.get("ses:operation").get(0).asText()).isEqualTo("SendRawEmail");
            assertThat(tags.get("custom-tag").get(0).asText()).isEqualTo("tag-value");
            assertThat(event.get("mail").get("source").asText()).isEqualTo(SENDER);
        }
    }
}
