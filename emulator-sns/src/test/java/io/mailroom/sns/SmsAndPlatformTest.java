package io.mailroom.sns;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class SmsAndPlatformTest extends SnsTestSupport {

    @Test
    void smsPublishIsRecordedInLocalStackShape() {
        String id = call("Publish", "{'PhoneNumber':'+15555550100','Message':'hi'}").get("MessageId").asText();
        JsonNode all = sns.smsMessages(ACCOUNT, REGION, null);
        assertThat(all.get("region").asText()).isEqualTo(REGION);
        JsonNode m = all.at("/sms_messages/+15555550100/0");
        assertThat(m.get("PhoneNumber").asText()).isEqualTo("+15555550100");
        assertThat(m.get("MessageId").asText()).isEqualTo(id);
        assertThat(m.get("Message").asText()).isEqualTo("hi");
        assertThat(m.get("TopicArn").isNull()).isTrue();
        assertThat(sns.smsMessages(ACCOUNT, REGION, "+15555550199").get("sms_messages")).isEmpty();
        sns.clearSmsMessages(ACCOUNT, REGION, null);
        assertThat(sns.smsMessages(ACCOUNT, REGION, null).get("sms_messages")).isEmpty();
        fails("Publish", "{'PhoneNumber':'555-0100','Message':'hi'}", "InvalidParameter", "PhoneNumber");
        String topic = createTopic("t");
        subscribe(topic, "sms", "+15555550101");
        call("Publish", "{'TopicArn':'" + topic + "','Message':'via topic'}");
        assertThat(sns.smsMessages(ACCOUNT, REGION, "+15555550101").at("/sms_messages/+15555550101/0/TopicArn").asText())
                .isEqualTo(topic);
    }

    @Test
    void optOutAndOptIn() {
        sns.optOutPhoneNumber(ACCOUNT, REGION, "+15555550100");
        assertThat(call("CheckIfPhoneNumberIsOptedOut", "{'phoneNumber':'+15555550100'}").get("isOptedOut").asBoolean()).isTrue();
        assertThat(call("ListPhoneNumbersOptedOut", "{}").get("phoneNumbers")).extracting(JsonNode::asText)
                .containsExactly("+15555550100");
        call("Publish", "{'PhoneNumber':'+15555550100','Message':'hi'}");
        assertThat(sns.smsMessages(ACCOUNT, REGION, null).get("sms_messages")).isEmpty();
        call("OptInPhoneNumber", "{'phoneNumber':'+15555550100'}");
        assertThat(call("CheckIfPhoneNumberIsOptedOut", "{'phoneNumber':'+15555550100'}").get("isOptedOut").asBoolean()).isFalse();
        sns.optOutPhoneNumber(ACCOUNT, REGION, "+15555550100");
        fails("OptInPhoneNumber", "{'phoneNumber':'+15555550100'}", "InvalidParameter", "30 days");
        fails("CheckIfPhoneNumberIsOptedOut", "{'phoneNumber':'abc'}", "InvalidParameter", "PhoneNumber");
    }

    @Test
    void smsAttributes() {
        call("SetSMSAttributes", "{'attributes':{'DefaultSMSType':'Transactional','DefaultSenderID':'Shop1'}}");
        JsonNode all = call("GetSMSAttributes", "{}").get("attributes");
        assertThat(all.get("DefaultSMSType").asText()).isEqualTo("Transactional");
        JsonNode one = call("GetSMSAttributes", "{'attributes':['DefaultSenderID']}").get("attributes");
        assertThat(one.size()).isEqualTo(1);
        fails("SetSMSAttributes", "{'attributes':{'DefaultSMSType':'Loud'}}", "InvalidParameter", "DefaultSMSType");
        fails("SetSMSAttributes", "{'attributes':{'Color':'x'}}", "InvalidParameter", "Color");
    }

    @Test
    void sandboxNumbersAreVerifiedWithTheRecordedPassword() {
        assertThat(call("GetSMSSandboxAccountStatus", "{}").get("IsInSandbox").asBoolean()).isTrue();
        call("CreateSMSSandboxPhoneNumber", "{'PhoneNumber':'+15555550100'}");
        JsonNode listed = call("ListSMSSandboxPhoneNumbers", "{}").get("PhoneNumbers").get(0);
        assertThat(listed.get("Status").asText()).isEqualTo("Pending");
        String text = sns.smsMessages(ACCOUNT, REGION, "+15555550100").at("/sms_messages/+15555550100/0/Message").asText();
        String otp = text.replaceAll("\\D", "");
        fails("VerifySMSSandboxPhoneNumber", "{'PhoneNumber':'+15555550100','OneTimePassword':'000000" + "'}".replace("000000",
                otp.equals("000000") ? "111111" : "000000"), "VerificationException", "Invalid one-time password");
        call("VerifySMSSandboxPhoneNumber", "{'PhoneNumber':'+15555550100','OneTimePassword':'" + otp + "'}");
        assertThat(call("ListSMSSandboxPhoneNumbers", "{}").at("/PhoneNumbers/0/Status").asText()).isEqualTo("Verified");
        fails("VerifySMSSandboxPhoneNumber", "{'PhoneNumber':'+15555550199','OneTimePassword':'123456'}", "ResourceNotFound", "does not exist");
        call("DeleteSMSSandboxPhoneNumber", "{'PhoneNumber':'+15555550100'}");
        fails("DeleteSMSSandboxPhoneNumber", "{'PhoneNumber':'+15555550100'}", "ResourceNotFound", "does not exist");
        assertThat(call("ListOriginationNumbers", "{}").get("PhoneNumbers")).isEmpty();
    }

    @Test
    void platformApplicationsAndEndpoints() {
        String app = call("CreatePlatformApplication", "{'Name':'app','Platform':'GCM','Attributes':{'PlatformCredential':'secret'}}")
                .get("PlatformApplicationArn").asText();
        assertThat(app).isEqualTo("arn:aws:sns:us-east-1:123456789012:app/GCM/app");
        JsonNode attrs = call("GetPlatformApplicationAttributes", "{'PlatformApplicationArn':'" + app + "'}").get("Attributes");
        assertThat(attrs.has("PlatformCredential")).isFalse();
        assertThat(attrs.get("Enabled").asText()).isEqualTo("true");
        fails("CreatePlatformApplication", "{'Name':'app','Platform':'PAGER','Attributes':{}}", "InvalidParameter", "Platform");
        String ep = call("CreatePlatformEndpoint", "{'PlatformApplicationArn':'" + app + "','Token':'tok','CustomUserData':'u'}")
                .get("EndpointArn").asText();
        assertThat(ep).startsWith("arn:aws:sns:us-east-1:123456789012:endpoint/GCM/app/");
        assertThat(call("CreatePlatformEndpoint", "{'PlatformApplicationArn':'" + app + "','Token':'tok','CustomUserData':'u'}")
                .get("EndpointArn").asText()).isEqualTo(ep);
        fails("CreatePlatformEndpoint", "{'PlatformApplicationArn':'" + app + "','Token':'tok','CustomUserData':'other'}",
                "InvalidParameter", "already exists with the same Token, but different attributes.");
        assertThat(call("ListEndpointsByPlatformApplication", "{'PlatformApplicationArn':'" + app + "'}").get("Endpoints")).hasSize(1);
        assertThat(call("ListPlatformApplications", "{}").get("PlatformApplications")).hasSize(1);
        fails("ListPlatformApplications", "{'NextToken':'Binary'}", "InvalidParameter", "NextToken");

        call("Publish", "{'TargetArn':'" + ep + "','MessageStructure':'json','Message':"
                + js("{\"default\":\"d\",\"GCM\":\"{\\\"notification\\\":{}}\"}") + "}");
        JsonNode recorded = sns.platformEndpointMessages(ACCOUNT, REGION, ep).get("platform_endpoint_messages").get(ep).get(0);
        assertThat(recorded.get("TargetArn").asText()).isEqualTo(ep);
        assertThat(recorded.get("MessageStructure").asText()).isEqualTo("json");
        assertThat(recorded.get("Message").asText()).isEqualTo("{\"notification\":{}}");

        call("SetEndpointAttributes", "{'EndpointArn':'" + ep + "','Attributes':{'Enabled':'false'}}");
        assertThat(call("GetEndpointAttributes", "{'EndpointArn':'" + ep + "'}").at("/Attributes/Enabled").asText()).isEqualTo("false");
        fails("Publish", "{'TargetArn':'" + ep + "','Message':'x'}", "EndpointDisabled", "Endpoint is disabled");
        call("SetPlatformApplicationAttributes", "{'PlatformApplicationArn':'" + app + "','Attributes':{'Enabled':'false'}}");
        fails("Publish", "{'TargetArn':'" + ep + "','Message':'x'}", "PlatformApplicationDisabled", "disabled");
        fails("SetEndpointAttributes", "{'EndpointArn':'" + ep + "','Attributes':{'Color':'x'}}", "InvalidParameter", "Color");

        sns.clearPlatformEndpointMessages(ACCOUNT, REGION, null);
        assertThat(sns.platformEndpointMessages(ACCOUNT, REGION, null).get("platform_endpoint_messages")).isEmpty();
        call("DeleteEndpoint", "{'EndpointArn':'" + ep + "'}");
        call("DeleteEndpoint", "{'EndpointArn':'" + ep + "'}");
        fails("GetEndpointAttributes", "{'EndpointArn':'" + ep + "'}", "NotFound", "Endpoint does not exist");
        call("DeletePlatformApplication", "{'PlatformApplicationArn':'" + app + "'}");
        fails("GetPlatformApplicationAttributes", "{'PlatformApplicationArn':'" + app + "'}", "NotFound", "PlatformApplication does not exist");
        fails("ListEndpointsByPlatformApplication", "{'PlatformApplicationArn':'" + app + "'}", "NotFound", "does not exist");
    }

    @Test
    void applicationSubscriptionDeliversThePlatformPayload() {
        String app = call("CreatePlatformApplication", "{'Name':'ios','Platform':'APNS','Attributes':{}}").get("PlatformApplicationArn").asText();
        String ep = call("CreatePlatformEndpoint", "{'PlatformApplicationArn':'" + app + "','Token':'t1'}").get("EndpointArn").asText();
        String topic = createTopic("t");
        subscribe(topic, "application", ep);
        call("Publish", "{'TopicArn':'" + topic + "','Message':'plain'}");
        JsonNode recorded = sns.platformEndpointMessages(ACCOUNT, REGION, ep).at("/platform_endpoint_messages").get(ep).get(0);
        assertThat(recorded.get("Message").asText()).isEqualTo("plain");
        assertThat(recorded.get("TopicArn").asText()).isEqualTo(topic);
    }
}
