package io.mailroom.ses;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mailroom.core.request.RequestContext;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** v1 and v2 read and write one state; identity rules; list management; sending authorization. */
class SharedStateTest extends SesTestSupport {

    @Test
    void identitiesCrossApis() {
        verifyEmail("me@example.com");
        JsonNode v2 = v2("GetEmailIdentity", "{'EmailIdentity':'me@example.com'}");
        assertThat(v2.get("IdentityType").asText()).isEqualTo("EMAIL_ADDRESS");
        assertThat(v2.get("VerificationStatus").asText()).isEqualTo("SUCCESS");
        assertThat(v2.get("VerifiedForSendingStatus").asBoolean()).isTrue();

        JsonNode created = v2("CreateEmailIdentity", "{'EmailIdentity':'Example.ORG'}");
        assertThat(created.get("DkimAttributes").get("Tokens")).hasSize(3);
        assertThat(created.get("DkimAttributes").get("Tokens").get(0).asText()).matches("[a-z2-7]{32}");
        JsonNode dkim = v1("GetIdentityDkimAttributes", "{'Identities':['example.org']}").get("DkimAttributes")
                .get("example.org");
        assertThat(dkim.get("DkimEnabled").asBoolean()).isTrue();
        assertThat(dkim.get("DkimVerificationStatus").asText()).isEqualTo("Success");
        assertThat(v1("ListIdentities", "{}").get("Identities")).extracting(JsonNode::asText)
                .containsExactly("example.org", "me@example.com");
        assertThat(v1("ListIdentities", "{'IdentityType':'Domain'}").get("Identities")).hasSize(1);
        v2Fails("CreateEmailIdentity", "{'EmailIdentity':'me@example.com'}", "AlreadyExistsException", 400, "me@example.com");

        v1("DeleteIdentity", "{'Identity':'me@example.com'}");
        v2Fails("GetEmailIdentity", "{'EmailIdentity':'me@example.com'}", "NotFoundException", 404, "me@example.com");
        v1Fails("VerifyDomainIdentity", "{'Domain':'not a domain'}", "InvalidParameterValue", "Invalid domain");
    }

