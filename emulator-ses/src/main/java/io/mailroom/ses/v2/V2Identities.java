package io.mailroom.ses.v2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.request.RequestContext;
import io.mailroom.ses.SesState;
import io.mailroom.ses.account.Account;
import io.mailroom.ses.api.Api;
import io.mailroom.ses.api.Inputs;
import io.mailroom.ses.api.Outputs;
import io.mailroom.ses.api.PageToken;
import io.mailroom.ses.identity.Identity;
import io.mailroom.ses.identity.IdentityNames;
import io.mailroom.ses.identity.IdentityType;
import io.mailroom.ses.identity.PolicyDocuments;

/** v2 email identities: creation (Easy DKIM for domains), DKIM, MAIL FROM, feedback, default set, policies. */
public final class V2Identities {
    private static final Api API = Api.V2;
    private final SesState state;

    public V2Identities(SesState state) {
        this.state = state;
    }

    static Identity existing(Account a, String name) {
        return a.identities.find(name == null ? "" : name).orElseThrow(() ->
                API.notFound("NotFoundException", "Email identity <" + name + "> does not exist."));
    }

    public ObjectNode create(RequestContext ctx, ObjectNode in) {
        String name = IdentityNames.requireIdentity(API, Inputs.text(in, "EmailIdentity"));
        synchronized (state.lock) {
            Account a = state.account(ctx);
            if (a.identities.find(name).isPresent()) {
                throw API.alreadyExists("AlreadyExistsException", "Email identity <" + name + "> already exist.");
            }
            if (a.identities.isFull()) {
                throw API.limitExceeded("Maximum number of identities reached.");
            }
            String set = Inputs.text(in, "ConfigurationSetName");
            if (set != null && a.configurationSets.find(set).isEmpty()) {
                throw API.configurationSetNotFound(set);
            }
            V2Tags.check(Inputs.node(in, "Tags"));
            Identity identity = a.identities.add(name, state.now());
            identity.configurationSetName(set);
            if (identity.type() == IdentityType.DOMAIN) {
                applySigning(identity, Inputs.node(in, "DkimSigningAttributes"), null);
            }
            a.tags.put(a.scope.arn("identity/" + identity.name()), V2Tags.read(Inputs.node(in, "Tags")));
            ObjectNode out = Outputs.object();
            out.put("IdentityType", identity.type().name());
            out.put("VerifiedForSendingStatus", true);
            out.set("DkimAttributes", dkimJson(a, identity));
            return out;
        }
    }

    private void applySigning(Identity identity, JsonNode attrs, String origin) {
        String selector = Inputs.text(attrs, "DomainSigningSelector");
        String o = origin != null ? origin : Inputs.text(attrs, "DomainSigningAttributesOrigin");
        if (selector != null && (o == null || o.equals("EXTERNAL"))) {
            identity.dkim().external(selector, state.now());
        } else {
            identity.dkim().generate(state.now(), Inputs.text(attrs, "NextSigningKeyLength"));
        }
    }

    public ObjectNode get(RequestContext ctx, ObjectNode in) {
        synchronized (state.lock) {
            Account a = state.account(ctx);
            Identity i = existing(a, Inputs.text(in, "EmailIdentity"));
            ObjectNode out = Outputs.object();
            out.put("IdentityType", i.type().name());
            out.put("FeedbackForwardingStatus", i.feedbackForwarding());
            out.put("VerifiedForSendingStatus", true);
            out.set("DkimAttributes", dkimJson(a, i));
            ObjectNode mf = out.putObject("MailFromAttributes");
            mf.put("MailFromDomain", i.mailFromDomain() == null ? "" : i.mailFromDomain());
            mf.put("MailFromDomainStatus", i.mailFromDomain() == null ? "NOT_STARTED" : i.mailFromStatus());
            mf.put("BehaviorOnMxFailure", i.behaviorOnMxFailure());
            ObjectNode policies = out.putObject("Policies");
            i.policies().forEach(policies::put);
            out.set("Tags", V2Tags.json(a.tags.of(a.scope.arn("identity/" + i.name()))));
            Outputs.putIfNotNull(out, "ConfigurationSetName", i.configurationSetName());
            out.put("VerificationStatus", i.verificationStatus());
            ObjectNode info = out.putObject("VerificationInfo");
            Outputs.timestamp(info, "LastCheckedTimestamp", i.createdMillis());
            Outputs.timestamp(info, "LastSuccessTimestamp", i.createdMillis());
            return out;
        }
    }

