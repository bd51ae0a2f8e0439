package io.mailroom.ses.v1;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.error.AwsException;
import io.mailroom.core.request.RequestContext;
import io.mailroom.ses.SesState;
import io.mailroom.ses.account.Account;
import io.mailroom.ses.account.Scope;
import io.mailroom.ses.api.Api;
import io.mailroom.ses.api.Inputs;
import io.mailroom.ses.api.Outputs;
import io.mailroom.ses.api.WireEnums;
import io.mailroom.ses.mime.Addresses;
import io.mailroom.ses.sending.MailContent;
import io.mailroom.ses.sending.SendRequest;
import io.mailroom.ses.sending.SendStatistics;
import io.mailroom.ses.sending.Sender;
import io.mailroom.ses.sending.SentMessage;
import io.mailroom.ses.template.RenderingException;
import io.mailroom.ses.template.TemplateRenderer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** v1 sending, quota, statistics and the account-level sending switch. */
public final class V1Sending {
    private static final Api API = Api.V1;
    /** "You can send to up to 50 destinations in a single call to SendBulkTemplatedEmail." */
    static final int MAX_BULK_DESTINATIONS = 50;

    private final SesState state;
    private final Sender sender;

    public V1Sending(SesState state, Sender sender) {
        this.state = state;
        this.sender = sender;
    }

    public ObjectNode sendEmail(RequestContext ctx, ObjectNode in) {
        JsonNode message = Inputs.node(in, "Message");
        JsonNode body = Inputs.node(message, "Body");
        JsonNode text = Inputs.node(body, "Text");
        JsonNode html = Inputs.node(body, "Html");
        JsonNode subject = Inputs.node(message, "Subject");
        String charset = V1Messages.charset(text != null ? text : html);
        MailContent content = new MailContent.Simple(V1Messages.data(subject), V1Messages.data(text),
                V1Messages.data(html), charset, List.of(), List.of());
        return id(sender.send(request(ctx, in, "SendEmail", Inputs.text(in, "Source"),
                V1Messages.destination(Inputs.node(in, "Destination")), content)));
    }

    public ObjectNode sendRawEmail(RequestContext ctx, ObjectNode in) {
        byte[] data = Inputs.blob(Inputs.node(in, "RawMessage"), "Data");
        List<String> destinations = Inputs.strings(in, "Destinations");
        SendRequest.Destination d = in.has("Destinations") && !destinations.isEmpty()
                ? new SendRequest.Destination(destinations, List.of(), List.of()) : null;
        String sourceArn = Inputs.text(in, "SourceArn") != null ? Inputs.text(in, "SourceArn") : Inputs.text(in, "FromArn");
        SendRequest r = new SendRequest(API, Scope.of(ctx), "SendRawEmail", Inputs.text(in, "Source"), sourceArn,
                null, d, List.of(), Inputs.text(in, "ConfigurationSetName"), Inputs.pairs(in, "Tags", "Name", "Value"),
                new MailContent.Raw(data), null);
        return id(sender.send(r));
    }

    public ObjectNode sendTemplatedEmail(RequestContext ctx, ObjectNode in) {
        MailContent content = new MailContent.Templated(templateName(in, "Template", "TemplateArn"), null,
                Inputs.text(in, "TemplateData"), List.of(), List.of());
        return id(sender.send(request(ctx, in, "SendTemplatedEmail", Inputs.text(in, "Source"),
                V1Messages.destination(Inputs.node(in, "Destination")), content)));
    }

    /**
     * Call-level problems (unknown template or configuration set, paused sending, unverified Source) fail
     * the call; each destination then gets its own status, so one bad address does not sink the rest.
     */
    public ObjectNode sendBulkTemplatedEmail(RequestContext ctx, ObjectNode in) {
        JsonNode destinations = Inputs.node(in, "Destinations");
        if (destinations != null && destinations.size() > MAX_BULK_DESTINATIONS) {
            throw API.invalidParameter("Too many destinations: " + destinations.size() + " (maximum "
                    + MAX_BULK_DESTINATIONS + ").");
        }
        String template = templateName(in, "Template", "TemplateArn");
        String defaultData = Inputs.text(in, "DefaultTemplateData");
        Map<String, String> defaultTags = Inputs.pairs(in, "DefaultTags", "Name", "Value");
        SendRequest base = request(ctx, in, "SendBulkTemplatedEmail", Inputs.text(in, "Source"), null, null);
        sender.checkCaller(base, template);
        ObjectNode out = Outputs.object();
        ArrayNode status = out.putArray("Status");
        for (JsonNode entry : destinations == null ? List.<JsonNode>of() : destinations) {
            ObjectNode s = status.addObject();
            try {
                String data = TemplateRenderer.merge(defaultData, Inputs.text(entry, "ReplacementTemplateData"));
                Map<String, String> tags = new java.util.LinkedHashMap<>(defaultTags);
                tags.putAll(Inputs.pairs(entry, "ReplacementTags", "Name", "Value"));
                String id = sender.send(base.withContent(new MailContent.Templated(template, null, data, List.of(),
                        List.of()), V1Messages.destination(Inputs.node(entry, "Destination")), tags));
                s.put("Status", "Success");
                s.put("MessageId", id);
            } catch (RenderingException e) {
                s.put("Status", "InvalidParameterValue");
                s.put("Error", e.getMessage());
            } catch (AwsException e) {
                s.put("Status", bulkStatus(e));
                s.put("Error", e.getMessage());
            }
        }
        return out;
    }

