package io.mailroom.ses.v1;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.delivery.TopicPublisher;
import io.mailroom.core.error.CommonErrors;
import io.mailroom.core.request.RequestContext;
import io.mailroom.ses.SesState;
import io.mailroom.ses.account.Account;
import io.mailroom.ses.api.Api;
import io.mailroom.ses.api.Inputs;
import io.mailroom.ses.api.Outputs;
import io.mailroom.ses.api.PageToken;
import io.mailroom.ses.api.WireEnums;
import io.mailroom.ses.identity.Identity;
import io.mailroom.ses.identity.IdentityNames;
import io.mailroom.ses.identity.IdentityType;
import io.mailroom.ses.identity.NotificationType;
import io.mailroom.ses.identity.PolicyDocuments;
import java.util.List;

/** v1 identity operations: verification, DKIM, MAIL FROM, notification topics, sending authorization policies. */
public final class V1Identities {
    private static final Api API = Api.V1;
    private final SesState state;
    private final TopicPublisher topics;

    public V1Identities(SesState state) {
        this.state = state;
        this.topics = state.topics;
    }

    private Account account(RequestContext ctx) {
        return state.account(ctx);
    }

    private Identity add(RequestContext ctx, String name) {
        Account a = account(ctx);
        if (a.identities.find(name).isEmpty() && a.identities.isFull()) {
            throw API.limitExceeded("Maximum number of identities reached.");
        }
        return a.identities.add(name, state.now());
    }

    public ObjectNode verifyEmail(RequestContext ctx, ObjectNode in) {
        String email = IdentityNames.requireEmail(API, Inputs.text(in, "EmailAddress"));
        synchronized (state.lock) {
            add(ctx, email);
        }
        return Outputs.object();
    }

    public ObjectNode verifyDomain(RequestContext ctx, ObjectNode in) {
        String domain = IdentityNames.requireDomain(API, Inputs.text(in, "Domain"));
        synchronized (state.lock) {
            return Outputs.object().put("VerificationToken", add(ctx, domain).verificationToken());
        }
    }

    /** Easy DKIM for a domain: creates the domain identity if needed and returns its three tokens. */
    public ObjectNode verifyDomainDkim(RequestContext ctx, ObjectNode in) {
        String domain = IdentityNames.requireDomain(API, Inputs.text(in, "Domain"));
        synchronized (state.lock) {
            Identity identity = add(ctx, domain);
            if (identity.dkim().tokens().isEmpty() || "EXTERNAL".equals(identity.dkim().origin())) {
                identity.dkim().generate(state.now(), null);
            }
            return Outputs.object().set("DkimTokens", Outputs.strings(identity.dkim().tokens()));
        }
    }

    /** Deleting an identity that does not exist succeeds, as on AWS. */
    public ObjectNode deleteIdentity(RequestContext ctx, ObjectNode in) {
        synchronized (state.lock) {
            String name = Inputs.text(in, "Identity");
            Account a = account(ctx);
            a.identities.find(name).ifPresent(i -> a.tags.drop(a.scope.arn("identity/" + i.name())));
            a.identities.remove(name);
        }
        return Outputs.object();
    }

    public ObjectNode deleteVerifiedEmail(RequestContext ctx, ObjectNode in) {
        synchronized (state.lock) {
            account(ctx).identities.remove(Inputs.text(in, "EmailAddress"));
        }
        return Outputs.object();
    }

    public ObjectNode listIdentities(RequestContext ctx, ObjectNode in) {
        String typeFilter = Inputs.text(in, "IdentityType");
        int max = Inputs.pageSize(in, "MaxItems", 1000);
        if (max < 1 || max > 1000) {
            throw API.invalidParameter("MaxItems must be between 1 and 1000.");
        }
        synchronized (state.lock) {
            List<Identity> all = account(ctx).identities.all().stream()
                    .filter(i -> typeFilter == null || i.type().v1Name().equals(typeFilter)).toList();
            PageToken.Page<Identity> page = PageToken.page(API, all, Identity::name, Inputs.text(in, "NextToken"), max);
            ObjectNode out = Outputs.object();
            out.set("Identities", Outputs.strings(page.items().stream().map(Identity::name).toList()));
            Outputs.putIfNotNull(out, "NextToken", page.nextToken());
            return out;
        }
    }

    public ObjectNode listVerifiedEmails(RequestContext ctx, ObjectNode in) {
        synchronized (state.lock) {
            return Outputs.object().set("VerifiedEmailAddresses", Outputs.strings(account(ctx).identities.all().stream()
                    .filter(i -> i.type() == IdentityType.EMAIL_ADDRESS).map(Identity::name).toList()));
        }
    }

    /** Identities that do not exist are left out of the map, as AWS does. */
    public ObjectNode verificationAttributes(RequestContext ctx, ObjectNode in) {
        ObjectNode out = Outputs.object();
        ObjectNode attrs = out.putObject("VerificationAttributes");
        synchronized (state.lock) {
            for (String name : Inputs.strings(in, "Identities")) {
                account(ctx).identities.find(name).ifPresent(i -> {
                    ObjectNode a = attrs.putObject(name);
                    a.put("VerificationStatus", WireEnums.toV1(i.verificationStatus()));
                    Outputs.putIfNotNull(a, "VerificationToken", i.verificationToken());
                });
            }
        }
        return out;
    }