    /** Domain identities carry their own DKIM; an address reports its domain's. */
    static ObjectNode dkimJson(Account a, Identity i) {
        Identity domain = i.type() == IdentityType.DOMAIN ? i
                : a.identities.find(IdentityNames.domainOf(i.name())).orElse(null);
        ObjectNode d = Outputs.object();
        boolean has = domain != null && !domain.dkim().tokens().isEmpty();
        d.put("SigningEnabled", has && domain.dkim().signingEnabled());
        d.put("Status", has ? domain.dkim().status() : "NOT_STARTED");
        if (i.type() == IdentityType.DOMAIN) {
            d.set("Tokens", Outputs.strings(i.dkim().tokens()));
            d.put("SigningAttributesOrigin", i.dkim().origin());
            if (!"EXTERNAL".equals(i.dkim().origin())) {
                d.put("NextSigningKeyLength", i.dkim().nextKeyLength());
                d.put("CurrentSigningKeyLength", i.dkim().currentKeyLength());
                Outputs.timestamp(d, "LastKeyGenerationTimestamp", i.dkim().lastKeyGeneration());
            }
        }
        return d;
    }

    public ObjectNode delete(RequestContext ctx, ObjectNode in) {
        synchronized (state.lock) {
            Account a = state.account(ctx);
            Identity i = existing(a, Inputs.text(in, "EmailIdentity"));
            a.identities.remove(i.name());
            a.tags.drop(a.scope.arn("identity/" + i.name()));
        }
        return Outputs.object();
    }

    public ObjectNode list(RequestContext ctx, ObjectNode in) {
        int size = Inputs.pageSize(in, "PageSize", 100);
        if (size < 1 || size > 1000) {
            throw API.invalidParameter("PageSize must be between 1 and 1000.");
        }
        synchronized (state.lock) {
            Account a = state.account(ctx);
            PageToken.Page<Identity> page = PageToken.page(API, a.identities.all(), Identity::name,
                    Inputs.text(in, "NextToken"), size);
            ObjectNode out = Outputs.object();
            ArrayNode items = out.putArray("EmailIdentities");
            page.items().forEach(i -> items.addObject().put("IdentityType", i.type().name())
                    .put("IdentityName", i.name()).put("SendingEnabled", true)
                    .put("VerificationStatus", i.verificationStatus()));
            Outputs.putIfNotNull(out, "NextToken", page.nextToken());
            return out;
        }
    }

    public ObjectNode dkim(RequestContext ctx, ObjectNode in) {
        synchronized (state.lock) {
            Account a = state.account(ctx);
            Identity i = existing(a, Inputs.text(in, "EmailIdentity"));
            Identity domain = i.type() == IdentityType.DOMAIN ? i
                    : a.identities.find(IdentityNames.domainOf(i.name())).orElse(null);
            boolean enabled = Inputs.bool(in, "SigningEnabled", false);
            if (enabled && (domain == null || domain.dkim().tokens().isEmpty())) {
                throw API.invalidParameter("DKIM signing cannot be enabled: the domain of " + i.name()
                        + " is not set up for DKIM.");
            }
            i.dkim().signingEnabled(enabled);
        }
        return Outputs.object();
    }

    public ObjectNode dkimSigning(RequestContext ctx, ObjectNode in) {
        synchronized (state.lock) {
            Identity i = existing(state.account(ctx), Inputs.text(in, "EmailIdentity"));
            if (i.type() != IdentityType.DOMAIN) {
                throw API.invalidParameter("DKIM signing attributes can only be set on a domain identity.");
            }
            String origin = Inputs.text(in, "SigningAttributesOrigin");
            JsonNode attrs = Inputs.node(in, "SigningAttributes");
            if ("EXTERNAL".equals(origin) && Inputs.text(attrs, "DomainSigningSelector") == null) {
                throw API.invalidParameter("DomainSigningSelector and DomainSigningPrivateKey are required for"
                        + " EXTERNAL signing.");
            }
            applySigning(i, attrs, origin);
            ObjectNode out = Outputs.object();
            out.put("DkimStatus", i.dkim().status());
            out.set("DkimTokens", Outputs.strings(i.dkim().tokens()));
            return out;
        }
    }

