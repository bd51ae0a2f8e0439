package io.mailroom.sns;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.request.RequestContext;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class TopicApiTest extends SnsTestSupport {

    @Test
    void everyModelOperationIsServed() {
        Set<String> model = SnsModel.MODEL.operations().keySet();
        assertThat(model).hasSize(42);
        assertThat(sns.operations().all().keySet()).containsExactlyInAnyOrderElementsOf(model);
        // The table is the service's index: alphabetical, so a missing or misplaced line stands out.
        assertThat(List.copyOf(sns.operations().all().keySet())).isSorted();
        assertThat(sns.descriptor().signingName()).isEqualTo("sns");
        assertThat(sns.descriptor().errors().get("NotFoundException").code()).isEqualTo("NotFound");
        assertThat(sns.descriptor().errors().get("NotFoundException").status()).isEqualTo(404);
        assertThat(sns.descriptor().errors().get("InvalidParameterValueException").code()).isEqualTo("ParameterValueInvalid");
    }

    @Test
    void theFourArgumentConstructorGeneratesItsOwnCertificate() throws Exception {
        SnsService own = new SnsService(clock, clock, queues, http);
        java.security.cert.X509Certificate cert = own.signingCertificate();
        cert.checkValidity(java.util.Date.from(clock.now()));
        cert.verify(cert.getPublicKey());
        assertThat(new String(own.signingCertificatePem(), java.nio.charset.StandardCharsets.US_ASCII))
                .startsWith("-----BEGIN CERTIFICATE-----\n");
        assertThat(SnsService.certificatePath()).isEqualTo("/_aws/sns/SimpleNotificationService-mailroom.pem");
        assertThat(((java.security.interfaces.RSAPublicKey) cert.getPublicKey()).getModulus().bitLength()).isEqualTo(2048);
    }

    @Test
    void createTopicIsIdempotentWithSameAttributesOnly() {
        String arn = createTopic("orders");
        assertThat(arn).isEqualTo("arn:aws:sns:us-east-1:123456789012:orders");
        assertThat(createTopic("orders")).isEqualTo(arn);
        call("SetTopicAttributes", "{'TopicArn':'" + arn + "','AttributeName':'DisplayName','AttributeValue':'Orders'}");
        assertThat(call("CreateTopic", "{'Name':'orders','Attributes':{'DisplayName':'Orders'}}").get("TopicArn").asText())
                .isEqualTo(arn);
        fails("CreateTopic", "{'Name':'orders','Attributes':{'DisplayName':'Other'}}", "InvalidParameter",
                "Topic already exists with different attributes");
        call("TagResource", "{'ResourceArn':'" + arn + "','Tags':[{'Key':'k','Value':'v'}]}");
        fails("CreateTopic", "{'Name':'orders','Tags':[{'Key':'k','Value':'other'}]}", "InvalidParameter",
                "Topic already exists with different tags");
    }

    @Test
    void createTopicAgainTakesTagsTheTopicAlreadyHas() {
        String tags = "[{'Key':'a','Value':'1'},{'Key':'b','Value':'2'}]";
        String arn = call("CreateTopic", "{'Name':'tagged','Tags':" + tags + "}").get("TopicArn").asText();
        assertThat(call("CreateTopic", "{'Name':'tagged','Tags':" + tags + "}").get("TopicArn").asText()).isEqualTo(arn);
        assertThat(call("CreateTopic", "{'Name':'tagged','Tags':[{'Key':'a','Value':'1'}]}").get("TopicArn").asText())
                .isEqualTo(arn);
        assertThat(call("CreateTopic", "{'Name':'tagged','Tags':[]}").get("TopicArn").asText()).isEqualTo(arn);
        assertThat(invalidParameter("CreateTopic", "{'Name':'tagged','Tags':[{'Key':'c','Value':'3'}]}"))
                .isEqualTo("Invalid parameter: Tags Reason: Topic already exists with different tags");
        assertThat(invalidParameter("CreateTopic", "{'Name':'tagged','Tags':[{'Key':'a','Value':'1'},{'Key':'b','Value':'9'}]}"))
                .isEqualTo("Invalid parameter: Tags Reason: Topic already exists with different tags");
        assertThat(call("ListTagsForResource", "{'ResourceArn':'" + arn + "'}").get("Tags")).hasSize(2);
        createTopic("untagged");
        assertThat(invalidParameter("CreateTopic", "{'Name':'untagged','Tags':[{'Key':'key1','Value':'value1'}]}"))
                .isEqualTo("Invalid parameter: Tags Reason: Topic already exists with different tags");
    }

    @Test
    void topicNamesFollowAwsRules() {
        fails("CreateTopic", "{'Name':'bad name'}", "InvalidParameter", "Invalid parameter: Topic Name");
        fails("CreateTopic", "{'Name':'" + "a".repeat(257) + "'}", "InvalidParameter", "Topic Name");
        fails("CreateTopic", "{'Name':'x.fifo'}", "InvalidParameter", "Topic Name");
        fails("CreateTopic", "{'Name':'x','Attributes':{'FifoTopic':'true'}}", "InvalidParameter",
                "Fifo Topic names must end with .fifo");
        assertThat(createTopic("a".repeat(256))).endsWith(":" + "a".repeat(256));
        String fifo = call("CreateTopic", "{'Name':'x.fifo','Attributes':{'FifoTopic':'true'}}").get("TopicArn").asText();
        assertThat(fifo).endsWith(":x.fifo");
    }

    @Test
    void defaultAttributesMatchAws() {
        String arn = createTopic("t");
        JsonNode a = call("GetTopicAttributes", "{'TopicArn':'" + arn + "'}").get("Attributes");
        assertThat(a.get("Owner").asText()).isEqualTo(ACCOUNT);
        assertThat(a.get("TopicArn").asText()).isEqualTo(arn);
        assertThat(a.get("DisplayName").asText()).isEmpty();
        assertThat(a.get("SubscriptionsConfirmed").asText()).isEqualTo("0");
        assertThat(a.get("SubscriptionsPending").asText()).isEqualTo("0");
        assertThat(a.get("SubscriptionsDeleted").asText()).isEqualTo("0");
        assertThat(a.has("FifoTopic")).isFalse();
        JsonNode policy = parse(a.get("Policy").asText());
        assertThat(policy.get("Id").asText()).isEqualTo("__default_policy_ID");
        assertThat(policy.at("/Statement/0/Resource").asText()).isEqualTo(arn);
        assertThat(policy.at("/Statement/0/Condition/StringEquals/AWS:SourceOwner").asText()).isEqualTo(ACCOUNT);
        assertThat(parse(a.get("EffectiveDeliveryPolicy").asText())).isEqualTo(parse(
                "{\"http\":{\"defaultHealthyRetryPolicy\":{\"minDelayTarget\":20,\"maxDelayTarget\":20,\"numRetries\":3,"
                        + "\"numMaxDelayRetries\":0,\"numNoDelayRetries\":0,\"numMinDelayRetries\":0,\"backoffFunction\":\"linear\"},"
                        + "\"disableSubscriptionOverrides\":false,\"defaultRequestPolicy\":{\"headerContentType\":\"text/plain; charset=UTF-8\"}}}"));
    }

    @Test
    void fifoTopicAttributes() {
        String arn = call("CreateTopic", "{'Name':'f.fifo','Attributes':{'FifoTopic':'true','ContentBasedDeduplication':'true'}}")
                .get("TopicArn").asText();
        JsonNode a = call("GetTopicAttributes", "{'TopicArn':'" + arn + "'}").get("Attributes");
        assertThat(a.get("FifoTopic").asText()).isEqualTo("true");
        assertThat(a.get("ContentBasedDeduplication").asText()).isEqualTo("true");
        assertThat(a.get("FifoThroughputScope").asText()).isEqualTo("Topic");
        call("SetTopicAttributes", "{'TopicArn':'" + arn + "','AttributeName':'ArchivePolicy','AttributeValue':"
                + js("{\"MessageRetentionPeriod\":\"30\"}") + "}");
        a = call("GetTopicAttributes", "{'TopicArn':'" + arn + "'}").get("Attributes");
        assertThat(a.get("ArchivePolicy").asText()).contains("30");
        assertThat(a.get("BeginningArchiveTime").asText()).isEqualTo("2024-05-01T10:00:00.000Z");
    }

    @Test
    void setTopicAttributesValidates() {
        String arn = createTopic("t");
        String prefix = "{'TopicArn':'" + arn + "','AttributeName':";
        call("SetTopicAttributes", prefix + "'SignatureVersion','AttributeValue':'2'}");
        call("SetTopicAttributes", prefix + "'TracingConfig','AttributeValue':'Active'}");
        call("SetTopicAttributes", prefix + "'KmsMasterKeyId','AttributeValue':'alias/aws/sns'}");
        JsonNode a = call("GetTopicAttributes", "{'TopicArn':'" + arn + "'}").get("Attributes");
        assertThat(a.get("SignatureVersion").asText()).isEqualTo("2");
        assertThat(a.get("TracingConfig").asText()).isEqualTo("Active");
        assertThat(a.get("KmsMasterKeyId").asText()).isEqualTo("alias/aws/sns");
        fails("SetTopicAttributes", prefix + "'SignatureVersion','AttributeValue':'3'}", "InvalidParameter", "SignatureVersion");
        fails("SetTopicAttributes", prefix + "'TracingConfig','AttributeValue':'On'}", "InvalidParameter", "TracingConfig");
        fails("SetTopicAttributes", prefix + "'Owner','AttributeValue':'1'}", "InvalidParameter", "AttributeName");
        fails("SetTopicAttributes", prefix + "'FifoTopic','AttributeValue':'true'}", "InvalidParameter", "AttributeName");
        fails("SetTopicAttributes", prefix + "'ContentBasedDeduplication','AttributeValue':'true'}", "InvalidParameter",
                "only be set for FIFO topics");
        fails("SetTopicAttributes", prefix + "'Policy','AttributeValue':'nope'}", "InvalidParameter", "Policy");
        fails("SetTopicAttributes", prefix + "'DeliveryPolicy','AttributeValue':" + js("{\"http\":{\"defaultHealthyRetryPolicy\":{\"numRetries\":101}}}") + "}",
                "InvalidParameter", "DeliveryPolicy: numRetries must be between 0 and 100");
        assertThat(invalidParameter("SetTopicAttributes", prefix + "'DeliveryPolicy','AttributeValue':'{nope}'}"))
                .startsWith("Invalid parameter: DeliveryPolicy: failed to parse JSON. Unexpected character ('n'")
                .endsWith("; line: 1, column: 2]");
        call("SetTopicAttributes", prefix + "'DeliveryPolicy','AttributeValue':" + js("{\"http\":{\"defaultHealthyRetryPolicy\":{\"numRetries\":5,\"minDelayTarget\":1,\"maxDelayTarget\":30}}}") + "}");
        a = call("GetTopicAttributes", "{'TopicArn':'" + arn + "'}").get("Attributes");
        assertThat(parse(a.get("EffectiveDeliveryPolicy").asText()).at("/http/defaultHealthyRetryPolicy/numRetries").asInt()).isEqualTo(5);
        fails("GetTopicAttributes", "{'TopicArn':'arn:aws:sns:us-east-1:123456789012:missing'}", "NotFound", "Topic does not exist");
        fails("GetTopicAttributes", "{'TopicArn':'not-an-arn'}", "InvalidParameter", "Invalid parameter: TopicArn");
    }

    @Test
    void anArnOfFewerThanSixElementsIsRefusedWithHowManyItHas() {
        createTopic("t");
        assertThat(invalidParameter("GetTopicAttributes", "{'TopicArn':'randomstring'}"))
                .isEqualTo("Invalid parameter: TopicArn Reason: An ARN must have at least 6 elements, not 1");
        assertThat(invalidParameter("Publish", "{'TopicArn':'randomstring:1','Message':'m'}"))
                .isEqualTo("Invalid parameter: TopicArn Reason: An ARN must have at least 6 elements, not 2");
        assertThat(invalidParameter("Publish", "{'TopicArn':'','Message':'m'}"))
                .isEqualTo("Invalid parameter: TopicArn Reason: An ARN must have at least 6 elements, not 1");
        assertThat(invalidParameter("Subscribe", "{'TopicArn':'arn:aws:sns:us-east-1:random','Protocol':'sqs','Endpoint':'"
                + QUEUE + "'}")).isEqualTo("Invalid parameter: TopicArn Reason: An ARN must have at least 6 elements, not 5");
        assertThat(invalidParameter("Publish", "{'TargetArn':'nowhere','Message':'m'}"))
                .isEqualTo("Invalid parameter: TargetArn Reason: An ARN must have at least 6 elements, not 1");
        // Six elements of another service, or another region, just name the member.
        assertThat(invalidParameter("GetTopicAttributes", "{'TopicArn':'arn:aws:sqs:us-east-1:123456789012:t'}"))
                .isEqualTo("Invalid parameter: TopicArn");
        assertThat(invalidParameter("DeleteTopic", "{'TopicArn':'arn:aws:sns:eu-west-1:123456789012:t'}"))
                .isEqualTo("Invalid parameter: TopicArn");
    }

    @Test
    void deleteTopicOfAnotherRegionIsRefusedAndKeepsIt() {
        RequestContext west = new RequestContext(ACCOUNT, "eu-west-1", "req-2", "http://localhost:4566");
        String arn = call(west, "CreateTopic", "{'Name':'t'}").get("TopicArn").asText();
        assertThat(invalidParameter("DeleteTopic", "{'TopicArn':'" + arn + "'}")).isEqualTo("Invalid parameter: TopicArn");
        assertThat(call(west, "GetTopicAttributes", "{'TopicArn':'" + arn + "'}").get("Attributes").get("TopicArn").asText())
                .isEqualTo(arn);
    }

    @Test
    void listTopicsPagesBy100() {
        for (int i = 0; i < 150; i++) {
            createTopic(String.format("t%03d", i));
        }
        call(new io.mailroom.core.request.RequestContext("999999999999", REGION, "r", "http://x"), "CreateTopic", "{'Name':'other'}");
        ObjectNode first = call("ListTopics", "{}");
        assertThat(first.get("Topics")).hasSize(100);
        ObjectNode second = call("ListTopics", "{'NextToken':'" + first.get("NextToken").asText() + "'}");
        assertThat(second.get("Topics")).hasSize(50);
        assertThat(second.has("NextToken")).isFalse();
        Set<String> all = new HashSet<>();
        first.get("Topics").forEach(t -> all.add(t.get("TopicArn").asText()));
        second.get("Topics").forEach(t -> all.add(t.get("TopicArn").asText()));
        assertThat(all).hasSize(150).allMatch(a -> a.contains(":123456789012:"));
        fails("ListTopics", "{'NextToken':'%%%'}", "InvalidParameter", "NextToken");
        // Well-formed base64 that decodes to a key outside this account's topics: not a token we issued.
        for (String foreign : new String[] {"true", "All", "Binary", "99999999999", "AAAA"}) {
            fails("ListTopics", "{'NextToken':'" + foreign + "'}", "InvalidParameter", "NextToken");
        }
    }

    @Test
    void deleteTopicIsIdempotentAndRemovesSubscriptions() {
        String arn = createTopic("t");
        String sub = subscribe(arn, "sqs", QUEUE);
        call("DeleteTopic", "{'TopicArn':'" + arn + "'}");
        call("DeleteTopic", "{'TopicArn':'" + arn + "'}");
        fails("GetSubscriptionAttributes", "{'SubscriptionArn':'" + sub + "'}", "NotFound", "Subscription does not exist");
        assertThat(call("ListTopics", "{}").get("Topics")).isEmpty();
    }

    @Test
    void permissionsAreReflectedInThePolicy() {
        String arn = createTopic("t");
        call("AddPermission", "{'TopicArn':'" + arn + "','Label':'share','AWSAccountId':['111122223333'],'ActionName':['Publish','Subscribe']}");
        JsonNode policy = parse(call("GetTopicAttributes", "{'TopicArn':'" + arn + "'}").at("/Attributes/Policy").asText());
        JsonNode statement = policy.get("Statement").get(1);
        assertThat(statement.get("Sid").asText()).isEqualTo("share");
        assertThat(statement.at("/Principal/AWS").asText()).isEqualTo("arn:aws:iam::111122223333:root");
        assertThat(statement.get("Action").toString()).isEqualTo("[\"SNS:Publish\",\"SNS:Subscribe\"]");
        fails("AddPermission", "{'TopicArn':'" + arn + "','Label':'share','AWSAccountId':['111122223333'],'ActionName':['Publish']}",
                "InvalidParameter", "Statement already exists");
        fails("AddPermission", "{'TopicArn':'" + arn + "','Label':'x','AWSAccountId':['111122223333'],'ActionName':['SendMessage']}",
                "InvalidParameter", "out of service scope");
        call("RemovePermission", "{'TopicArn':'" + arn + "','Label':'share'}");
        policy = parse(call("GetTopicAttributes", "{'TopicArn':'" + arn + "'}").at("/Attributes/Policy").asText());
        assertThat(policy.get("Statement")).hasSize(1);
    }

    @Test
    void tagging() {
        String arn = createTopic("t");
        call("TagResource", "{'ResourceArn':'" + arn + "','Tags':[{'Key':'a','Value':'1'},{'Key':'b','Value':'2'}]}");
        call("UntagResource", "{'ResourceArn':'" + arn + "','TagKeys':['a']}");
        JsonNode tags = call("ListTagsForResource", "{'ResourceArn':'" + arn + "'}").get("Tags");
        assertThat(StreamSupport.stream(tags.spliterator(), false).map(t -> t.get("Key").asText()).collect(Collectors.toList()))
                .containsExactly("b");
        StringBuilder many = new StringBuilder("[");
        for (int i = 0; i < 50; i++) {
            many.append(i == 0 ? "" : ",").append("{'Key':'k").append(i).append("','Value':'v'}");
        }
        many.append("]");
        fails("TagResource", "{'ResourceArn':'" + arn + "','Tags':" + many + "}", "TagLimitExceeded", "tag quota");
        fails("TagResource", "{'ResourceArn':'" + arn + "','Tags':[{'Key':'x','Value':'1'},{'Key':'x','Value':'2'}]}",
                "InvalidParameter", "Duplicated keys");
        fails("TagResource", "{'ResourceArn':'" + arn + "','Tags':[{'Key':'aws:x','Value':'1'}]}", "InvalidParameter", "aws:");
        fails("ListTagsForResource", "{'ResourceArn':'arn:aws:sns:us-east-1:123456789012:none'}", "ResourceNotFound",
                "Resource does not exist");
        fails("CreateTopic", "{'Name':'many','Tags':" + many.toString().replace("]", ",{'Key':'z','Value':'v'}]") + "}",
                "TagLimitExceeded", "tag quota");
    }

    @Test
    void dataProtectionPolicy() {
        String arn = createTopic("t");
        assertThat(call("GetDataProtectionPolicy", "{'ResourceArn':'" + arn + "'}").get("DataProtectionPolicy").asText()).isEmpty();
        call("PutDataProtectionPolicy", "{'ResourceArn':'" + arn + "','DataProtectionPolicy':" + js("{\"Name\":\"p\"}") + "}");
        assertThat(call("GetDataProtectionPolicy", "{'ResourceArn':'" + arn + "'}").get("DataProtectionPolicy").asText())
                .isEqualTo("{\"Name\":\"p\"}");
        fails("PutDataProtectionPolicy", "{'ResourceArn':'" + arn + "','DataProtectionPolicy':'nope'}", "InvalidParameter",
                "DataProtectionPolicy");
        fails("GetDataProtectionPolicy", "{'ResourceArn':'arn:aws:sns:us-east-1:123456789012:none'}", "NotFound", "Topic does not exist");
    }

    @Test
    void resetDropsEverything() {
        createTopic("t");
        sns.reset();
        assertThat(call("ListTopics", "{}").get("Topics")).isEmpty();
    }
}
