package io.mailroom.ses.v2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.request.RequestContext;
import io.mailroom.ses.SesState;
import io.mailroom.ses.account.Account;
import io.mailroom.ses.account.DedicatedIpPools;
import io.mailroom.ses.account.ResourceTags;
import io.mailroom.ses.api.Api;
import io.mailroom.ses.api.Inputs;
import io.mailroom.ses.api.Outputs;
import io.mailroom.ses.api.PageToken;
import io.mailroom.ses.identity.IdentityNames;
import io.mailroom.ses.suppression.SuppressedAddress;
import io.mailroom.ses.suppression.SuppressionReason;
import java.util.List;
import java.util.Map;

/**
 * v2 account resources: the account-level suppression list (enforced by sends), dedicated IP pools (no IPs
 * exist locally, so pools stay empty), tags, and the deliverability dashboard switch (stored).
 */
public final class V2AccountResources {
    private static final Api API = Api.V2;
    private final SesState state;

    public V2AccountResources(SesState state) {
        this.state = state;
    }

    // ---- suppression list ----

    public ObjectNode putSuppressed(RequestContext ctx, ObjectNode in) {
        String email = IdentityNames.requireEmail(API, Inputs.text(in, "EmailAddress"));
        SuppressionReason reason = SuppressionReason.valueOf(Inputs.text(in, "Reason"));
        synchronized (state.lock) {
            state.account(ctx).suppression.put(new SuppressedAddress(email, reason, state.now(), null, null));
        }
        return Outputs.object();
    }

    private static SuppressedAddress suppressed(Account a, String email) {
        return a.suppression.find(email == null ? "" : email).orElseThrow(() -> API.notFound("NotFoundException",
                "Email address " + email + " does not exist on your suppression list."));
    }

    public ObjectNode getSuppressed(RequestContext ctx, ObjectNode in) {
        synchronized (state.lock) {
            SuppressedAddress s = suppressed(state.account(ctx), Inputs.text(in, "EmailAddress"));
            ObjectNode out = Outputs.object();
            ObjectNode d = out.putObject("SuppressedDestination");
            d.put("EmailAddress", s.emailAddress()).put("Reason", s.reason().name());
            Outputs.timestamp(d, "LastUpdateTime", s.lastUpdateMillis());
            if (s.messageId() != null) {
                d.putObject("Attributes").put("MessageId", s.messageId()).put("FeedbackId", s.feedbackId());
            }
            return out;
        }
    }

    public ObjectNode deleteSuppressed(RequestContext ctx, ObjectNode in) {
        synchronized (state.lock) {
            Account a = state.account(ctx);
            a.suppression.remove(suppressed(a, Inputs.text(in, "EmailAddress")).emailAddress());
        }
        return Outputs.object();
    }

    /** Filters: Reasons, StartDate/EndDate (epoch seconds) on LastUpdateTime. */
    public ObjectNode listSuppressed(RequestContext ctx, ObjectNode in) {
        List<String> reasons = Inputs.strings(in, "Reasons");
        JsonNode start = Inputs.node(in, "StartDate");
        JsonNode end = Inputs.node(in, "EndDate");
        synchronized (state.lock) {
            List<SuppressedAddress> matching = state.account(ctx).suppression.all().stream()
                    .filter(s -> reasons.isEmpty() || reasons.contains(s.reason().name()))
                    .filter(s -> start == null || s.lastUpdateMillis() >= (long) (start.asDouble() * 1000))
                    .filter(s -> end == null || s.lastUpdateMillis() <= (long) (end.asDouble() * 1000)).toList();
            PageToken.Page<SuppressedAddress> page = PageToken.page(API, matching,
                    s -> s.emailAddress().toLowerCase(java.util.Locale.ROOT), Inputs.text(in, "NextToken"),
                    Inputs.pageSize(in, "PageSize", 1000));
            ObjectNode out = Outputs.object();
            ArrayNode items = out.putArray("SuppressedDestinationSummaries");
            page.items().forEach(s -> Outputs.timestamp(items.addObject().put("EmailAddress", s.emailAddress())
                    .put("Reason", s.reason().name()), "LastUpdateTime", s.lastUpdateMillis()));
            Outputs.putIfNotNull(out, "NextToken", page.nextToken());
            return out;
        }
    }