    @Test
    void mailFromAndPoliciesCrossApis() {
        String token = v1("VerifyDomainIdentity", "{'Domain':'example.com'}").get("VerificationToken").asText();
        assertThat(token).hasSize(44);
        v2("PutEmailIdentityMailFromAttributes", "{'EmailIdentity':'example.com','MailFromDomain':'bounce.example.com',"
                + "'BehaviorOnMxFailure':'REJECT_MESSAGE'}");
        JsonNode mf = v1("GetIdentityMailFromDomainAttributes", "{'Identities':['example.com']}")
                .get("MailFromDomainAttributes").get("example.com");
        assertThat(mf.get("MailFromDomain").asText()).isEqualTo("bounce.example.com");
        assertThat(mf.get("BehaviorOnMXFailure").asText()).isEqualTo("RejectMessage");
        assertThat(mf.get("MailFromDomainStatus").asText()).isEqualTo("Success");
        v1Fails("SetIdentityMailFromDomain", "{'Identity':'example.com','MailFromDomain':'other.org'}",
                "InvalidParameterValue", "not subdomain");

        String policy = "{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":[{\\\"Effect\\\":\\\"Allow\\\","
                + "\\\"Principal\\\":{\\\"AWS\\\":\\\"arn:aws:iam::999988887777:root\\\"},\\\"Action\\\":[\\\"ses:SendEmail\\\"],"
                + "\\\"Resource\\\":\\\"*\\\"}]}";
        v1("PutIdentityPolicy", "{'Identity':'example.com','PolicyName':'p1','Policy':'" + policy + "'}");
        assertThat(v2("GetEmailIdentityPolicies", "{'EmailIdentity':'example.com'}").get("Policies").has("p1")).isTrue();
        v1Fails("PutIdentityPolicy", "{'Identity':'example.com','PolicyName':'bad','Policy':'{}'}", "InvalidPolicy", "");
        v2Fails("CreateEmailIdentityPolicy", "{'EmailIdentity':'example.com','PolicyName':'p1','Policy':'" + policy + "'}",
                "AlreadyExistsException", 400, "p1");

        // Sending authorization: account 999988887777 may send from example.com through SourceArn.
        RequestContext other = new RequestContext("999988887777", REGION, "r", "http://localhost");
        String send = "{\"Source\":\"app@example.com\",\"SourceArn\":\"arn:aws:ses:us-east-1:" + ACCOUNT
                + ":identity/example.com\",\"Destination\":{\"ToAddresses\":[\"a@x.org\"]},\"Message\":{\"Subject\":"
                + "{\"Data\":\"s\"},\"Body\":{\"Text\":{\"Data\":\"t\"}}}}";
        assertThat(call(ses.v1(), other, "SendEmail", send).get("MessageId").asText()).isNotEmpty();
        RequestContext stranger = new RequestContext("111122223333", REGION, "r", "http://localhost");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> call(ses.v1(), stranger, "SendEmail", send))
                .hasMessageContaining("is not authorized to perform `ses:SendEmail'");
    }

    @Test
    void configurationSetsAndDefaultSetCrossApis() {
        v1("CreateConfigurationSet", "{'ConfigurationSet':{'Name':'cs'}}");
        v1("PutConfigurationSetDeliveryOptions", "{'ConfigurationSetName':'cs','DeliveryOptions':{'TlsPolicy':'Require'}}");
        v1("CreateConfigurationSetTrackingOptions", "{'ConfigurationSetName':'cs','TrackingOptions':"
                + "{'CustomRedirectDomain':'track.example.com'}}");
        v1Fails("CreateConfigurationSetTrackingOptions", "{'ConfigurationSetName':'cs','TrackingOptions':"
                + "{'CustomRedirectDomain':'track.example.com'}}", "TrackingOptionsAlreadyExistsException", "cs");
        JsonNode got = v2("GetConfigurationSet", "{'ConfigurationSetName':'cs'}");
        assertThat(got.get("DeliveryOptions").get("TlsPolicy").asText()).isEqualTo("REQUIRE");
        assertThat(got.get("TrackingOptions").get("CustomRedirectDomain").asText()).isEqualTo("track.example.com");
        v2Fails("CreateConfigurationSet", "{'ConfigurationSetName':'cs'}", "AlreadyExistsException", 400, "cs");
        v1Fails("CreateConfigurationSet", "{'ConfigurationSet':{'Name':'cs'}}", "ConfigurationSetAlreadyExists", "cs");

        topics.create("arn:aws:sns:us-east-1:123456789012:ev");
        v2("CreateEmailIdentity", "{'EmailIdentity':'example.com','ConfigurationSetName':'cs'}");
        v1("CreateConfigurationSetEventDestination", "{'ConfigurationSetName':'cs','EventDestination':{'Name':'d',"
                + "'Enabled':true,'MatchingEventTypes':['send'],'SNSDestination':{'TopicARN':"
                + "'arn:aws:sns:us-east-1:123456789012:ev'}}}");
        v1Fails("CreateConfigurationSetEventDestination", "{'ConfigurationSetName':'cs','EventDestination':{'Name':'d',"
                + "'Enabled':true,'MatchingEventTypes':['send'],'SNSDestination':{'TopicARN':"
                + "'arn:aws:sns:us-east-1:123456789012:ev'}}}", "EventDestinationAlreadyExists", "d");
        sendV1("app@example.com", "a@x.org", "s", "t");
        assertThat(published("arn:aws:sns:us-east-1:123456789012:ev")).extracting(e -> e.get("eventType").asText())
                .containsExactly("Send");

        v2("DeleteConfigurationSet", "{'ConfigurationSetName':'cs'}");
        assertThat(v2("GetEmailIdentity", "{'EmailIdentity':'example.com'}").has("ConfigurationSetName")).isFalse();
        v1Fails("DescribeConfigurationSet", "{'ConfigurationSetName':'cs'}", "ConfigurationSetDoesNotExist", "cs");
    }

    @Test
    void listManagementSkipsOptedOutContactsAndAddsUnsubscribeHeaders() {
        v2("CreateEmailIdentity", "{'EmailIdentity':'example.com'}");
        v2("CreateContactList", "{'ContactListName':'news','Topics':[{'TopicName':'weekly','DisplayName':'Weekly',"
                + "'DefaultSubscriptionStatus':'OPT_IN'}]}");
        v2Fails("CreateContactList", "{'ContactListName':'other'}", "LimitExceededException", 400, "");
        v2("CreateContact", "{'ContactListName':'news','EmailAddress':'in@x.org'}");
        v2("CreateContact", "{'ContactListName':'news','EmailAddress':'out@x.org','TopicPreferences':[{'TopicName':"
                + "'weekly','SubscriptionStatus':'OPT_OUT'}]}");
        JsonNode optedOut = v2("ListContacts", "{'ContactListName':'news','Filter':{'FilteredStatus':'OPT_OUT',"
                + "'TopicFilter':{'TopicName':'weekly'}}}").get("Contacts");
        assertThat(optedOut).hasSize(1);
        assertThat(optedOut.get(0).get("EmailAddress").asText()).isEqualTo("out@x.org");

        v2("PutAccountSuppressionAttributes", "{'SuppressedReasons':['COMPLAINT']}");
        v1("SetIdentityNotificationTopic", "{'Identity':'example.com','NotificationType':'Delivery','SnsTopic':'" + TOPIC + "'}");
        String id = v2("SendEmail", "{'FromEmailAddress':'app@example.com','Destination':{'ToAddresses':['in@x.org',"
                + "'out@x.org']},'ListManagementOptions':{'ContactListName':'news','TopicName':'weekly'},"
                + "'Content':{'Simple':{'Subject':{'Data':'s'},'Body':{'Text':{'Data':'Bye: {{amazonSESUnsubscribeUrl}}'}}}}}")
                .get("MessageId").asText();
        assertThat(raw(id)).contains("List-Unsubscribe: <https://unsubscribe.us-east-1.amazonses.com/lists/news/topics/weekly>",
                "List-Unsubscribe-Post: List-Unsubscribe=One-Click");
        assertThat(ses.sentMessage(id).orElseThrow().text()).doesNotContain("{{amazonSESUnsubscribeUrl}}");
        clock.advance(Duration.ZERO);
        JsonNode delivery = published(TOPIC).get(0).get("delivery");
        assertThat(delivery.get("recipients")).extracting(JsonNode::asText).containsExactly("in@x.org");
        assertThat(v2("GetAccount", "{}").get("SuppressionAttributes").get("SuppressedReasons").get(0).asText())
                .isEqualTo("COMPLAINT");
        v2Fails("SendEmail", "{'FromEmailAddress':'app@example.com','Destination':{'ToAddresses':['in@x.org']},"
                + "'ListManagementOptions':{'ContactListName':'nope'},'Content':{'Simple':{'Subject':{'Data':'s'},"
                + "'Body':{'Text':{'Data':'t'}}}}}", "NotFoundException", 404, "nope");
    }

    @Test
    void customVerificationEmailCreatesIdentityAndStoresMail() {
        verifyEmail("admin@example.com");
        v2("CreateCustomVerificationEmailTemplate", "{'TemplateName':'cv','FromEmailAddress':'admin@example.com',"
                + "'TemplateSubject':'Please verify','TemplateContent':'<p>Welcome</p>','SuccessRedirectionURL':"
                + "'https://ok','FailureRedirectionURL':'https://ko'}");
        assertThat(v1("GetCustomVerificationEmailTemplate", "{'TemplateName':'cv'}").get("TemplateSubject").asText())
                .isEqualTo("Please verify");
        String id = v1("SendCustomVerificationEmail", "{'TemplateName':'cv','EmailAddress':'new@x.org'}")
                .get("MessageId").asText();
        assertThat(ses.sentMessage(id).orElseThrow().html()).contains("<p>Welcome</p>", "ConfirmVerification");
        assertThat(v2("GetEmailIdentity", "{'EmailIdentity':'new@x.org'}").get("VerificationStatus").asText())
                .isEqualTo("SUCCESS");
        v1Fails("CreateCustomVerificationEmailTemplate", "{'TemplateName':'cv2','FromEmailAddress':'nobody@else.org',"
                + "'TemplateSubject':'s','TemplateContent':'c','SuccessRedirectionURL':'a','FailureRedirectionURL':'b'}",
                "FromEmailAddressNotVerified", "nobody@else.org");
    }

    @Test
    void receiptRuleSetsAreStoredInOrder() {
        v1("CreateReceiptRuleSet", "{'RuleSetName':'rs'}");
        v1("CreateReceiptRule", "{'RuleSetName':'rs','Rule':{'Name':'b','Enabled':true,'Recipients':['x@example.com']}}");
        v1("CreateReceiptRule", "{'RuleSetName':'rs','Rule':{'Name':'a'}}");
        v1("CreateReceiptRule", "{'RuleSetName':'rs','After':'a','Rule':{'Name':'c'}}");
        assertThat(v1("DescribeReceiptRuleSet", "{'RuleSetName':'rs'}").get("Rules").findValuesAsText("Name"))
                .containsExactly("a", "c", "b");
        v1("SetActiveReceiptRuleSet", "{'RuleSetName':'rs'}");
        v1Fails("DeleteReceiptRuleSet", "{'RuleSetName':'rs'}", "CannotDelete", "rs");
        v1Fails("DescribeReceiptRule", "{'RuleSetName':'rs','RuleName':'zz'}", "RuleDoesNotExist", "zz");
        v1Fails("CreateReceiptRule", "{'RuleSetName':'rs','Rule':{'Name':'sns','Actions':[{'SNSAction':"
                + "{'TopicArn':'arn:aws:sns:us-east-1:123456789012:nope'}}]}}", "InvalidSnsTopic", "nope");
    }
}
