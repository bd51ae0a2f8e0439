package io.mailroom.ses.v2;

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
import io.mailroom.ses.sending.MailContent;
import io.mailroom.ses.sending.SendRequest;
import io.mailroom.ses.sending.Sender;
import io.mailroom.ses.suppression.SuppressionReason;
import io.mailroom.ses.template.RenderingException;
import io.mailroom.ses.template.TemplateRenderer;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** v2 SendEmail / SendBulkEmail and the account operations (GetAccount, PutAccount*). */
public final class V2Sending {
    private static final Api API = Api.V2;
    static final int MAX_BULK_ENTRIES = 50;

    private final SesState state;
    private final Sender sender;

    public V2Sending(SesState state, Sender sender) {
        this.state = state;
        this.sender = sender;
    }

    private static SendRequest request(RequestContext ctx, JsonNode in, String operation, MailContent content,
                                       SendRequest.Destination d, Map<String, String> tags) {
        JsonNode lm = Inputs.node(in, "ListManagementOptions");
        return new SendRequest(API, Scope.of(ctx), operation, Inputs.text(in, "FromEmailAddress"),
                Inputs.text(in, "FromEmailAddressIdentityArn"), Inputs.text(in, "FeedbackForwardingEmailAddress"), d,
                Inputs.strings(in, "ReplyToAddresses"), Inputs.text(in, "ConfigurationSetName"), tags, content,
                lm == null ? null : new SendRequest.ListManagement(Inputs.text(lm, "ContactListName"),
                        Inputs.text(lm, "TopicName")));
    }

    public ObjectNode sendEmail(RequestContext ctx, ObjectNode in) {
        MailContent content = V2Content.content(Inputs.node(in, "Content"));
        SendRequest.Destination d = V2Content.destination(Inputs.node(in, "Destination"));
        if (d == null && !(content instanceof MailContent.Raw)) {
            throw API.invalidParameter("Missing required header 'To'.");
        }
        String operation = content instanceof MailContent.Raw ? "SendRawEmail"
                : content instanceof MailContent.Templated ? "SendTemplatedEmail" : "SendEmail";
        return Outputs.object().put("MessageId", sender.send(request(ctx, in, operation, content, d,
                Inputs.pairs(in, "EmailTags", "Name", "Value"))));
    }

    public ObjectNode sendBulkEmail(RequestContext ctx, ObjectNode in) {
        JsonNode entries = Inputs.node(in, "BulkEmailEntries");
        if (entries == null || !entries.isArray()) {
            // Required, but the shared validator leaves required lists to the service (the Query protocol
            // cannot tell an absent list from an empty one).
            throw API.invalidParameter("The request must contain the parameter BulkEmailEntries.");
        }
        if (entries.size() > MAX_BULK_ENTRIES) {
            throw API.invalidParameter("Too many bulk email entries: " + entries.size() + " (maximum "
                    + MAX_BULK_ENTRIES + ").");
        }
        JsonNode template = Inputs.node(Inputs.node(in, "DefaultContent"), "Template");
        if (template == null) {
            throw API.invalidParameter("DefaultContent must contain a Template.");
        }
        MailContent.Templated base = V2Content.template(template, Inputs.text(template, "TemplateData"), null);
        Map<String, String> defaultTags = Inputs.pairs(in, "DefaultEmailTags", "Name", "Value");
        SendRequest call = request(ctx, in, "SendBulkTemplatedEmail", base, null, defaultTags);
        sender.checkCaller(call, base.inline() == null ? base.templateName() : null);
        ObjectNode out = Outputs.object();
        ArrayNode results = out.putArray("BulkEmailEntryResults");
        for (JsonNode entry : entries) {
            ObjectNode r = results.addObject();
            try {
                JsonNode replacement = Inputs.node(Inputs.node(entry, "ReplacementEmailContent"), "ReplacementTemplate");
                String data = TemplateRenderer.merge(base.templateData(), Inputs.text(replacement, "ReplacementTemplateData"));
                Map<String, String> tags = new LinkedHashMap<>(defaultTags);
                tags.putAll(Inputs.pairs(entry, "ReplacementTags", "Name", "Value"));
                MailContent.Templated content = V2Content.template(template, data, Inputs.node(entry, "ReplacementHeaders"));
                String id = sender.send(call.withContent(content, V2Content.destination(Inputs.node(entry, "Destination")),
                        tags));
                r.put("Status", "SUCCESS");
                r.put("MessageId", id);
            } catch (RenderingException e) {
                r.put("Status", "INVALID_PARAMETER");
                r.put("Error", e.getMessage());
            } catch (AwsException e) {
                r.put("Status", bulkStatus(e));
                r.put("Error", e.getMessage());
            }
        }
        return out;
    }