    // ---- dedicated IP pools ----

    public ObjectNode createPool(RequestContext ctx, ObjectNode in) {
        String name = Inputs.text(in, "PoolName");
        synchronized (state.lock) {
            Account a = state.account(ctx);
            if (a.dedicatedIpPools.scalingMode(name).isPresent()) {
                throw API.alreadyExists("AlreadyExistsException", "Pool " + name + " already exists.");
            }
            if (a.dedicatedIpPools.isFull()) {
                throw API.limitExceeded("Maximum number of dedicated IP pools (" + DedicatedIpPools.MAX_POOLS
                        + ") reached.");
            }
            a.dedicatedIpPools.put(name, Inputs.text(in, "ScalingMode", "STANDARD"));
            a.tags.put(a.scope.arn("dedicated-ip-pool/" + name), V2Tags.read(Inputs.node(in, "Tags")));
        }
        return Outputs.object();
    }

    private static String pool(Account a, String name) {
        return a.dedicatedIpPools.scalingMode(name == null ? "" : name).orElseThrow(() ->
                API.notFound("NotFoundException", "Pool " + name + " does not exist."));
    }

    public ObjectNode getPool(RequestContext ctx, ObjectNode in) {
        String name = Inputs.text(in, "PoolName");
        synchronized (state.lock) {
            String mode = pool(state.account(ctx), name);
            ObjectNode out = Outputs.object();
            out.putObject("DedicatedIpPool").put("PoolName", name).put("ScalingMode", mode);
            return out;
        }
    }

    public ObjectNode deletePool(RequestContext ctx, ObjectNode in) {
        String name = Inputs.text(in, "PoolName");
        synchronized (state.lock) {
            Account a = state.account(ctx);
            pool(a, name);
            a.dedicatedIpPools.remove(name);
            a.tags.drop(a.scope.arn("dedicated-ip-pool/" + name));
        }
        return Outputs.object();
    }

    public ObjectNode listPools(RequestContext ctx, ObjectNode in) {
        synchronized (state.lock) {
            PageToken.Page<String> page = PageToken.page(API, state.account(ctx).dedicatedIpPools.names(), s -> s,
                    Inputs.text(in, "NextToken"), Inputs.pageSize(in, "PageSize", 100));
            ObjectNode out = Outputs.object();
            out.set("DedicatedIpPools", Outputs.strings(page.items()));
            Outputs.putIfNotNull(out, "NextToken", page.nextToken());
            return out;
        }
    }

    /** A MANAGED pool cannot go back to STANDARD (AWS: "cannot change a managed pool to standard"). */
    public ObjectNode poolScaling(RequestContext ctx, ObjectNode in) {
        String name = Inputs.text(in, "PoolName");
        String mode = Inputs.text(in, "ScalingMode");
        synchronized (state.lock) {
            Account a = state.account(ctx);
            String current = pool(a, name);
            if (current.equals("MANAGED") && mode.equals("STANDARD")) {
                throw API.invalidParameter("Scaling mode of a MANAGED pool cannot be changed to STANDARD.");
            }
            a.dedicatedIpPools.put(name, mode);
        }
        return Outputs.object();
    }

    public ObjectNode dedicatedIps(RequestContext ctx, ObjectNode in) {
        String pool = Inputs.text(in, "PoolName");
        synchronized (state.lock) {
            if (pool != null) {
                pool(state.account(ctx), pool);
            }
        }
        return Outputs.object().set("DedicatedIps", Outputs.array());
    }

    /** No dedicated IP exists locally, so an operation on one never finds it. */
    public ObjectNode unknownIp(RequestContext ctx, ObjectNode in) {
        throw noSuchIp(Inputs.text(in, "Ip"));
    }