    /** The v1 BulkEmailStatus for a per-destination failure. */
    static String bulkStatus(AwsException e) {
        String code = e.error().code();
        return switch (code) {
            case "MessageRejected", "MailFromDomainNotVerified", "ConfigurationSetDoesNotExist",
                    "TemplateDoesNotExist", "AccountSendingPausedException" -> code.replace("Exception", "");
            case "ConfigurationSetSendingPausedException" -> "ConfigurationSetSendingPaused";
            case "InvalidParameterValue" -> "InvalidParameterValue";
            case "Throttling" -> "AccountDailyQuotaExceeded";
            default -> "Failed";
        };
    }

    /**
     * SendBounce: SES writes a DSN about the original message to that message's sender. The bounce sender
     * must be verified; the original message must be one this server sent.
     */
    public ObjectNode sendBounce(RequestContext ctx, ObjectNode in) {
        String bounceSender = Inputs.text(in, "BounceSender");
        String original = Inputs.text(in, "OriginalMessageId");
        String bare = Addresses.bare(API, bounceSender);
        synchronized (state.lock) {
            if (!state.config.autoVerify() && state.account(ctx).identities.authorizing(bare).isEmpty()) {
                throw API.messageRejected("Email address is not verified. The following identities failed the check in"
                        + " region " + ctx.region().toUpperCase(java.util.Locale.ROOT) + ": " + bare);
            }
        }
        SentMessage message = state.mailbox.find(original).orElseThrow(() ->
                API.messageRejected("Could not find message with id " + original + "."));
        StringBuilder text = new StringBuilder();
        String explanation = Inputs.text(in, "Explanation");
        text.append(explanation == null ? "This is an automatically generated Delivery Status Notification." : explanation)
                .append("\r\n\r\n");
        for (JsonNode r : Inputs.node(in, "BouncedRecipientInfoList")) {
            JsonNode dsn = Inputs.node(r, "RecipientDsnFields");
            String bounceType = Inputs.text(r, "BounceType");
            text.append("Final-Recipient: rfc822; ").append(Inputs.text(r, "Recipient")).append("\r\n");
            text.append("Action: ").append(dsn == null ? "failed" : Inputs.text(dsn, "Action")).append("\r\n");
            text.append("Status: ").append(dsn == null ? statusFor(bounceType) : Inputs.text(dsn, "Status")).append("\r\n");
            if (dsn != null && Inputs.text(dsn, "DiagnosticCode") != null) {
                text.append("Diagnostic-Code: ").append(Inputs.text(dsn, "DiagnosticCode")).append("\r\n");
            }
            text.append("\r\n");
        }
        String id = sender.sendSystemMail(Scope.of(ctx), bounceSender, List.of(message.source()),
                "Delivery Status Notification (Failure)", text.toString(), null);
        return id(id);
    }

    private static String statusFor(String bounceType) {
        return switch (bounceType == null ? "" : bounceType) {
            case "DoesNotExist" -> "5.1.1";
            case "MessageTooLarge" -> "5.3.4";
            case "ExceededQuota" -> "5.2.2";
            case "ContentRejected" -> "5.6.1";
            case "TemporaryFailure" -> "4.0.0";
            default -> "5.0.0";
        };
    }

    public ObjectNode sendQuota(RequestContext ctx, ObjectNode in) {
        Account a = state.account(ctx);
        return Outputs.object().put("Max24HourSend", state.config.max24HourSend())
                .put("MaxSendRate", state.config.maxSendRate())
                .put("SentLast24Hours", (double) a.statistics.sentLast24Hours(state.now()));
    }

    public ObjectNode sendStatistics(RequestContext ctx, ObjectNode in) {
        ObjectNode out = Outputs.object();
        ArrayNode points = out.putArray("SendDataPoints");
        for (SendStatistics.DataPoint p : state.account(ctx).statistics.dataPoints(state.now())) {
            ObjectNode o = points.addObject();
            Outputs.timestamp(o, "Timestamp", p.startMillis());
            o.put("DeliveryAttempts", p.deliveryAttempts()).put("Bounces", p.bounces())
                    .put("Complaints", p.complaints()).put("Rejects", p.rejects());
        }
        return out;
    }

    public ObjectNode accountSendingEnabled(RequestContext ctx, ObjectNode in) {
        synchronized (state.lock) {
            return Outputs.object().put("Enabled", state.account(ctx).settings.sendingEnabled());
        }
    }

    public ObjectNode updateAccountSendingEnabled(RequestContext ctx, ObjectNode in) {
        synchronized (state.lock) {
            state.account(ctx).settings.sendingEnabled(Inputs.bool(in, "Enabled", false));
        }
        return Outputs.object();
    }

    private static SendRequest request(RequestContext ctx, ObjectNode in, String operation, String source,
                                       SendRequest.Destination d, MailContent content) {
        String sourceArn = Inputs.text(in, "SourceArn");
        return new SendRequest(API, Scope.of(ctx), operation, source, sourceArn, Inputs.text(in, "ReturnPath"), d,
                Inputs.strings(in, "ReplyToAddresses"), Inputs.text(in, "ConfigurationSetName"),
                Inputs.pairs(in, "Tags", "Name", "Value"), content, null);
    }

    /** Template, or the name at the end of TemplateArn ({@code arn:aws:ses:region:account:template/name}). */
    static String templateName(JsonNode in, String nameMember, String arnMember) {
        String name = Inputs.text(in, nameMember);
        String arn = Inputs.text(in, arnMember);
        if (name == null && arn != null) {
            int slash = arn.lastIndexOf('/');
            name = slash < 0 ? arn : arn.substring(slash + 1);
        }
        return name;
    }

    private static ObjectNode id(String messageId) {
        return Outputs.object().put("MessageId", messageId);
    }

    static List<String> v1Names(List<String> v2) {
        List<String> out = new ArrayList<>();
        v2.forEach(v -> out.add(WireEnums.toV1(v)));
        return out;
    }
}
