package io.mailroom.sns;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.request.RequestContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubscriptionApiTest extends SnsTestSupport {

    @Test
    void sqsSubscriptionIsConfirmedAtOnceAndIdempotent() {
        String topic = createTopic("t");
        String arn = call("Subscribe", "{'TopicArn':'" + topic + "','Protocol':'sqs','Endpoint':'" + QUEUE + "'}")
                .get("SubscriptionArn").asText();
        assertThat(arn).startsWith(topic + ":");
        assertThat(call("Subscribe", "{'TopicArn':'" + topic + "','Protocol':'sqs','Endpoint':'" + QUEUE + "'}")
                .get("SubscriptionArn").asText()).isEqualTo(arn);
        fails("Subscribe", "{'TopicArn':'" + topic + "','Protocol':'sqs','Endpoint':'" + QUEUE
                + "','Attributes':{'RawMessageDelivery':'true'}}", "InvalidParameter", "Subscription already exists with different attributes");
        JsonNode a = call("GetSubscriptionAttributes", "{'SubscriptionArn':'" + arn + "'}").get("Attributes");
        assertThat(a.get("PendingConfirmation").asText()).isEqualTo("false");
        assertThat(a.get("ConfirmationWasAuthenticated").asText()).isEqualTo("true");
        assertThat(a.get("RawMessageDelivery").asText()).isEqualTo("false");
        assertThat(a.get("Protocol").asText()).isEqualTo("sqs");
        assertThat(a.get("Endpoint").asText()).isEqualTo(QUEUE);
        assertThat(a.get("Owner").asText()).isEqualTo(ACCOUNT);
        assertThat(a.get("TopicArn").asText()).isEqualTo(topic);
        assertThat(a.has("FilterPolicy")).isFalse();
        assertThat(a.has("EffectiveDeliveryPolicy")).isFalse();
        assertThat(call("GetTopicAttributes", "{'TopicArn':'" + topic + "'}").at("/Attributes/SubscriptionsConfirmed").asText())
                .isEqualTo("1");
    }

    @Test
    void subscribingAgainIsRefusedOnlyForAnAttributeThatDiffers() {
        String topic = createTopic("t");
        String subscribe = "{'TopicArn':'" + topic + "','Protocol':'sqs','Endpoint':'" + QUEUE + "','ReturnSubscriptionArn':true";
        String arn = call("Subscribe", subscribe + ",'Attributes':{'RawMessageDelivery':'True'}}").get("SubscriptionArn").asText();
        // The sequence recorded on AWS.
        for (String attributes : List.of("{'RawMessageDelivery':'true'}",
                "{'RawMessageDelivery':'true','FilterPolicyScope':'MessageAttributes'}", "{}",
                "{'FilterPolicyScope':'MessageAttributes'}")) {
            assertThat(call("Subscribe", subscribe + ",'Attributes':" + attributes + "}").get("SubscriptionArn").asText())
                    .as(attributes).isEqualTo(arn);
        }
        assertThat(call("Subscribe", subscribe + "}").get("SubscriptionArn").asText()).isEqualTo(arn);
        assertThat(invalidParameter("Subscribe", subscribe
                + ",'Attributes':{'RawMessageDelivery':'false','FilterPolicyScope':'MessageBody'}}"))
                .isEqualTo("Invalid parameter: Attributes Reason: Subscription already exists with different attributes");
        assertThat(invalidParameter("Subscribe", subscribe + ",'Attributes':{'FilterPolicyScope':'MessageBody'}}"))
                .endsWith("Subscription already exists with different attributes");
        assertThat(invalidParameter("Subscribe", subscribe + ",'Attributes':{'FilterPolicy':" + js("{\"a\":[\"b\"]}") + "}}"))
                .endsWith("Subscription already exists with different attributes");
        // Nothing changed.
        JsonNode a = call("GetSubscriptionAttributes", "{'SubscriptionArn':'" + arn + "'}").get("Attributes");
        assertThat(a.get("RawMessageDelivery").asText()).isEqualTo("true");
        assertThat(a.has("FilterPolicy")).isFalse();
    }

    @Test
    void endpointsAreValidatedPerProtocol() {
        String topic = createTopic("t");
        String p = "{'TopicArn':'" + topic + "','Protocol':";
        fails("Subscribe", p + "'pigeon','Endpoint':'x'}", "InvalidParameter", "Amazon SNS does not support this protocol string: pigeon");
        fails("Subscribe", p + "'http','Endpoint':'https://x.test'}", "InvalidParameter", "Endpoint must match the specified protocol");
        fails("Subscribe", p + "'https','Endpoint':'http://x.test'}", "InvalidParameter", "Endpoint must match the specified protocol");
        fails("Subscribe", p + "'email','Endpoint':'not-an-address'}", "InvalidParameter", "Email address");
        fails("Subscribe", p + "'sms','Endpoint':'12345'}", "InvalidParameter", "Invalid SMS endpoint");
        assertThat(invalidParameter("Subscribe", p + "'sms','Endpoint':'NAA+15551234567'}"))
                .isEqualTo("Invalid SMS endpoint: NAA+15551234567");
        fails("Subscribe", p + "'sqs','Endpoint':'queue-name'}", "InvalidParameter", "SQS endpoint ARN");
        fails("Subscribe", p + "'lambda','Endpoint':'arn:aws:sqs:us-east-1:1:q'}", "InvalidParameter", "Lambda endpoint ARN");
        fails("Subscribe", p + "'firehose','Endpoint':'arn:aws:firehose:us-east-1:123456789012:deliverystream/s'}",
                "InvalidParameter", "SubscriptionRoleArn");
        fails("Subscribe", p + "'application','Endpoint':'arn:aws:sns:us-east-1:123456789012:endpoint/GCM/a/x'}",
                "InvalidParameter", "Endpoint does not exist");
        fails("Subscribe", p + "'sqs'}", "InvalidParameter", "Endpoint");
        fails("Subscribe", "{'TopicArn':'arn:aws:sns:us-east-1:123456789012:none','Protocol':'sqs','Endpoint':'" + QUEUE + "'}",
                "NotFound", "Topic does not exist");
        fails("Subscribe", p + "'email','Endpoint':'a@b.test','Attributes':{'RawMessageDelivery':'true'}}", "InvalidParameter",
                "does not support raw message delivery");
        fails("Subscribe", p + "'sqs','Endpoint':'" + QUEUE + "','Attributes':{'Bogus':'1'}}", "InvalidParameter", "Bogus");
    }

    @Test
    void subscriptionAttributesRoundTrip() {
        String topic = createTopic("t");
        String arn = subscribe(topic, "sqs", QUEUE);
        String set = "{'SubscriptionArn':'" + arn + "','AttributeName':";
        call("SetSubscriptionAttributes", set + "'RawMessageDelivery','AttributeValue':'true'}");
        call("SetSubscriptionAttributes", set + "'FilterPolicy','AttributeValue':" + js("{\"a\":[\"x\"]}") + "}");
        call("SetSubscriptionAttributes", set + "'RedrivePolicy','AttributeValue':" + js("{\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:123456789012:dlq\"}") + "}");
        JsonNode a = call("GetSubscriptionAttributes", "{'SubscriptionArn':'" + arn + "'}").get("Attributes");
        assertThat(a.get("RawMessageDelivery").asText()).isEqualTo("true");
        assertThat(a.get("FilterPolicy").asText()).isEqualTo("{\"a\":[\"x\"]}");
        assertThat(a.get("FilterPolicyScope").asText()).isEqualTo("MessageAttributes");
        assertThat(a.get("RedrivePolicy").asText()).contains("dlq");
        call("SetSubscriptionAttributes", set + "'FilterPolicyScope','AttributeValue':'MessageBody'}");
        call("SetSubscriptionAttributes", set + "'FilterPolicy','AttributeValue':" + js("{\"a\":{\"b\":[1]}}") + "}");
        fails("SetSubscriptionAttributes", set + "'FilterPolicyScope','AttributeValue':'MessageAttributes'}", "InvalidParameter",
                "does not support nested filter policy");
        fails("SetSubscriptionAttributes", set + "'FilterPolicyScope','AttributeValue':'Everything'}", "InvalidParameter",
                "FilterPolicyScope");
        fails("SetSubscriptionAttributes", set + "'FilterPolicy','AttributeValue':" + js("{\"a\":[]}") + "}", "InvalidParameter",
                "Invalid parameter: FilterPolicy: Empty arrays are not allowed");
        fails("SetSubscriptionAttributes", set + "'RawMessageDelivery','AttributeValue':'maybe'}", "InvalidParameter", "RawMessageDelivery");
        fails("SetSubscriptionAttributes", set + "'RedrivePolicy','AttributeValue':" + js("{\"deadLetterTargetArn\":\"nope\"}") + "}",
                "InvalidParameter", "deadLetterTargetArn");
        fails("SetSubscriptionAttributes", set + "'Owner','AttributeValue':'x'}", "InvalidParameter", "AttributeName");
        call("SetSubscriptionAttributes", set + "'FilterPolicy','AttributeValue':''}");
        a = call("GetSubscriptionAttributes", "{'SubscriptionArn':'" + arn + "'}").get("Attributes");
        assertThat(a.has("FilterPolicy")).isFalse();
        fails("GetSubscriptionAttributes", "{'SubscriptionArn':'" + topic + ":00000000-0000-0000-0000-000000000000'}", "NotFound",
                "Subscription does not exist");
        fails("GetSubscriptionAttributes", "{'SubscriptionArn':'pending confirmation'}", "InvalidParameter", "SubscriptionArn");
    }

    @Test
    void aMalformedSubscriptionArnIsRefusedWithWhatIsWrong() {
        assertThat(invalidParameter("Unsubscribe", "{'SubscriptionArn':'randomstring'}"))
                .isEqualTo("Invalid parameter: SubscriptionArn Reason: An ARN must have at least 6 elements, not 1");
        assertThat(invalidParameter("Unsubscribe", "{'SubscriptionArn':'arn:aws:sns:us-east-1:random'}"))
                .isEqualTo("Invalid parameter: SubscriptionArn Reason: An ARN must have at least 6 elements, not 5");
        assertThat(invalidParameter("GetSubscriptionAttributes", "{'SubscriptionArn':'PendingConfirmation'}"))
                .isEqualTo("Invalid parameter: SubscriptionArn Reason: An ARN must have at least 6 elements, not 1");
        // Six elements but no subscription id after the topic name.
        assertThat(invalidParameter("Unsubscribe", "{'SubscriptionArn':'arn:aws:sns:us-east-1:" + ACCOUNT + ":random'}"))
                .isEqualTo("Invalid parameter: SubscriptionId");
        assertThat(invalidParameter("GetSubscriptionAttributes", "{'SubscriptionArn':'arn:aws:sns:us-east-1:" + ACCOUNT
                + ":not-exists'}")).isEqualTo("Invalid parameter: SubscriptionId");
    }

    @Test
    void subscribeTellsWhyAFilterAttributeIsRefusedAfterAttributesReason() {
        String topic = createTopic("t");
        String subscribe = "{'TopicArn':'" + topic + "','Protocol':'sqs','Endpoint':'" + QUEUE + "','Attributes':";
        String policy = js("{\"key\":[{\"numeric\":[\">\",3,\"<\",1]}]}");
        assertThat(invalidParameter("Subscribe", subscribe + "{'FilterPolicy':" + policy + "}}"))
                .isEqualTo("Invalid parameter: Attributes Reason: FilterPolicy: Bottom must be less than top\n at "
                        + "[Source: (String)\"{\"key\":[{\"numeric\":[\">\",3,\"<\",1]}]}\"; line: 1, column: 33]");
        assertThat(invalidParameter("Subscribe", subscribe + "{'FilterPolicyScope':'RandomValue'}}"))
                .isEqualTo("Invalid parameter: Attributes Reason: FilterPolicyScope: Invalid value [RandomValue]. "
                        + "Please use either MessageBody or MessageAttributes");
        assertThat(invalidParameter("Subscribe", subscribe + "{'FilterPolicy':" + js("{\"a\":{\"b\":[\"x\"]}}") + "}}"))
                .isEqualTo("Invalid parameter: Attributes Reason: "
                        + "Filter policy scope MessageAttributes does not support nested filter policy");

        String arn = subscribe(topic, "sqs", QUEUE);
        assertThat(invalidParameter("SetSubscriptionAttributes", "{'SubscriptionArn':'" + arn
                + "','AttributeName':'FilterPolicy','AttributeValue':" + policy + "}"))
                .startsWith("Invalid parameter: FilterPolicy: Bottom must be less than top\n at [Source: ");
    }

    @Test
    void malformedJsonAttributesAreRefusedWithWhereTheParserStopped() {
        String arn = subscribe(createTopic("t"), "sqs", QUEUE);
        String set = "{'SubscriptionArn':'" + arn + "','AttributeName':";
        assertThat(invalidParameter("SetSubscriptionAttributes", set + "'RedrivePolicy','AttributeValue':"
                + js("{\"deadLetterTargetArn\":\"fake-arn\"}") + "}"))
                .isEqualTo("Invalid parameter: RedrivePolicy: deadLetterTargetArn is an invalid arn");
        // Both as recorded on AWS.
        String source = "\n at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 2]";
        assertThat(invalidParameter("SetSubscriptionAttributes", set + "'RedrivePolicy','AttributeValue':'{invalidjson}'}"))
                .isEqualTo("Invalid parameter: RedrivePolicy: failed to parse JSON. Unexpected character ('i' (code 105)): "
                        + "was expecting double-quote to start field name" + source);
        assertThat(invalidParameter("SetSubscriptionAttributes", set + "'FilterPolicy','AttributeValue':'{invalidjson}'}"))
                .isEqualTo("Invalid parameter: FilterPolicy: failed to parse JSON. Unexpected character ('i' (code 105)): "
                        + "was expecting double-quote to start field name" + source);
        assertThat(invalidParameter("SetSubscriptionAttributes", set + "'FilterPolicy','AttributeValue':'{\\n\\n  oops'}"))
                .endsWith("; line: 3, column: 3]");
    }

    @Test
    void subscribeTellsWhyAnyAttributeIsRefusedAfterAttributesReason() {
        String topic = createTopic("t");
        String subscribe = "{'TopicArn':'" + topic + "','Protocol':'sqs','Endpoint':'" + QUEUE + "','Attributes':";
        // As recorded on AWS, with an empty FilterPolicy and a scope beside it.
        assertThat(invalidParameter("Subscribe", subscribe
                + "{'RawMessageDelivery':'wrongvalue','FilterPolicyScope':'MessageBody','FilterPolicy':''}}"))
                .isEqualTo("Invalid parameter: Attributes Reason: RawMessageDelivery: Invalid value [wrongvalue]. "
                        + "Must be true or false.");
        assertThat(invalidParameter("Subscribe", subscribe + "{'RedrivePolicy':'nope'}}"))
                .startsWith("Invalid parameter: Attributes Reason: RedrivePolicy: ");
        assertThat(invalidParameter("Subscribe", "{'TopicArn':'" + topic + "','Protocol':'email','Endpoint':'a@example.com',"
                + "'Attributes':{'RawMessageDelivery':'true'}}"))
                .isEqualTo("Invalid parameter: Attributes Reason: Delivery protocol [email] does not support raw message delivery.");
        // SetSubscriptionAttributes tells the same without the reason.
        String arn = subscribe(topic, "sqs", QUEUE);
        assertThat(invalidParameter("SetSubscriptionAttributes", "{'SubscriptionArn':'" + arn
                + "','AttributeName':'RawMessageDelivery','AttributeValue':'wrongvalue'}"))
                .isEqualTo("Invalid parameter: RawMessageDelivery: Invalid value [wrongvalue]. Must be true or false.");
    }

    @Test
    void filterPolicyScopeIsKeptButShownOnlyBesideAFilterPolicy() {
        String arn = subscribe(createTopic("t"), "sqs", QUEUE);
        String set = "{'SubscriptionArn':'" + arn + "','AttributeName':";
        call("SetSubscriptionAttributes", set + "'FilterPolicyScope','AttributeValue':'MessageBody'}");
        JsonNode a = call("GetSubscriptionAttributes", "{'SubscriptionArn':'" + arn + "'}").get("Attributes");
        assertThat(a.has("FilterPolicyScope")).isFalse();
        assertThat(invalidParameter("SetSubscriptionAttributes", set + "'FilterPolicyScope','AttributeValue':'RandomValue'}"))
                .isEqualTo("Invalid parameter: FilterPolicyScope: Invalid value [RandomValue]. "
                        + "Please use either MessageBody or MessageAttributes");

        call("SetSubscriptionAttributes", set + "'FilterPolicy','AttributeValue':" + js("{\"attr\":[\"match-this\"]}") + "}");
        a = call("GetSubscriptionAttributes", "{'SubscriptionArn':'" + arn + "'}").get("Attributes");
        assertThat(a.get("FilterPolicyScope").asText()).isEqualTo("MessageBody");
    }

    @Test
    void listingsPageAndUnsubscribeCounts() {
        String topic = createTopic("t");
        for (int i = 0; i < 120; i++) {
            String q = "arn:aws:sqs:us-east-1:123456789012:q" + i;
            subscribe(topic, "sqs", q);
        }
        call(new RequestContext("999999999999", REGION, "r", "http://x"), "CreateTopic", "{'Name':'other'}");
        ObjectNode first = call("ListSubscriptions", "{}");
        assertThat(first.get("Subscriptions")).hasSize(100);
        ObjectNode second = call("ListSubscriptions", "{'NextToken':'" + first.get("NextToken").asText() + "'}");
        assertThat(second.get("Subscriptions")).hasSize(20);
        assertThat(second.has("NextToken")).isFalse();
        ObjectNode byTopic = call("ListSubscriptionsByTopic", "{'TopicArn':'" + topic + "'}");
        assertThat(byTopic.get("Subscriptions")).hasSize(100);
        JsonNode entry = byTopic.get("Subscriptions").get(0);
        assertThat(entry.get("Protocol").asText()).isEqualTo("sqs");
        assertThat(entry.get("TopicArn").asText()).isEqualTo(topic);
        String arn = entry.get("SubscriptionArn").asText();
        call("Unsubscribe", "{'SubscriptionArn':'" + arn + "'}");
        // Idempotent: a subscription already removed is unsubscribed again without error.
        assertThat(call("Unsubscribe", "{'SubscriptionArn':'" + arn + "'}")).isEmpty();
        JsonNode attrs = call("GetTopicAttributes", "{'TopicArn':'" + topic + "'}").get("Attributes");
        assertThat(attrs.get("SubscriptionsConfirmed").asText()).isEqualTo("119");
        assertThat(attrs.get("SubscriptionsDeleted").asText()).isEqualTo("1");
        fails("ListSubscriptionsByTopic", "{'TopicArn':'arn:aws:sns:us-east-1:123456789012:none'}", "NotFound", "Topic does not exist");
    }

    @Test
    void emailSubscriptionGetsAConfirmationMailAndNotificationsAfterConfirming() {
        String topic = createTopic("t");
        call("SetTopicAttributes", "{'TopicArn':'" + topic + "','AttributeName':'DisplayName','AttributeValue':'Shop'}");
        String arn = subscribe(topic, "email", "user@example.test");
        var mails = sns.recordedEmail().messages();
        assertThat(mails).singleElement().satisfies(m -> {
            assertThat(m.subject()).isEqualTo("AWS Notification - Subscription Confirmation");
            assertThat(m.to()).isEqualTo("user@example.test");
            assertThat(m.from()).isEqualTo("Shop <no-reply@sns.amazonaws.com>");
            assertThat(m.body()).contains("Action=ConfirmSubscription");
        });
        String token = sns.subscriptionToken(arn).orElseThrow().get("subscription_token").asText();
        call("ConfirmSubscription", "{'TopicArn':'" + topic + "','Token':'" + token + "'}");
        call("Publish", "{'TopicArn':'" + topic + "','Message':'sale!','Subject':'News'}");
        assertThat(sns.recordedEmail().messages()).hasSize(2);
        var mail = sns.recordedEmail().messages().get(1);
        assertThat(mail.subject()).isEqualTo("News");
        assertThat(mail.body()).startsWith("sale!").contains("Action=Unsubscribe");
        assertThat(sns.emailMessages(ACCOUNT, REGION).get("email_messages")).hasSize(2);
    }

    @Test
    void lambdaAndFirehoseDeliveriesAreRecorded() throws Exception {
        String topic = createTopic("t");
        String fn = "arn:aws:lambda:us-east-1:123456789012:function:f";
        String stream = "arn:aws:firehose:us-east-1:123456789012:deliverystream/s";
        subscribe(topic, "lambda", fn);
        call("Subscribe", "{'TopicArn':'" + topic + "','Protocol':'firehose','Endpoint':'" + stream
                + "','Attributes':{'SubscriptionRoleArn':'arn:aws:iam::123456789012:role/r'}}");
        call("Publish", "{'TopicArn':'" + topic + "','Message':'m'}");
        JsonNode event = sns.lambdaInvocations(ACCOUNT, REGION, fn).at("/lambda_invocations/" + fn.replace("/", "~1") + "/0");
        JsonNode record = event.get("Records").get(0);
        assertThat(record.get("EventSource").asText()).isEqualTo("aws:sns");
        assertThat(record.at("/Sns/Message").asText()).isEqualTo("m");
        assertThat(record.at("/Sns/Subject").isNull()).isTrue();
        assertThat(record.at("/Sns/SigningCertUrl").asText()).endsWith(".pem");
        JsonNode fh = sns.firehoseRecords(ACCOUNT, REGION, stream).at("/firehose_records/" + stream.replace("/", "~1") + "/0");
        assertThat(verifies(parse(fh.get("Data").asText()))).isTrue();
    }

    @Test
    void otherServicesPublishThroughTheTopicPublisherPortAndMailThroughSes() {
        String topic = createTopic("t");
        subscribe(topic, "sqs", QUEUE);
        io.mailroom.core.delivery.TopicPublisher port = sns;
        assertThat(port.exists(topic)).isTrue();
        assertThat(port.exists(topic + "x")).isFalse();
        String id = port.publish(topic, "Amazon SES Email Event Notification", "{}",
                java.util.Map.of("k", io.mailroom.core.delivery.MessageAttribute.string("String", "v")));
        JsonNode body = parse(queues.messages(QUEUE).get(0).body());
        assertThat(body.get("MessageId").asText()).isEqualTo(id);
        assertThat(body.at("/MessageAttributes/k/Value").asText()).isEqualTo("v");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> port.publish(topic + "x", null, "m", java.util.Map.of()))
                .hasMessageContaining("Topic does not exist");

        java.util.List<String> mailed = new java.util.ArrayList<>();
        sns.connectMailSink((from, to, subject, text) -> {
            mailed.add(from + "|" + to + "|" + subject);
            return "ses-id";
        });
        subscribe(topic, "email", "user@example.test");
        assertThat(mailed).containsExactly("AWS Notifications <no-reply@sns.amazonaws.com>|[user@example.test]|"
                + "AWS Notification - Subscription Confirmation");
        assertThat(sns.recordedEmail().messages()).isEmpty();
    }
}