    private static RuntimeException noSuchIp(String ip) {
        return API.notFound("NotFoundException", "Dedicated IP " + ip + " does not exist for this account.");
    }

    // ---- tags ----

    /** Tags apply to identities, configuration sets, contact lists and dedicated IP pools that exist. */
    private static String taggable(Account a, String arn) {
        String prefix = a.scope.arn("");
        boolean exists = false;
        if (arn != null && arn.startsWith(prefix)) {
            String resource = arn.substring(prefix.length());
            int slash = resource.indexOf('/');
            String type = slash < 0 ? resource : resource.substring(0, slash);
            String name = slash < 0 ? "" : resource.substring(slash + 1);
            exists = switch (type) {
                case "identity" -> a.identities.find(name).isPresent();
                case "configuration-set" -> a.configurationSets.find(name).isPresent();
                case "contact-list" -> a.contactLists.find(name).isPresent();
                case "dedicated-ip-pool" -> a.dedicatedIpPools.scalingMode(name).isPresent();
                default -> false;
            };
        }
        if (!exists) {
            throw API.notFound("NotFoundException", "Resource " + arn + " does not exist.");
        }
        return arn;
    }

    public ObjectNode tag(RequestContext ctx, ObjectNode in) {
        synchronized (state.lock) {
            Account a = state.account(ctx);
            String arn = taggable(a, Inputs.text(in, "ResourceArn"));
            Map<String, String> tags = V2Tags.read(Inputs.node(in, "Tags"));
            Map<String, String> merged = new java.util.LinkedHashMap<>(a.tags.of(arn));
            merged.putAll(tags);
            if (merged.size() > ResourceTags.MAX_TAGS) {
                throw API.invalidParameter("Too many tags: a resource can have at most " + ResourceTags.MAX_TAGS + ".");
            }
            a.tags.put(arn, tags);
        }
        return Outputs.object();
    }

    public ObjectNode untag(RequestContext ctx, ObjectNode in) {
        synchronized (state.lock) {
            Account a = state.account(ctx);
            a.tags.remove(taggable(a, Inputs.text(in, "ResourceArn")), Inputs.strings(in, "TagKeys"));
        }
        return Outputs.object();
    }

    public ObjectNode listTags(RequestContext ctx, ObjectNode in) {
        synchronized (state.lock) {
            Account a = state.account(ctx);
            return Outputs.object().set("Tags", V2Tags.json(a.tags.of(taggable(a, Inputs.text(in, "ResourceArn")))));
        }
    }

    // ---- deliverability dashboard (stored) and recommendations ----

    public ObjectNode dashboard(RequestContext ctx, ObjectNode in) {
        synchronized (state.lock) {
            Account a = state.account(ctx);
            ObjectNode out = Outputs.object().put("DashboardEnabled", a.settings.dashboardEnabled());
            if (a.settings.dashboardEnabled()) {
                out.put("AccountStatus", "ACTIVE");
            }
            out.set("ActiveSubscribedDomains", a.settings.dashboardSubscriptions() == null ? Outputs.array()
                    : a.settings.dashboardSubscriptions().path("SubscribedDomains").deepCopy());
            out.set("PendingExpirationSubscribedDomains", Outputs.array());
            return out;
        }
    }

    public ObjectNode putDashboard(RequestContext ctx, ObjectNode in) {
        ObjectNode subscriptions = Outputs.object();
        JsonNode domains = Inputs.node(in, "SubscribedDomains");
        subscriptions.set("SubscribedDomains", domains == null ? Outputs.array() : domains.deepCopy());
        synchronized (state.lock) {
            state.account(ctx).settings.dashboard(Inputs.bool(in, "DashboardEnabled", false), subscriptions);
        }
        return Outputs.object();
    }

    /** VDM recommendations come from DNS and reputation analysis of real traffic; locally there is none. */
    public ObjectNode recommendations(RequestContext ctx, ObjectNode in) {
        return Outputs.object().set("Recommendations", Outputs.array());
    }
}
