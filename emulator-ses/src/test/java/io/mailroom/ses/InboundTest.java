package io.mailroom.ses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.mailroom.core.error.AwsException;
import io.mailroom.ses.inbound.ActionRecord;
import io.mailroom.ses.inbound.InboundRecord;
import io.mailroom.ses.inbound.InboundResult;
import io.mailroom.ses.sending.SentMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Receipt rules run on inbound mail: matching, order, filters, TLS and every action's effect and JSON. */
class InboundTest extends SesTestSupport {
    static final String RAW = "From: Sender <sender@example.org>\r\n"
            + "To: Me <me@example.com>\r\n"
            + "Subject: Hello\r\n"
            + "Message-ID: <abc@example.org>\r\n"
            + "Date: Wed, 1 May 2024 09:59:00 +0000\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: text/plain; charset=UTF-8\r\n"
            + "\r\n"
            + "Hi there, \u00fcn\u00efcode\r\n";
    static final String IP = "198.51.100.7";

    private String lastRule;

    @BeforeEach
    void receiving() {
        v1("VerifyDomainIdentity", "{'Domain':'example.com'}");
        v1("CreateReceiptRuleSet", "{'RuleSetName':'rs'}");
        v1("SetActiveReceiptRuleSet", "{'RuleSetName':'rs'}");
        lastRule = null;
    }

    /** Appends a rule (CreateReceiptRule without After would put it first). */
    void rule(String json) {
        v1("CreateReceiptRule", "{'RuleSetName':'rs'," + (lastRule == null ? "" : "'After':'" + lastRule + "',")
                + "'Rule':" + json + "}");
        lastRule = JSON_NAME(json);
    }