    public ObjectNode feedback(RequestContext ctx, ObjectNode in) {
        boolean enabled = Inputs.bool(in, "EmailForwardingEnabled", false);
        synchronized (state.lock) {
            Identity i = existing(state.account(ctx), Inputs.text(in, "EmailIdentity"));
            if (!enabled && (i.topic(io.mailroom.ses.identity.NotificationType.BOUNCE).isEmpty()
                    || i.topic(io.mailroom.ses.identity.NotificationType.COMPLAINT).isEmpty())) {
                throw API.invalidParameter("Feedback forwarding cannot be disabled until a bounce topic and a"
                        + " complaint topic are set for identity " + i.name() + ".");
            }
            i.feedbackForwarding(enabled);
        }
        return Outputs.object();
    }

    public ObjectNode mailFrom(RequestContext ctx, ObjectNode in) {
        String domain = Inputs.text(in, "MailFromDomain");
        synchronized (state.lock) {
            Identity i = existing(state.account(ctx), Inputs.text(in, "EmailIdentity"));
            if (domain != null && !domain.isEmpty()) {
                String parent = i.type() == IdentityType.DOMAIN ? i.name() : IdentityNames.domainOf(i.name());
                domain = IdentityNames.requireDomain(API, domain);
                if (!domain.endsWith("." + parent)) {
                    throw API.invalidParameter("Provided MAIL-FROM domain '" + domain
                            + "' is not subdomain of the domain of the identity '" + i.name() + "'.");
                }
            } else {
                domain = null;
            }
            i.mailFrom(domain, Inputs.text(in, "BehaviorOnMxFailure"));
        }
        return Outputs.object();
    }

    public ObjectNode configurationSet(RequestContext ctx, ObjectNode in) {
        synchronized (state.lock) {
            Account a = state.account(ctx);
            Identity i = existing(a, Inputs.text(in, "EmailIdentity"));
            String set = Inputs.text(in, "ConfigurationSetName");
            if (set != null && a.configurationSets.find(set).isEmpty()) {
                throw API.configurationSetNotFound(set);
            }
            i.configurationSetName(set);
        }
        return Outputs.object();
    }

    public ObjectNode createPolicy(RequestContext ctx, ObjectNode in) {
        return putPolicy(ctx, in, true);
    }

    public ObjectNode updatePolicy(RequestContext ctx, ObjectNode in) {
        return putPolicy(ctx, in, false);
    }

    private ObjectNode putPolicy(RequestContext ctx, ObjectNode in, boolean create) {
        String policy = Inputs.text(in, "Policy");
        PolicyDocuments.validate(API, policy);
        synchronized (state.lock) {
            Identity i = existing(state.account(ctx), Inputs.text(in, "EmailIdentity"));
            String name = Inputs.text(in, "PolicyName");
            boolean exists = i.policies().containsKey(name);
            if (create && exists) {
                throw API.alreadyExists("AlreadyExistsException", "Policy " + name + " already exists for identity "
                        + i.name() + ".");
            }
            if (!create && !exists) {
                throw API.notFound("NotFoundException", "Policy " + name + " does not exist for identity " + i.name() + ".");
            }
            if (create && i.policies().size() >= PolicyDocuments.MAX_POLICIES) {
                throw API.limitExceeded("Identity " + i.name() + " already has " + PolicyDocuments.MAX_POLICIES
                        + " policies.");
            }
            i.policies().put(name, policy);
        }
        return Outputs.object();
    }

    public ObjectNode deletePolicy(RequestContext ctx, ObjectNode in) {
        synchronized (state.lock) {
            Identity i = existing(state.account(ctx), Inputs.text(in, "EmailIdentity"));
            String name = Inputs.text(in, "PolicyName");
            if (i.policies().remove(name) == null) {
                throw API.notFound("NotFoundException", "Policy " + name + " does not exist for identity " + i.name() + ".");
            }
        }
        return Outputs.object();
    }

    public ObjectNode policies(RequestContext ctx, ObjectNode in) {
        synchronized (state.lock) {
            Identity i = existing(state.account(ctx), Inputs.text(in, "EmailIdentity"));
            ObjectNode out = Outputs.object();
            ObjectNode p = out.putObject("Policies");
            i.policies().forEach(p::put);
            return out;
        }
    }
}