    /**
     * An email identity reports the DKIM state of its domain ("DKIM ... applies to all email addresses of
     * the domain").
     */
    public ObjectNode dkimAttributes(RequestContext ctx, ObjectNode in) {
        ObjectNode out = Outputs.object();
        ObjectNode attrs = out.putObject("DkimAttributes");
        synchronized (state.lock) {
            Account a = account(ctx);
            for (String name : Inputs.strings(in, "Identities")) {
                a.identities.find(name).ifPresent(i -> {
                    Identity domain = i.type() == IdentityType.DOMAIN ? i
                            : a.identities.find(IdentityNames.domainOf(i.name())).orElse(null);
                    ObjectNode o = attrs.putObject(name);
                    boolean hasDkim = domain != null && !domain.dkim().tokens().isEmpty();
                    o.put("DkimEnabled", hasDkim && domain.dkim().signingEnabled());
                    o.put("DkimVerificationStatus", hasDkim ? "Success" : "NotStarted");
                    if (i.type() == IdentityType.DOMAIN && hasDkim) {
                        o.set("DkimTokens", Outputs.strings(i.dkim().tokens()));
                    }
                });
            }
        }
        return out;
    }

    public ObjectNode setDkimEnabled(RequestContext ctx, ObjectNode in) {
        boolean enabled = Inputs.bool(in, "DkimEnabled", false);
        synchronized (state.lock) {
            Account a = account(ctx);
            Identity i = existing(a, Inputs.text(in, "Identity"));
            Identity domain = i.type() == IdentityType.DOMAIN ? i
                    : a.identities.find(IdentityNames.domainOf(i.name())).orElse(null);
            if (enabled && (domain == null || domain.dkim().tokens().isEmpty())) {
                throw API.invalidParameter("Domain " + (domain == null ? IdentityNames.domainOf(i.name()) : domain.name())
                        + " is not verified for DKIM signing.");
            }
            i.dkim().signingEnabled(enabled);
        }
        return Outputs.object();
    }

    public ObjectNode mailFromAttributes(RequestContext ctx, ObjectNode in) {
        ObjectNode out = Outputs.object();
        ObjectNode attrs = out.putObject("MailFromDomainAttributes");
        synchronized (state.lock) {
            for (String name : Inputs.strings(in, "Identities")) {
                account(ctx).identities.find(name).ifPresent(i -> {
                    ObjectNode o = attrs.putObject(name);
                    Outputs.putIfNotNull(o, "MailFromDomain", i.mailFromDomain());
                    if (i.mailFromDomain() != null) {
                        o.put("MailFromDomainStatus", WireEnums.toV1(i.mailFromStatus()));
                    }
                    o.put("BehaviorOnMXFailure", WireEnums.toV1(i.behaviorOnMxFailure()));
                });
            }
        }
        return out;
    }

    /** The MAIL FROM domain must be a subdomain of the identity's domain. */
    public ObjectNode setMailFrom(RequestContext ctx, ObjectNode in) {
        String domain = Inputs.text(in, "MailFromDomain");
        String behavior = Inputs.text(in, "BehaviorOnMXFailure");
        synchronized (state.lock) {
            Identity i = existing(account(ctx), Inputs.text(in, "Identity"));
            if (domain != null) {
                String parent = i.type() == IdentityType.DOMAIN ? i.name() : IdentityNames.domainOf(i.name());
                String d = IdentityNames.requireDomain(API, domain);
                if (!d.endsWith("." + parent)) {
                    throw API.invalidParameter("Provided MAIL-FROM domain '" + domain
                            + "' is not subdomain of the domain of the identity '" + i.name() + "'.");
                }
                domain = d;
            }
            i.mailFrom(domain, behavior == null ? null : WireEnums.toV2(behavior));
        }
        return Outputs.object();
    }

    public ObjectNode notificationAttributes(RequestContext ctx, ObjectNode in) {
        ObjectNode out = Outputs.object();
        ObjectNode attrs = out.putObject("NotificationAttributes");
        synchronized (state.lock) {
            for (String name : Inputs.strings(in, "Identities")) {
                account(ctx).identities.find(name).ifPresent(i -> {
                    ObjectNode o = attrs.putObject(name);
                    i.topic(NotificationType.BOUNCE).ifPresent(v -> o.put("BounceTopic", v));
                    i.topic(NotificationType.COMPLAINT).ifPresent(v -> o.put("ComplaintTopic", v));
                    i.topic(NotificationType.DELIVERY).ifPresent(v -> o.put("DeliveryTopic", v));
                    o.put("ForwardingEnabled", i.feedbackForwarding());
                    o.put("HeadersInBounceNotificationsEnabled", i.headersInNotifications(NotificationType.BOUNCE));
                    o.put("HeadersInComplaintNotificationsEnabled", i.headersInNotifications(NotificationType.COMPLAINT));
                    o.put("HeadersInDeliveryNotificationsEnabled", i.headersInNotifications(NotificationType.DELIVERY));
                });
            }
        }
        return out;
    }

