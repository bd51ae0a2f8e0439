package io.mailroom.ses;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.error.AwsException;
import io.mailroom.core.request.RequestContext;
import io.mailroom.ses.sending.SentMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SendingTest extends SesTestSupport {

    @Test
    void unverifiedSourceIsRejectedWithTheSandboxMessage() {
        v1Fails("SendEmail", "{'Source':'a@example.com','Destination':{'ToAddresses':['b@example.org']},"
                        + "'Message':{'Subject':{'Data':'s'},'Body':{'Text':{'Data':'t'}}}}", "MessageRejected",
                "Email address is not verified. The following identities failed the check in region US-EAST-1: a@example.com");
        v2Fails("SendEmail", "{'FromEmailAddress':'a@example.com','Destination':{'ToAddresses':['b@example.org']},"
                        + "'Content':{'Simple':{'Subject':{'Data':'s'},'Body':{'Text':{'Data':'t'}}}}}",
                "MessageRejected", 400, "failed the check in region US-EAST-1: a@example.com");
        assertThat(ses.sentMessages()).isEmpty();
    }

    @Test
    void verifiedAddressDomainAndSubdomainMaySend() {
        verifyEmail("me@example.com");
        v1("VerifyDomainIdentity", "{'Domain':'corp.test'}");
        sendV1("me@example.com", "x@y.org", "one", "t");
        sendV1("Sales <sales@corp.test>", "x@y.org", "two", "t");
        sendV1("news@mail.corp.test", "x@y.org", "three", "t");
        v1Fails("SendEmail", "{'Source':'other@example.com','Destination':{'ToAddresses':['x@y.org']},"
                + "'Message':{'Subject':{'Data':'s'},'Body':{'Text':{'Data':'t'}}}}", "MessageRejected", "other@example.com");
        assertThat(ses.sentMessages()).extracting(SentMessage::subject).containsExactly("one", "two", "three");
    }

    @Test
    void autoVerifyLetsAnySenderThrough() {
        SesModule open = SesModule.create(clock, clock, topics, SesConfig.defaults().withAutoVerify(true));
        ObjectNode out = call(open.v1(), CTX, "SendEmail", "{'Source':'x@nowhere.test','Destination':{'ToAddresses':"
                + "['y@z.test']},'Message':{'Subject':{'Data':'s'},'Body':{'Text':{'Data':'t'}}}}".replace('\'', '"'));
        assertThat(open.sentMessage(out.get("MessageId").asText())).isPresent();
    }

    @Test
    void messageIdsHaveAwsFormatWithSendTime() {
        verifyEmail("me@example.com");
        String id = sendV1("me@example.com", "x@y.org", "s", "t");
        assertThat(id).matches("0100[0-9a-f]{12}-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}-000000");
        assertThat(Long.parseLong(id.substring(4, 16), 16)).isEqualTo(clock.millis());
        assertThat(raw(id)).contains("Message-ID: <" + id + "@email.amazonses.com>");
    }

    @Test
    void simpleContentBecomesACompleteMimeMessageWithoutBcc() {
        verifyEmail("me@example.com");
        String id = v1("SendEmail", "{'Source':'Me <me@example.com>','Destination':{'ToAddresses':['a@x.org'],"
                + "'CcAddresses':['c@x.org'],'BccAddresses':['hidden@x.org']},'ReplyToAddresses':['reply@example.com'],"
                + "'Message':{'Subject':{'Data':'Héllo','Charset':'UTF-8'},'Body':{'Text':{'Data':'plain body'},"
                + "'Html':{'Data':'<b>html body</b>'}}}}").get("MessageId").asText();
        String mime = raw(id);
        assertThat(mime).contains("From: Me <me@example.com>", "To: a@x.org", "Cc: c@x.org", "Reply-To: reply@example.com",
                "MIME-Version: 1.0", "multipart/alternative", "text/plain", "text/html", "plain body", "<b>html body</b>",
                "Date: Wed, 1 May 2024 10:00:00 +0000 (UTC)", "Subject: =?UTF-8?");
        assertThat(mime).doesNotContain("hidden@x.org").doesNotContain("Bcc:");
        SentMessage m = ses.sentMessage(id).orElseThrow();
        assertThat(m.destinations()).containsExactly("a@x.org", "c@x.org", "hidden@x.org");
        assertThat(m.subject()).isEqualTo("Héllo");
    }

    @Test
    void recipientLimitsAndAddressSyntax() {
        verifyEmail("me@example.com");
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            many.add("'r" + i + "@x.org'");
        }
        v1Fails("SendEmail", "{'Source':'me@example.com','Destination':{'ToAddresses':[" + String.join(",", many)
                + "]},'Message':{'Subject':{'Data':'s'},'Body':{'Text':{'Data':'t'}}}}", "InvalidParameterValue",
                "Recipient count exceeds 50.");
        many.remove(50);
        v1("SendEmail", "{'Source':'me@example.com','Destination':{'ToAddresses':[" + String.join(",", many)
                + "]},'Message':{'Subject':{'Data':'s'},'Body':{'Text':{'Data':'t'}}}}");
        v1Fails("SendEmail", "{'Source':'me@example.com','Destination':{'ToAddresses':['nodomain']},"
                + "'Message':{'Subject':{'Data':'s'},'Body':{'Text':{'Data':'t'}}}}", "InvalidParameterValue",
                "Missing final '@domain'");
        v2Fails("SendEmail", "{'FromEmailAddress':'me@example.com','Destination':{'ToAddresses':['a@@b']},"
                + "'Content':{'Simple':{'Subject':{'Data':'s'},'Body':{'Text':{'Data':'t'}}}}}", "BadRequestException",
                400, "address");
    }

    /** AWS's recorded refusals (2024), word for word and spaces included; tags are judged before the sender. */
    @Test
    void invalidTagsAreRefusedInAwsWords() {
        String name300 = "n".repeat(300);
        String value300 = "v".repeat(300);
        assertThat(tagRefusal("test_invalid_name:123", "test")).isEqualTo("Invalid tag name <test_invalid_name:123>:"
                + " only alphanumeric ASCII characters, '_',  '-' are allowed.");
        assertThat(tagRefusal("test", "test_invalid_value:123")).isEqualTo("Invalid tag value"
                + " <test_invalid_value:123>: only alphanumeric ASCII characters, '_',  '-' , '.', '@' are allowed.");
        assertThat(tagRefusal("test_invalid_name:123", "test_invalid_value:123")).startsWith("Invalid tag name");
        assertThat(tagRefusal(name300, "test")).isEqualTo("Tag name cannot exceed 255 characters.");
        assertThat(tagRefusal("test", value300)).isEqualTo("Tag value cannot exceed 255 characters.");
        assertThat(tagRefusal("test_invalid_name@123", value300)).isEqualTo("Invalid tag name"
                + " <test_invalid_name@123>: only alphanumeric ASCII characters, '_',  '-' are allowed.");
        assertThat(tagRefusal("", "")).isEqualTo("The tag name must be specified.");
        assertThat(tagRefusal("", "test")).isEqualTo("The tag name must be specified.");
        assertThat(tagRefusal("test", "")).isEqualTo("The tag value must be specified.");
    }

    private String tagRefusal(String name, String value) {
        AwsException e = v1Error("SendEmail", "{'Source':'unverified@example.com','Tags':[{'Name':'" + name
                + "','Value':'" + value + "'}],'Destination':{'ToAddresses':['success@example.com']},"
                + "'Message':{'Subject':{'Data':'s'},'Body':{'Text':{'Data':'t'}}}}");
        assertThat(e.error().code()).isEqualTo("InvalidParameterValue");
        return e.getMessage();
    }

    @Test
    void rawMessageIsParsedAndRecipientsDefaultToItsHeaders() {
        verifyEmail("me@example.com");
        String mime = "From: Me <me@example.com>\r\nTo: a@x.org\r\nCc: c@x.org\r\nBcc: b@x.org\r\nSubject: raw one\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"XYZ\"\r\n\r\n--XYZ\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\nhello raw\r\n--XYZ\r\n"
                + "Content-Type: application/pdf; name=\"doc.pdf\"\r\nContent-Disposition: attachment; filename=\"doc.pdf\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n--XYZ--\r\n";
        String id = v1("SendRawEmail", "{'RawMessage':{'Data':'" + b64(mime) + "'}}").get("MessageId").asText();
        SentMessage m = ses.sentMessage(id).orElseThrow();
        assertThat(m.destinations()).containsExactly("a@x.org", "c@x.org", "b@x.org");
        assertThat(m.subject()).isEqualTo("raw one");
        assertThat(m.text()).contains("hello raw");
        assertThat(raw(id)).contains("Message-ID: <" + id + "@email.amazonses.com>", "doc.pdf")
                .doesNotContain("Bcc:");

        String explicit = v1("SendRawEmail", "{'Destinations':['only@x.org'],'RawMessage':{'Data':'" + b64(mime) + "'}}")
                .get("MessageId").asText();
        assertThat(ses.sentMessage(explicit).orElseThrow().destinations()).containsExactly("only@x.org");

        v1Fails("SendRawEmail", "{'RawMessage':{'Data':'" + b64("To: a@x.org\r\nSubject: s\r\n\r\nbody") + "'}}",
                "InvalidParameterValue", "Missing required header 'From'.");
        v1Fails("SendRawEmail", "{'RawMessage':{'Data':'" + b64("From: stranger@else.org\r\nTo: a@x.org\r\n\r\nb") + "'}}",
                "MessageRejected", "stranger@else.org");
        // https://docs.aws.amazon.com/ses/latest/dg/header-fields.html: these appear at most once.
        assertThat(v1Error("SendRawEmail", "{'RawMessage':{'Data':'" + b64("From: me@example.com\r\nTo: a@x.org\r\n"
                + "Subject: s\r\nsubject: again\r\n\r\nbody") + "'}}").getMessage()).isEqualTo("Duplicate header 'subject'.");
        v1("SendRawEmail", "{'RawMessage':{'Data':'" + b64("From: me@example.com\r\nTo: a@x.org\r\n"
                + "X-Custom: 1\r\nX-Custom: 2\r\nReceived: a\r\nReceived: b\r\n\r\nbody") + "'}}");
    }

    @Test
    void v2SimpleContentWithAttachmentsAndHeaders() {
        v2("CreateEmailIdentity", "{'EmailIdentity':'me@example.com'}");
        String id = v2("SendEmail", "{'FromEmailAddress':'me@example.com','Destination':{'ToAddresses':['a@x.org']},"
                + "'Content':{'Simple':{'Subject':{'Data':'with file'},'Body':{'Text':{'Data':'see attached'},"
                + "'Html':{'Data':'<p>see</p>'}},'Headers':[{'Name':'X-Campaign','Value':'spring'}],"
                + "'Attachments':[{'FileName':'notes.txt','ContentType':'text/plain','RawContent':'" + b64("file body")
                + "'}]}}}").get("MessageId").asText();
        String mime = raw(id);
        assertThat(mime).contains("multipart/mixed", "multipart/alternative", "X-Campaign: spring",
                "filename=notes.txt", "Content-Disposition: attachment");
        assertThat(ses.sentMessage(id).orElseThrow().html()).isEqualTo("<p>see</p>");
    }

    @Test
    void v2RawContent() {
        v2("CreateEmailIdentity", "{'EmailIdentity':'example.com'}");
        String id = v2("SendEmail", "{'Content':{'Raw':{'Data':'" + b64("From: app@example.com\r\nTo: z@x.org\r\n"
                + "Subject: v2 raw\r\n\r\nbody") + "'}}}").get("MessageId").asText();
        assertThat(ses.sentMessage(id).orElseThrow().destinations()).containsExactly("z@x.org");
        v2Fails("SendEmail", "{'Content':{}}", "BadRequestException", 400, "Exactly one");
    }

    @Test
    void localStackViewFiltersAndClears() {
        verifyEmail("a@example.com");
        verifyEmail("b@example.com");
        String first = sendV1("a@example.com", "x@y.org", "s1", "t1");
        sendV1("b@example.com", "x@y.org", "s2", "t2");
        JsonNode all = ses.sentMessagesJson(null, null).get("messages");
        assertThat(all).hasSize(2);
        JsonNode m = all.get(0);
        assertThat(m.get("Id").asText()).isEqualTo(first);
        assertThat(m.get("Region").asText()).isEqualTo("us-east-1");
        assertThat(m.get("Source").asText()).isEqualTo("a@example.com");
        assertThat(m.get("Destination").get("ToAddresses").get(0).asText()).isEqualTo("x@y.org");
        assertThat(m.get("Subject").asText()).isEqualTo("s1");
        assertThat(m.get("Body").get("text_part").asText()).isEqualTo("t1");
        assertThat(m.get("Body").get("html_part").isNull()).isTrue();
        assertThat(m.get("Timestamp").asText()).isEqualTo("2024-05-01T10:00:00.000");
        assertThat(m.get("RawData").asText()).contains("Subject: s1");
        assertThat(ses.sentMessagesJson(null, "b@example.com").get("messages")).hasSize(1);
        assertThat(ses.sentMessagesJson(first, "").get("messages")).hasSize(1);
        ses.clearSentMessages(first);
        assertThat(ses.sentMessagesJson(null, null).get("messages")).hasSize(1);
        ses.clearSentMessages(null);
        assertThat(ses.sentMessagesJson(null, null).get("messages")).isEmpty();
    }

    @Test
    void accountAndConfigurationSetSendingSwitches() {
        verifyEmail("me@example.com");
        v1("UpdateAccountSendingEnabled", "{'Enabled':false}");
        assertThat(v1("GetAccountSendingEnabled", "{}").get("Enabled").asBoolean()).isFalse();
        v1Fails("SendEmail", "{'Source':'me@example.com','Destination':{'ToAddresses':['x@y.org']},"
                + "'Message':{'Subject':{'Data':'s'},'Body':{'Text':{'Data':'t'}}}}", "AccountSendingPausedException", "");
        v2Fails("SendEmail", "{'FromEmailAddress':'me@example.com','Destination':{'ToAddresses':['x@y.org']},"
                + "'Content':{'Simple':{'Subject':{'Data':'s'},'Body':{'Text':{'Data':'t'}}}}}", "SendingPausedException",
                400, "");
        v2("PutAccountSendingAttributes", "{'SendingEnabled':true}");
        v1("CreateConfigurationSet", "{'ConfigurationSet':{'Name':'cs'}}");
        v1("UpdateConfigurationSetSendingEnabled", "{'ConfigurationSetName':'cs','Enabled':false}");
        v1Fails("SendEmail", "{'Source':'me@example.com','ConfigurationSetName':'cs','Destination':{'ToAddresses':"
                        + "['x@y.org']},'Message':{'Subject':{'Data':'s'},'Body':{'Text':{'Data':'t'}}}}",
                "ConfigurationSetSendingPausedException", "cs");
        v1Fails("SendEmail", "{'Source':'me@example.com','ConfigurationSetName':'nope','Destination':{'ToAddresses':"
                        + "['x@y.org']},'Message':{'Subject':{'Data':'s'},'Body':{'Text':{'Data':'t'}}}}",
                "ConfigurationSetDoesNotExist", "Configuration set <nope> does not exist.");
    }

    @Test
    void quotaAndStatisticsCountRecipients() {
        verifyEmail("me@example.com");
        sendV1("me@example.com", "a@x.org", "s", "t");
        clock.advance(Duration.ofMinutes(20));
        v1("SendEmail", "{'Source':'me@example.com','Destination':{'ToAddresses':['a@x.org','b@x.org']},"
                + "'Message':{'Subject':{'Data':'s'},'Body':{'Text':{'Data':'t'}}}}");
        JsonNode quota = v1("GetSendQuota", "{}");
        assertThat(quota.get("SentLast24Hours").asDouble()).isEqualTo(3.0);
        assertThat(quota.get("Max24HourSend").asDouble()).isEqualTo(200.0);
        assertThat(quota.get("MaxSendRate").asDouble()).isEqualTo(1.0);
        JsonNode points = v1("GetSendStatistics", "{}").get("SendDataPoints");
        assertThat(points).hasSize(2);
        assertThat(points.get(1).get("DeliveryAttempts").asLong()).isEqualTo(2);
        assertThat(v2("GetAccount", "{}").get("SendQuota").get("SentLast24Hours").asDouble()).isEqualTo(3.0);
        clock.advance(Duration.ofHours(24));
        assertThat(v1("GetSendQuota", "{}").get("SentLast24Hours").asDouble()).isEqualTo(0.0);
    }

    @Test
    void enforcedQuotaThrottles() {
        SesModule limited = SesModule.create(clock, clock, topics, SesConfig.defaults().withQuota(2, 1, true));
        call(limited.v1(), CTX, "VerifyEmailIdentity", "{\"EmailAddress\":\"me@example.com\"}");
        String send = "{\"Source\":\"me@example.com\",\"Destination\":{\"ToAddresses\":[\"a@x.org\",\"b@x.org\"]},"
                + "\"Message\":{\"Subject\":{\"Data\":\"s\"},\"Body\":{\"Text\":{\"Data\":\"t\"}}}}";
        call(limited.v1(), CTX, "SendEmail", send);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> call(limited.v1(), CTX, "SendEmail", send))
                .hasMessage("Daily message quota exceeded.");
    }

    @Test
    void accountsAndRegionsAreIsolated() {
        verifyEmail("me@example.com");
        RequestContext west = new RequestContext(ACCOUNT, "eu-west-1", "r", "http://localhost");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> call(ses.v1(), west, "SendEmail",
                "{\"Source\":\"me@example.com\",\"Destination\":{\"ToAddresses\":[\"a@x.org\"]},"
                        + "\"Message\":{\"Subject\":{\"Data\":\"s\"},\"Body\":{\"Text\":{\"Data\":\"t\"}}}}"))
                .hasMessageContaining("region EU-WEST-1");
        call(ses.v1(), west, "VerifyEmailIdentity", "{\"EmailAddress\":\"me@example.com\"}");
        String id = call(ses.v1(), west, "SendEmail", "{\"Source\":\"me@example.com\",\"Destination\":{\"ToAddresses\":"
                + "[\"a@x.org\"]},\"Message\":{\"Subject\":{\"Data\":\"s\"},\"Body\":{\"Text\":{\"Data\":\"t\"}}}}")
                .get("MessageId").asText();
        assertThat(id).startsWith("0102");
        assertThat(raw(id)).contains("@eu-west-1.amazonses.com>");
    }

    @Test
    void mailSinkStoresPlainMail() {
        String id = ses.mailSink().deliver("no-reply@sns.amazonaws.com", List.of("sub@x.org"), "AWS Notification", "hi");
        SentMessage m = ses.sentMessage(id).orElseThrow();
        assertThat(m.region()).isEqualTo("us-east-1");
        assertThat(m.text()).isEqualTo("hi");
        assertThat(raw(id)).contains("To: sub@x.org", "Subject: AWS Notification");
    }
}