    private static String JSON_NAME(String json) {
        try {
            return JSON.readTree(json.replace('\'', '"')).get("Name").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    InboundResult receive(String... to) {
        return ses.receiveInbound("sender@example.org", List.of(to), RAW.getBytes(StandardCharsets.UTF_8), IP);
    }

    InboundRecord only() {
        assertThat(ses.inboundMessages()).hasSize(1);
        return ses.inboundMessages().get(0);
    }

    // ---- matching ----

    @Test
    void addressDomainAndSubdomainEntriesMatchAsAwsDescribes() {
        rule("{'Name':'addr','Enabled':true,'Recipients':['Me@Example.com'],'Actions':[]}");
        rule("{'Name':'dom','Enabled':true,'Recipients':['corp.test'],'Actions':[]}");
        rule("{'Name':'sub','Enabled':true,'Recipients':['.sub.test'],'Actions':[]}");

        InboundResult r = receive("me@example.com", "other@example.com", "a@corp.test", "a@x.corp.test",
                "b@mail.sub.test", "b@sub.test");
        assertThat(r.messageId()).matches("[0-9a-v]{40}");
        assertThat(r.accepted()).containsExactly("me@example.com", "a@corp.test", "b@mail.sub.test");
        assertThat(r.rejected()).containsExactly("other@example.com", "a@x.corp.test", "b@sub.test");
        assertThat(only().rules()).containsExactly("addr", "dom", "sub");
        assertThat(ses.acceptsInbound("ME@EXAMPLE.COM")).isTrue();
        assertThat(ses.acceptsInbound("<a@corp.test>")).isTrue();
        assertThat(ses.acceptsInbound("a@x.corp.test")).isFalse();
    }

    @Test
    void aRuleWithoutRecipientsCoversVerifiedDomainsAndTheirSubdomainsOnly() {
        rule("{'Name':'all','Enabled':true,'Actions':[]}");
        InboundResult r = receive("anyone@example.com", "x@eu.example.com", "x@unverified.test");
        assertThat(r.accepted()).containsExactly("anyone@example.com", "x@eu.example.com");
        assertThat(r.rejected()).containsExactly("x@unverified.test");
    }

    @Test
    void nothingMatchesWithoutAnActiveRuleSetOrWithOnlyDisabledRules() {
        rule("{'Name':'off','Enabled':false,'Recipients':['example.com'],'Actions':[]}");
        assertThat(ses.acceptsInbound("me@example.com")).isFalse();
        InboundResult r = receive("me@example.com");
        assertThat(r.messageId()).isNull();
        assertThat(r.rejected()).containsExactly("me@example.com");
        assertThat(ses.inboundMessages()).isEmpty();

        rule("{'Name':'on','Enabled':true,'Recipients':['example.com'],'Actions':[]}");
        assertThat(ses.acceptsInbound("me@example.com")).isTrue();
        v1("SetActiveReceiptRuleSet", "{}");
        assertThat(ses.acceptsInbound("me@example.com")).isFalse();
    }

    @Test
    void rulesRunInOrderAndStopEndsTheRuleSet() {
        objects.createBucket("mail");
        rule("{'Name':'first','Enabled':true,'Recipients':['example.com'],'Actions':["
                + "{'AddHeaderAction':{'HeaderName':'X-First','HeaderValue':'1'}}]}");
        rule("{'Name':'disabled','Enabled':false,'Recipients':['example.com'],'Actions':["
                + "{'AddHeaderAction':{'HeaderName':'X-Disabled','HeaderValue':'1'}}]}");
        rule("{'Name':'stop','Enabled':true,'Recipients':['example.com'],'Actions':["
                + "{'StopAction':{'Scope':'RuleSet','TopicArn':'" + TOPIC + "'}},"
                + "{'S3Action':{'BucketName':'mail'}}]}");
        rule("{'Name':'after','Enabled':true,'Recipients':['example.com'],'Actions':[{'S3Action':{'BucketName':'mail'}}]}");

        InboundResult r = receive("me@example.com");
        assertThat(r.accepted()).containsExactly("me@example.com");
        InboundRecord record = only();
        assertThat(record.rules()).containsExactly("first", "stop");
        assertThat(record.actions()).extracting(ActionRecord::type).containsExactly("AddHeader", "Stop");
        assertThat(objects.all()).isEmpty();
        assertThat(new String(record.raw(), StandardCharsets.UTF_8)).contains("X-First: 1").doesNotContain("X-Disabled");
        JsonNode stop = published(TOPIC).get(0);
        assertThat(stop.path("receipt").path("action").toString()).isEqualTo("{\"type\":\"Stop\",\"topicArn\":\"" + TOPIC + "\"}");
        assertThat(stop.has("content")).isFalse();
    }

    // ---- IP filters and TLS ----

    @Test
    void ipFiltersBlockBeforeAnyRuleAndAllowWinsOverBlock() {
        rule("{'Name':'r','Enabled':true,'Recipients':['example.com'],'Actions':[]}");
        v1("CreateReceiptFilter", "{'Filter':{'Name':'block-all','IpFilter':{'Policy':'Block','Cidr':'0.0.0.0/0'}}}");
        v1("CreateReceiptFilter", "{'Filter':{'Name':'partner','IpFilter':{'Policy':'Allow','Cidr':'203.0.113.0/24'}}}");
        byte[] raw = RAW.getBytes(StandardCharsets.UTF_8);

        InboundResult blocked = ses.receiveInbound("s@example.org", List.of("me@example.com"), raw, "198.51.100.7");
        assertThat(blocked.accepted()).isEmpty();
        assertThat(blocked.rejected()).containsExactly("me@example.com");
        InboundResult allowed = ses.receiveInbound("s@example.org", List.of("me@example.com"), raw, "203.0.113.9");
        assertThat(allowed.accepted()).containsExactly("me@example.com");

        InboundRecord first = ses.inboundMessages().get(0);
        assertThat(first.rules()).isEmpty();
        assertThat(first.actions()).singleElement().satisfies(a -> {
            assertThat(a.type()).isEqualTo("IpFilter");
            assertThat(a.outcome()).isEqualTo(ActionRecord.FAILED);
            assertThat(a.detail().path("filter").asText()).isEqualTo("block-all");
        });
    }

    @Test
    void aRuleRequiringTlsBouncesMailReceivedWithoutIt() {
        rule("{'Name':'tls','Enabled':true,'TlsPolicy':'Require','Recipients':['example.com'],'Actions':[]}");
        byte[] raw = RAW.getBytes(StandardCharsets.UTF_8);
        assertThat(ses.receiveInbound("s@example.org", List.of("me@example.com"), raw, IP).rejected())
                .containsExactly("me@example.com");
        assertThat(ses.receiveInbound("s@example.org", List.of("me@example.com"), raw, IP, true).accepted())
                .containsExactly("me@example.com");
    }

    // ---- actions ----

    @Test
    void s3ActionStoresTheRawMessageUnderPrefixAndMessageIdAndNotifiesItsTopic() throws IOException {
        objects.createBucket("inbox");
        rule("{'Name':'store','Enabled':true,'Recipients':['me@example.com'],'Actions':["
                + "{'S3Action':{'BucketName':'inbox','ObjectKeyPrefix':'mail/','TopicArn':'" + TOPIC + "'}}]}");

        InboundResult r = receive("me@example.com");
        String id = r.messageId();
        FakeObjects.Stored stored = objects.get("inbox", "mail/" + id);
        assertThat(stored).isNotNull();
        assertThat(stored.accountId()).isEqualTo(ACCOUNT);
        assertThat(stored.region()).isEqualTo(REGION);
        String received = "from " + IP + " ([" + IP + "]) by inbound-smtp.us-east-1.amazonaws.com with SMTP id " + id
                + " for me@example.com; Wed, 01 May 2024 10:00:00 +0000 (UTC)";
        assertThat(stored.text()).isEqualTo("Return-Path: <sender@example.org>\r\nReceived: " + received + "\r\n" + RAW);

        JsonNode expected = JSON.readTree(("""
                {"notificationType":"Received",
                 "mail":{"timestamp":"2024-05-01T10:00:00.000Z","source":"sender@example.org","messageId":"@ID@",
                   "destination":["me@example.com"],"headersTruncated":false,
                   "headers":[{"name":"Return-Path","value":"<sender@example.org>"},
                     {"name":"Received","value":"@RECEIVED@"},
                     {"name":"From","value":"Sender <sender@example.org>"},{"name":"To","value":"Me <me@example.com>"},
                     {"name":"Subject","value":"Hello"},{"name":"Message-ID","value":"<abc@example.org>"},
                     {"name":"Date","value":"Wed, 1 May 2024 09:59:00 +0000"},{"name":"MIME-Version","value":"1.0"},
                     {"name":"Content-Type","value":"text/plain; charset=UTF-8"}],
                   "commonHeaders":{"returnPath":"sender@example.org","from":["Sender <sender@example.org>"],
                     "date":"Wed, 1 May 2024 09:59:00 +0000","to":["Me <me@example.com>"],
                     "messageId":"<abc@example.org>","subject":"Hello"}},
                 "receipt":{"timestamp":"2024-05-01T10:00:00.000Z","processingTimeMillis":0,
                   "recipients":["me@example.com"],"spamVerdict":{"status":"DISABLED"},
                   "virusVerdict":{"status":"DISABLED"},"spfVerdict":{"status":"PASS"},"dkimVerdict":{"status":"GRAY"},
                   "dmarcVerdict":{"status":"GRAY"},
                   "action":{"type":"S3","topicArn":"@TOPIC@","bucketName":"inbox","objectKey":"mail/@ID@"}}}
                """).replace("@RECEIVED@", received).replace("@ID@", id).replace("@TOPIC@", TOPIC));
        assertThat(published(TOPIC)).containsExactly(expected);
        assertThat(only().actions()).singleElement().satisfies(a -> {
            assertThat(a.ok()).isTrue();
            assertThat(a.detail().path("objectKey").asText()).isEqualTo("mail/" + id);
        });
    }

    @Test
    void s3ActionIntoAMissingBucketFailsAndBouncesTheRecipients() {
        rule("{'Name':'store','Enabled':true,'Recipients':['me@example.com'],'Actions':["
                + "{'S3Action':{'BucketName':'nope'}},{'AddHeaderAction':{'HeaderName':'X-After','HeaderValue':'1'}}]}");
        InboundResult r = receive("me@example.com");
        assertThat(r.accepted()).isEmpty();
        assertThat(r.rejected()).containsExactly("me@example.com");
        assertThat(only().actions()).singleElement().satisfies(a -> {
            assertThat(a.outcome()).isEqualTo(ActionRecord.FAILED);
            assertThat(a.detail().path("error").asText()).startsWith("NoSuchBucket");
        });
    }

    @Test
    void snsActionCarriesTheMessageAsUtf8OrBase64() {
        topics.create("arn:aws:sns:us-east-1:123456789012:b64");
        rule("{'Name':'utf8','Enabled':true,'ScanEnabled':true,'Recipients':['me@example.com'],'Actions':["
                + "{'SNSAction':{'TopicArn':'" + TOPIC + "'}},"
                + "{'SNSAction':{'TopicArn':'arn:aws:sns:us-east-1:123456789012:b64','Encoding':'Base64'}}]}");
        String id = receive("me@example.com").messageId();

        JsonNode utf8 = published(TOPIC).get(0);
        String content = utf8.path("content").asText();
        assertThat(content).startsWith("Return-Path: <sender@example.org>\r\nReceived: ").endsWith(RAW)
                .contains("\u00fcn\u00efcode");
        assertThat(content).contains("\r\nX-SES-Spam-Verdict: PASS\r\nX-SES-Virus-Verdict: PASS\r\n");
        assertThat(utf8.path("receipt").path("action").toString()).isEqualTo(
                "{\"type\":\"SNS\",\"topicArn\":\"" + TOPIC + "\",\"encoding\":\"UTF8\"}");
        assertThat(utf8.path("receipt").path("spamVerdict").path("status").asText()).isEqualTo("PASS");
        assertThat(utf8.path("receipt").path("virusVerdict").path("status").asText()).isEqualTo("PASS");
        assertThat(utf8.path("mail").path("messageId").asText()).isEqualTo(id);

        JsonNode b64 = published("arn:aws:sns:us-east-1:123456789012:b64").get(0);
        assertThat(b64.path("receipt").path("action").path("encoding").asText()).isEqualTo("BASE64");
        assertThat(new String(Base64.getDecoder().decode(b64.path("content").asText()), StandardCharsets.UTF_8))
                .isEqualTo(content);
    }

    @Test
    void addHeaderIsVisibleToEveryLaterAction() {
        objects.createBucket("inbox");
        rule("{'Name':'tag','Enabled':true,'Recipients':['example.com'],'Actions':["
                + "{'AddHeaderAction':{'HeaderName':'X-Team','HeaderValue':'support'}}]}");
        rule("{'Name':'keep','Enabled':true,'Recipients':['example.com'],'Actions':["
                + "{'S3Action':{'BucketName':'inbox'}},{'SNSAction':{'TopicArn':'" + TOPIC + "'}}]}");
        String id = receive("me@example.com").messageId();

        assertThat(objects.get("inbox", id).text()).startsWith("X-Team: support\r\nReturn-Path: ");
        JsonNode n = published(TOPIC).get(0);
        assertThat(n.path("content").asText()).startsWith("X-Team: support\r\n");
        assertThat(n.path("mail").path("headers").get(0).toString()).isEqualTo("{\"name\":\"X-Team\",\"value\":\"support\"}");
    }

    @Test
    void bounceActionRefusesTheRecipientsAndSendsTheBounceToMailFrom() {
        rule("{'Name':'gone','Enabled':true,'Recipients':['old@example.com'],'Actions':[{'BounceAction':{"
                + "'SmtpReplyCode':'550','StatusCode':'5.1.1','Message':'Mailbox does not exist',"
                + "'Sender':'mailer-daemon@example.com','TopicArn':'" + TOPIC + "'}}]}");
        rule("{'Name':'rest','Enabled':true,'Recipients':['me@example.com'],'Actions':[]}");

        InboundResult r = receive("old@example.com", "me@example.com");
        assertThat(r.accepted()).containsExactly("me@example.com");
        assertThat(r.rejected()).containsExactly("old@example.com");

        ActionRecord bounce = only().actions().get(0);
        assertThat(bounce.type()).isEqualTo("Bounce");
        SentMessage dsn = ses.sentMessage(bounce.detail().path("bounceMessageId").asText()).orElseThrow();
        assertThat(dsn.source()).isEqualTo("mailer-daemon@example.com");
        assertThat(dsn.destinations()).containsExactly("sender@example.org");
        assertThat(dsn.text()).contains("Final-Recipient: rfc822; old@example.com", "Status: 5.1.1",
                "550 5.1.1 Mailbox does not exist");
        assertThat(published(TOPIC).get(0).path("receipt").path("action").toString()).isEqualTo(
                "{\"type\":\"Bounce\",\"topicArn\":\"" + TOPIC + "\",\"smtpReplyCode\":\"550\",\"statusCode\":\"5.1.1\","
                        + "\"message\":\"Mailbox does not exist\",\"sender\":\"mailer-daemon@example.com\"}");
        assertThat(published(TOPIC).get(0).path("receipt").path("recipients").toString()).isEqualTo("[\"old@example.com\"]");
    }

    @Test
    void lambdaAndWorkMailAreRecordedWithTheEventSesPasses() {
        rule("{'Name':'fn','Enabled':true,'Recipients':['me@example.com'],'Actions':["
                + "{'LambdaAction':{'FunctionArn':'arn:aws:lambda:us-east-1:123456789012:function:Inbox',"
                + "'InvocationType':'RequestResponse'}},"
                + "{'WorkmailAction':{'OrganizationArn':'arn:aws:workmail:us-east-1:123456789012:organization/m-1'}}]}");
        String id = receive("me@example.com").messageId();

        List<ActionRecord> actions = only().actions();
        assertThat(actions).extracting(ActionRecord::type).containsExactly("Lambda", "WorkMail");
        JsonNode event = actions.get(0).detail().path("event");
        JsonNode record = event.path("Records").get(0);
        assertThat(event.path("Records")).hasSize(1);
        assertThat(record.path("eventSource").asText()).isEqualTo("aws:ses");
        assertThat(record.path("eventVersion").asText()).isEqualTo("1.0");
        assertThat(record.path("ses").path("mail").path("messageId").asText()).isEqualTo(id);
        assertThat(record.path("ses").path("mail").has("content")).isFalse();
        assertThat(record.path("ses").path("receipt").path("action").toString()).isEqualTo(
                "{\"type\":\"Lambda\",\"functionArn\":\"arn:aws:lambda:us-east-1:123456789012:function:Inbox\","
                        + "\"invocationType\":\"RequestResponse\"}");
        assertThat(actions.get(1).detail().path("event").path("Records").get(0).path("ses").path("receipt")
                .path("action").path("organizationArn").asText()).isEqualTo("arn:aws:workmail:us-east-1:123456789012:organization/m-1");
        assertThat(published(TOPIC)).isEmpty();
    }

    @Test
    void inboundJsonListsEnvelopeRulesAndActions() {
        rule("{'Name':'r','Enabled':true,'Recipients':['example.com'],'Actions':["
                + "{'AddHeaderAction':{'HeaderName':'X-A','HeaderValue':'b'}}]}");
        String id = receive("me@example.com", "nobody@else.test").messageId();
        JsonNode m = ses.inboundMessagesJson().path("messages").get(0);
        assertThat(m.path("messageId").asText()).isEqualTo(id);
        assertThat(m.path("accountId").asText()).isEqualTo(ACCOUNT);
        assertThat(m.path("mailFrom").asText()).isEqualTo("sender@example.org");
        assertThat(m.path("recipients").toString()).isEqualTo("[\"me@example.com\"]");
        assertThat(m.path("remoteIp").asText()).isEqualTo(IP);
        assertThat(m.path("ruleSet").asText()).isEqualTo("rs");
        assertThat(m.path("rules").toString()).isEqualTo("[\"r\"]");
        assertThat(m.path("actions").get(0).path("type").asText()).isEqualTo("AddHeader");
        assertThat(m.path("actions").get(0).path("outcome").asText()).isEqualTo("OK");
        assertThat(m.path("accepted").toString()).isEqualTo("[\"me@example.com\"]");
        ses.reset();
        assertThat(ses.inboundMessages()).isEmpty();
    }

    // ---- SMTP submission ----

    @Test
    void submitRawIsSendRawEmailWithTheEnvelopeAsDestinations() {
        byte[] raw = ("From: me@example.com\r\nTo: a@x.org\r\nSubject: via smtp\r\n\r\nbody\r\n")
                .getBytes(StandardCharsets.UTF_8);
        String id = ses.submitRaw(ACCOUNT, REGION, "me@example.com", List.of("a@x.org", "hidden@x.org"), raw);
        SentMessage m = ses.sentMessage(id).orElseThrow();
        assertThat(m.destinations()).containsExactly("a@x.org", "hidden@x.org");
        assertThat(m.subject()).isEqualTo("via smtp");
        assertThat(raw(id)).contains("Message-ID: <" + id + "@email.amazonses.com>");

        byte[] stranger = ("From: who@nowhere.test\r\nTo: a@x.org\r\nSubject: s\r\n\r\nb\r\n").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ses.submitRaw(ACCOUNT, REGION, "who@nowhere.test", List.of("a@x.org"), stranger))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.error().code()).isEqualTo("MessageRejected");
                    assertThat(e.getMessage()).contains("Email address is not verified").contains("who@nowhere.test");
                });
    }
}