    /**
     * Omitting SnsTopic clears the topic. The topic must exist (SES checks it can publish). A type outside the
     * three is refused in the words of the model's enum check: AWS's answer here was not recorded.
     */
    public ObjectNode setNotificationTopic(RequestContext ctx, ObjectNode in) {
        String wire = Inputs.text(in, "NotificationType");
        NotificationType type = NotificationType.find(wire).orElseThrow(() -> API.invalidParameter("Value " + wire
                + " for parameter NotificationType is invalid. Must be one of: " + NotificationType.wireNames() + "."));
        String topic = Inputs.text(in, "SnsTopic");
        if (topic != null && !topics.exists(topic)) {
            throw CommonErrors.INVALID_PARAMETER_VALUE.exception("Invalid SNS topic <" + topic + ">.");
        }
        synchronized (state.lock) {
            Identity i = existing(account(ctx), Inputs.text(in, "Identity"));
            if (topic == null && !i.feedbackForwarding() && type != NotificationType.DELIVERY) {
                // Without a topic and with forwarding off, feedback would be lost; AWS refuses.
                throw API.invalidParameter("Feedback forwarding must be enabled before the " + type.wireName()
                        + " topic can be removed.");
            }
            i.topic(type, topic);
        }
        return Outputs.object();
    }

    /** Forwarding can only be turned off once bounce and complaint topics are set. */
    public ObjectNode setForwarding(RequestContext ctx, ObjectNode in) {
        boolean enabled = Inputs.bool(in, "ForwardingEnabled", true);
        synchronized (state.lock) {
            Identity i = existing(account(ctx), Inputs.text(in, "Identity"));
            if (!enabled && (i.topic(NotificationType.BOUNCE).isEmpty() || i.topic(NotificationType.COMPLAINT).isEmpty())) {
                throw API.invalidParameter("Feedback forwarding cannot be disabled until a bounce topic and a"
                        + " complaint topic are set for identity " + i.name() + ".");
            }
            i.feedbackForwarding(enabled);
        }
        return Outputs.object();
    }

    /**
     * Both refusals in AWS's words (LocalStack's AWS-recorded snapshots, 2025): the type is checked first, and an
     * identity the account does not have is a MessageRejected here, where the sibling operations answer
     * InvalidParameterValue.
     */
    public ObjectNode setHeadersInNotifications(RequestContext ctx, ObjectNode in) {
        String wire = Inputs.text(in, "NotificationType");
        NotificationType type = NotificationType.find(wire).orElseThrow(() -> API.invalidParameter(
                "Invalid notification type: " + wire + ". Valid values are: " + NotificationType.wireNames() + "."));
        String name = Inputs.text(in, "Identity");
        synchronized (state.lock) {
            Identity i = account(ctx).identities.find(name).orElseThrow(() ->
                    API.messageRejected("Identity " + name + " is not verified or does not exist."));
            i.headersInNotifications(type, Inputs.bool(in, "Enabled", false));
        }
        return Outputs.object();
    }

    public ObjectNode putPolicy(RequestContext ctx, ObjectNode in) {
        String policy = Inputs.text(in, "Policy");
        PolicyDocuments.validate(API, policy);
        synchronized (state.lock) {
            Identity i = existing(account(ctx), Inputs.text(in, "Identity"));
            String name = Inputs.text(in, "PolicyName");
            if (!i.policies().containsKey(name) && i.policies().size() >= PolicyDocuments.MAX_POLICIES) {
                throw API.error("InvalidPolicyException", "LimitExceededException",
                        "Identity " + i.name() + " already has " + PolicyDocuments.MAX_POLICIES + " policies.");
            }
            i.policies().put(name, policy);
        }
        return Outputs.object();
    }

    public ObjectNode deletePolicy(RequestContext ctx, ObjectNode in) {
        synchronized (state.lock) {
            existing(account(ctx), Inputs.text(in, "Identity")).policies().remove(Inputs.text(in, "PolicyName"));
        }
        return Outputs.object();
    }

    public ObjectNode getPolicies(RequestContext ctx, ObjectNode in) {
        ObjectNode out = Outputs.object();
        ObjectNode policies = out.putObject("Policies");
        synchronized (state.lock) {
            Identity i = existing(account(ctx), Inputs.text(in, "Identity"));
            for (String name : Inputs.strings(in, "PolicyNames")) {
                String p = i.policies().get(name);
                if (p != null) {
                    policies.put(name, p);
                }
            }
        }
        return out;
    }

    public ObjectNode listPolicies(RequestContext ctx, ObjectNode in) {
        synchronized (state.lock) {
            Identity i = existing(account(ctx), Inputs.text(in, "Identity"));
            return Outputs.object().set("PolicyNames", Outputs.strings(i.policies().keySet()));
        }
    }

    private static Identity existing(Account a, String name) {
        return a.identities.find(name).orElseThrow(() ->
                API.invalidParameter("Identity <" + name + "> does not exist."));
    }
}