    static String bulkStatus(AwsException e) {
        return switch (e.error().type()) {
            case "MessageRejected" -> "MESSAGE_REJECTED";
            case "MailFromDomainNotVerifiedException" -> "MAIL_FROM_DOMAIN_NOT_VERIFIED";
            case "NotFoundException" -> "CONFIGURATION_SET_NOT_FOUND";
            case "SendingPausedException" -> "ACCOUNT_SENDING_PAUSED";
            case "AccountSuspendedException" -> "ACCOUNT_SUSPENDED";
            case "LimitExceededException" -> "ACCOUNT_DAILY_QUOTA_EXCEEDED";
            case "TooManyRequestsException" -> "ACCOUNT_THROTTLED";
            case "BadRequestException" -> "INVALID_PARAMETER";
            default -> "FAILED";
        };
    }

    public ObjectNode getAccount(RequestContext ctx, ObjectNode in) {
        synchronized (state.lock) {
            Account a = state.account(ctx);
            ObjectNode out = Outputs.object();
            out.put("DedicatedIpAutoWarmupEnabled", a.settings.dedicatedIpAutoWarmup());
            out.put("EnforcementStatus", "HEALTHY");
            out.put("ProductionAccessEnabled", state.config.autoVerify());
            ObjectNode quota = out.putObject("SendQuota");
            quota.put("Max24HourSend", state.config.max24HourSend());
            quota.put("MaxSendRate", state.config.maxSendRate());
            quota.put("SentLast24Hours", (double) a.statistics.sentLast24Hours(state.now()));
            out.put("SendingEnabled", a.settings.sendingEnabled());
            ArrayNode reasons = out.putObject("SuppressionAttributes").putArray("SuppressedReasons");
            a.settings.suppressedReasons().forEach(r -> reasons.add(r.name()));
            if (a.settings.details() != null) {
                out.set("Details", a.settings.details().deepCopy());
            }
            if (a.settings.vdmAttributes() != null) {
                out.set("VdmAttributes", a.settings.vdmAttributes().deepCopy());
            }
            return out;
        }
    }

    /** Stored; the production access review is recorded as PENDING, as AWS answers right after the request. */
    public ObjectNode putDetails(RequestContext ctx, ObjectNode in) {
        ObjectNode details = Outputs.object();
        for (String f : List.of("MailType", "WebsiteURL", "ContactLanguage", "UseCaseDescription")) {
            Outputs.putIfNotNull(details, f, Inputs.text(in, f));
        }
        details.set("AdditionalContactEmailAddresses", Outputs.strings(Inputs.strings(in, "AdditionalContactEmailAddresses")));
        ObjectNode review = details.putObject("ReviewDetails");
        review.put("Status", "PENDING");
        review.put("CaseId", Long.toString(state.now()));
        synchronized (state.lock) {
            state.account(ctx).settings.details(details);
        }
        return Outputs.object();
    }

    public ObjectNode putSending(RequestContext ctx, ObjectNode in) {
        synchronized (state.lock) {
            state.account(ctx).settings.sendingEnabled(Inputs.bool(in, "SendingEnabled", false));
        }
        return Outputs.object();
    }

    public ObjectNode putSuppression(RequestContext ctx, ObjectNode in) {
        Set<SuppressionReason> reasons = EnumSet.noneOf(SuppressionReason.class);
        Inputs.strings(in, "SuppressedReasons").forEach(r -> reasons.add(SuppressionReason.valueOf(r)));
        synchronized (state.lock) {
            state.account(ctx).settings.suppressedReasons(reasons);
        }
        return Outputs.object();
    }

    public ObjectNode putVdm(RequestContext ctx, ObjectNode in) {
        synchronized (state.lock) {
            state.account(ctx).settings.vdmAttributes(Inputs.object(in, "VdmAttributes").deepCopy());
        }
        return Outputs.object();
    }

    public ObjectNode putWarmup(RequestContext ctx, ObjectNode in) {
        synchronized (state.lock) {
            state.account(ctx).settings.dedicatedIpAutoWarmup(Inputs.bool(in, "AutoWarmupEnabled", false));
        }
        return Outputs.object();
    }
}
