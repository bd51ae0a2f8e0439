package io.mailroom.ses.receipt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.delivery.ObjectSink;
import io.mailroom.core.delivery.TopicPublisher;
import io.mailroom.core.error.AwsException;
import io.mailroom.core.time.Clock;
import io.mailroom.ses.inbound.ActionRecord;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one receipt action (https://docs.aws.amazon.com/ses/latest/dg/receiving-email-action.html) on the
 * message and records it. An action that cannot complete (bucket or topic missing, message too large for it)
 * bounces the rule's recipients and ends the rule, as SES bounces mail it cannot deliver to an action.
 * Lambda and WorkMail are recorded with the event SES would hand them; this server runs no functions.
 */
final class ReceiptActions {
    private static final Logger LOG = LoggerFactory.getLogger(ReceiptActions.class);
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** "When you save your emails to an Amazon S3 bucket, the maximum email size (including headers) is 40 MB." */
    static final int MAX_S3_BYTES = 40 * 1024 * 1024;
    /** The SNS action carries the whole message in the notification; "emails larger than 150 KB will bounce". */
    static final int MAX_SNS_BYTES = 150 * 1024;

    private final Clock clock;
    private final TopicPublisher topics;
    private final ObjectSink objects;
    private final BounceMailer bounces;

    ReceiptActions(Clock clock, TopicPublisher topics, ObjectSink objects, BounceMailer bounces) {
        this.clock = clock;
        this.topics = topics;
        this.objects = objects;
        this.bounces = bounces;
    }

    /** @return false when the rule must not go on (the action failed and bounced the rule's recipients) */
    boolean run(ReceiptRun run, ReceiptPlan.PlannedRule rule, JsonNode action) {
        if (action.has("AddHeaderAction")) {
            return addHeader(run, rule, action.get("AddHeaderAction"));
        }
        if (action.has("S3Action")) {
            return s3(run, rule, action.get("S3Action"));
        }
        if (action.has("SNSAction")) {
            return sns(run, rule, action.get("SNSAction"));
        }
        if (action.has("BounceAction")) {
            return bounce(run, rule, action.get("BounceAction"));
        }
        if (action.has("LambdaAction")) {
            return lambda(run, rule, action.get("LambdaAction"));
        }
        if (action.has("WorkmailAction")) {
            return workMail(run, rule, action.get("WorkmailAction"));
        }
        if (action.has("StopAction")) {
            return stop(run, rule, action.get("StopAction"));
        }
        String type = action.fieldNames().hasNext() ? action.fieldNames().next() : "Unknown";
        run.actions.add(new ActionRecord(rule.name(), type.replace("Action", ""), ActionRecord.FAILED,
                F.objectNode().put("error", "This server does not run " + type + ".")));
        return true;
    }

    private boolean addHeader(ReceiptRun run, ReceiptPlan.PlannedRule rule, JsonNode a) {
        String name = a.path("HeaderName").asText();
        String value = a.path("HeaderValue").asText();
        run.mail.addHeader(name, value);
        run.actions.add(new ActionRecord(rule.name(), "AddHeader", ActionRecord.OK,
                F.objectNode().put("headerName", name).put("headerValue", value)));
        return true;
    }

    /** The object is the raw message, keyed prefix + message id; then the optional topic is told where. */
    private boolean s3(ReceiptRun run, ReceiptPlan.PlannedRule rule, JsonNode a) {
        String bucket = a.path("BucketName").asText();
        String key = a.path("ObjectKeyPrefix").asText("") + run.mail.messageId();
        String topic = text(a, "TopicArn");
        ObjectNode action = F.objectNode().put("type", "S3");
        if (topic != null) {
            action.put("topicArn", topic);
        }
        action.put("bucketName", bucket).put("objectKey", key);
        ObjectNode detail = F.objectNode().put("bucketName", bucket).put("objectKey", key);
        if (run.mail.size() > MAX_S3_BYTES) {
            return fail(run, rule, "S3", detail, "Message is larger than " + MAX_S3_BYTES + " bytes.");
        }
        if (objects == null || !objects.exists(bucket)) {
            return fail(run, rule, "S3", detail, "NoSuchBucket: The specified bucket does not exist: " + bucket);
        }
        try {
            String etag = objects.put(run.plan.scope().accountId(), run.plan.scope().region(), bucket, key,
                    run.mail.raw(), null, Map.of());
            detail.put("etag", etag);
        } catch (AwsException e) {
            return fail(run, rule, "S3", detail, e.error().code() + ": " + e.getMessage());
        }
        notifyTopic(run, rule, topic, action, detail);
        run.actions.add(new ActionRecord(rule.name(), "S3", ActionRecord.OK, detail));
        return true;
    }

    /** The notification carries the message itself as {@code content}, in UTF-8 (the default) or Base64. */
    private boolean sns(ReceiptRun run, ReceiptPlan.PlannedRule rule, JsonNode a) {
        String topic = a.path("TopicArn").asText();
        String encoding = "Base64".equalsIgnoreCase(a.path("Encoding").asText()) ? "Base64" : "UTF-8";
        ObjectNode detail = F.objectNode().put("topicArn", topic).put("encoding", encoding);
        if (run.mail.size() > MAX_SNS_BYTES) {
            return fail(run, rule, "SNS", detail, "Message is larger than " + MAX_SNS_BYTES
                    + " bytes, the most an SNS action carries.");
        }
        ObjectNode action = F.objectNode().put("type", "SNS").put("topicArn", topic)
                .put("encoding", "Base64".equals(encoding) ? "BASE64" : "UTF8");
        ObjectNode receipt = ReceiptJson.receipt(run.mail, clock.millis(), rule.recipients(), rule.scanEnabled(),
                action);
        ObjectNode notification = ReceiptJson.notification(run.mail, receipt, encoding);
        try {
            detail.put("snsMessageId", topics.publish(topic, ReceiptJson.SUBJECT, notification.toString(), Map.of()));
        } catch (AwsException e) {
            return fail(run, rule, "SNS", detail, e.error().code() + ": " + e.getMessage());
        }
        detail.set("notification", notification);
        run.actions.add(new ActionRecord(rule.name(), "SNS", ActionRecord.OK, detail));
        return true;
    }

    /** Refuses the rule's recipients and sends the bounce message from the action's Sender to MAIL FROM. */
    private boolean bounce(ReceiptRun run, ReceiptPlan.PlannedRule rule, JsonNode a) {
        String topic = text(a, "TopicArn");
        String code = a.path("SmtpReplyCode").asText("550");
        String status = a.path("StatusCode").asText("5.1.1");
        String message = a.path("Message").asText("");
        String from = a.path("Sender").asText();
        ObjectNode action = F.objectNode().put("type", "Bounce");
        if (topic != null) {
            action.put("topicArn", topic);
        }
        action.put("smtpReplyCode", code).put("statusCode", status).put("message", message).put("sender", from);
        ObjectNode detail = F.objectNode().put("smtpReplyCode", code).put("statusCode", status)
                .put("message", message).put("sender", from);
        detail.set("bouncedRecipients", ReceiptJson.strings(rule.recipients()));
        run.rejected.addAll(rule.recipients());
        String to = run.mail.mailFrom();
        if (!to.isEmpty()) {
            StringBuilder text = new StringBuilder("This message could not be delivered.\r\n\r\n");
            for (String r : rule.recipients()) {
                text.append("Final-Recipient: rfc822; ").append(r).append("\r\nAction: failed\r\nStatus: ")
                        .append(status).append("\r\nDiagnostic-Code: smtp; ").append(code).append(' ').append(status)
                        .append(' ').append(message).append("\r\n\r\n");
            }
            detail.put("bounceMessageId", bounces.send(run.plan.scope(), from, to,
                    "Delivery Status Notification (Failure)", text.toString()));
        }
        notifyTopic(run, rule, topic, action, detail);
        run.actions.add(new ActionRecord(rule.name(), "Bounce", ActionRecord.OK, detail));
        return true;
    }

    private boolean lambda(ReceiptRun run, ReceiptPlan.PlannedRule rule, JsonNode a) {
        String topic = text(a, "TopicArn");
        String function = a.path("FunctionArn").asText();
        String invocation = a.path("InvocationType").asText("Event");
        ObjectNode action = F.objectNode().put("type", "Lambda");
        if (topic != null) {
            action.put("topicArn", topic);
        }
        action.put("functionArn", function).put("invocationType", invocation);
        ObjectNode detail = F.objectNode().put("functionArn", function).put("invocationType", invocation);
        detail.set("event", ReceiptJson.lambdaEvent(run.mail, receipt(run, rule, action)));
        notifyTopic(run, rule, topic, action, detail);
        run.actions.add(new ActionRecord(rule.name(), "Lambda", ActionRecord.OK, detail));
        return true;
    }

    private boolean workMail(ReceiptRun run, ReceiptPlan.PlannedRule rule, JsonNode a) {
        String topic = text(a, "TopicArn");
        String organization = a.path("OrganizationArn").asText();
        ObjectNode action = F.objectNode().put("type", "WorkMail");
        if (topic != null) {
            action.put("topicArn", topic);
        }
        action.put("organizationArn", organization);
        ObjectNode detail = F.objectNode().put("organizationArn", organization);
        detail.set("event", ReceiptJson.lambdaEvent(run.mail, receipt(run, rule, action)));
        notifyTopic(run, rule, topic, action, detail);
        run.actions.add(new ActionRecord(rule.name(), "WorkMail", ActionRecord.OK, detail));
        return true;
    }

    /** "Terminates the evaluation of the receipt rule set": no further action or rule runs. */
    private boolean stop(ReceiptRun run, ReceiptPlan.PlannedRule rule, JsonNode a) {
        String topic = text(a, "TopicArn");
        ObjectNode action = F.objectNode().put("type", "Stop");
        if (topic != null) {
            action.put("topicArn", topic);
        }
        ObjectNode detail = F.objectNode().put("scope", a.path("Scope").asText("RuleSet"));
        notifyTopic(run, rule, topic, action, detail);
        run.actions.add(new ActionRecord(rule.name(), "Stop", ActionRecord.OK, detail));
        run.stopped = true;
        return false;
    }

    private ObjectNode receipt(ReceiptRun run, ReceiptPlan.PlannedRule rule, ObjectNode action) {
        return ReceiptJson.receipt(run.mail, clock.millis(), rule.recipients(), rule.scanEnabled(), action);
    }

    /** An action's optional topic gets a Received notification without content; a lost one does not fail it. */
    private void notifyTopic(ReceiptRun run, ReceiptPlan.PlannedRule rule, String topic, ObjectNode action,
                             ObjectNode detail) {
        if (topic == null) {
            return;
        }
        ObjectNode notification = ReceiptJson.notification(run.mail, receipt(run, rule, action), null);
        try {
            detail.put("snsMessageId", topics.publish(topic, ReceiptJson.SUBJECT, notification.toString(), Map.of()));
            detail.set("notification", notification);
        } catch (AwsException e) {
            LOG.info("SES receipt notification to {} not delivered: {}", topic, e.getMessage());
            detail.put("notificationError", e.error().code() + ": " + e.getMessage());
        }
    }

    private static boolean fail(ReceiptRun run, ReceiptPlan.PlannedRule rule, String type, ObjectNode detail,
                                String error) {
        detail.put("error", error);
        run.actions.add(new ActionRecord(rule.name(), type, ActionRecord.FAILED, detail));
        run.rejected.addAll(rule.recipients());
        return false;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.asText().isEmpty() ? null : v.asText();
    }
}
