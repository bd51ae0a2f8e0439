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
import io.mailroom.ses.configset.ConfigurationSet;
import io.mailroom.ses.configset.ConfigurationSetRules;
import io.mailroom.ses.configset.EventDestination;
import io.mailroom.ses.configset.EventTarget;
import io.mailroom.ses.configset.EventType;
import io.mailroom.ses.identity.Identity;
import io.mailroom.ses.notification.Notifier;
import io.mailroom.ses.suppression.SuppressionReason;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** v2 configuration sets: options, event destinations (same store as v1). */
public final class V2ConfigurationSets {
    private static final Api API = Api.V2;
    private final SesState state;
    private final Notifier notifier;

    public V2ConfigurationSets(SesState state, Notifier notifier) {
        this.state = state;
        this.notifier = notifier;
    }

    private ConfigurationSet existing(RequestContext ctx, JsonNode in) {
        return ConfigurationSetRules.existing(API, state.account(ctx), Inputs.text(in, "ConfigurationSetName"));
    }

    public ObjectNode create(RequestContext ctx, ObjectNode in) {
        V2Tags.check(Inputs.node(in, "Tags"));
        synchronized (state.lock) {
            Account a = state.account(ctx);
            ConfigurationSet set = ConfigurationSetRules.create(API, a, Inputs.text(in, "ConfigurationSetName"),
                    state.now());
            JsonNode tracking = Inputs.node(in, "TrackingOptions");
            if (tracking != null) {
                set.tracking(Inputs.text(tracking, "CustomRedirectDomain"), Inputs.text(tracking, "HttpsPolicy"));
            }
            JsonNode delivery = Inputs.node(in, "DeliveryOptions");
            if (delivery != null) {
                applyDelivery(a, set, delivery);
            }
            JsonNode reputation = Inputs.node(in, "ReputationOptions");
            if (reputation != null) {
                set.reputationMetricsEnabled(Inputs.bool(reputation, "ReputationMetricsEnabled", false));
            }
            JsonNode sending = Inputs.node(in, "SendingOptions");
            if (sending != null) {
                set.sendingEnabled(Inputs.bool(sending, "SendingEnabled", true), state.now());
            }
            JsonNode suppression = Inputs.node(in, "SuppressionOptions");
            if (suppression != null) {
                set.suppressedReasons(reasons(suppression));
            }
            set.vdmOptions(Inputs.object(in, "VdmOptions") == null ? null : Inputs.object(in, "VdmOptions").deepCopy());
            JsonNode archiving = Inputs.node(in, "ArchivingOptions");
            if (archiving != null) {
                set.archiveArn(Inputs.text(archiving, "ArchiveArn"));
            }
            a.tags.put(a.scope.arn("configuration-set/" + set.name()), V2Tags.read(Inputs.node(in, "Tags")));
        }
        return Outputs.object();
    }

    public ObjectNode get(RequestContext ctx, ObjectNode in) {
        synchronized (state.lock) {
            Account a = state.account(ctx);
            ConfigurationSet set = existing(ctx, in);
            ObjectNode out = Outputs.object().put("ConfigurationSetName", set.name());
            if (set.customRedirectDomain() != null) {
                ObjectNode t = out.putObject("TrackingOptions").put("CustomRedirectDomain", set.customRedirectDomain());
                Outputs.putIfNotNull(t, "HttpsPolicy", set.httpsPolicy());
            }
            ObjectNode d = out.putObject("DeliveryOptions").put("TlsPolicy", set.tlsPolicy());
            Outputs.putIfNotNull(d, "SendingPoolName", set.sendingPoolName());
            if (set.maxDeliverySeconds() != null) {
                d.put("MaxDeliverySeconds", set.maxDeliverySeconds());
            }
            ObjectNode r = out.putObject("ReputationOptions").put("ReputationMetricsEnabled", set.reputationMetricsEnabled());
            if (set.lastFreshStartMillis() != null) {
                Outputs.timestamp(r, "LastFreshStart", set.lastFreshStartMillis());
            }
            out.putObject("SendingOptions").put("SendingEnabled", set.sendingEnabled());
            out.set("Tags", V2Tags.json(a.tags.of(a.scope.arn("configuration-set/" + set.name()))));
            if (set.suppressedReasons() != null) {
                ArrayNode reasons = out.putObject("SuppressionOptions").putArray("SuppressedReasons");
                set.suppressedReasons().forEach(x -> reasons.add(x.name()));
            }
            if (set.vdmOptions() != null) {
                out.set("VdmOptions", set.vdmOptions().deepCopy());
            }
            if (set.archiveArn() != null) {
                out.putObject("ArchivingOptions").put("ArchiveArn", set.archiveArn());
            }
            return out;
        }
    }

    public ObjectNode delete(RequestContext ctx, ObjectNode in) {
        synchronized (state.lock) {
            Account a = state.account(ctx);
            ConfigurationSet set = existing(ctx, in);
            a.configurationSets.remove(set.name());
            a.tags.drop(a.scope.arn("configuration-set/" + set.name()));
            for (Identity i : a.identities.all()) {
                if (set.name().equals(i.configurationSetName())) {
                    i.configurationSetName(null);
                }
            }
        }
        return Outputs.object();
    }

    public ObjectNode list(RequestContext ctx, ObjectNode in) {
        synchronized (state.lock) {
            PageToken.Page<ConfigurationSet> page = PageToken.page(API, state.account(ctx).configurationSets.all(),
                    ConfigurationSet::name, Inputs.text(in, "NextToken"), Inputs.pageSize(in, "PageSize", 100));
            ObjectNode out = Outputs.object();
            out.set("ConfigurationSets", Outputs.strings(page.items().stream().map(ConfigurationSet::name).toList()));
            Outputs.putIfNotNull(out, "NextToken", page.nextToken());
            return out;
        }
    }

    public ObjectNode destinations(RequestContext ctx, ObjectNode in) {
        synchronized (state.lock) {
            ObjectNode out = Outputs.object();
            ArrayNode ds = out.putArray("EventDestinations");
            existing(ctx, in).destinations().values().forEach(d -> ds.add(destinationJson(d)));
            return out;
        }
    }

    public ObjectNode createDestination(RequestContext ctx, ObjectNode in) {
        return putDestination(ctx, in, false);
    }

    public ObjectNode updateDestination(RequestContext ctx, ObjectNode in) {
        return putDestination(ctx, in, true);
    }

    private ObjectNode putDestination(RequestContext ctx, ObjectNode in, boolean replace) {
        EventDestination d = parseDestination(Inputs.text(in, "EventDestinationName"), Inputs.node(in, "EventDestination"));
        synchronized (state.lock) {
            ConfigurationSetRules.putDestination(API, state.topics, existing(ctx, in), d, replace);
        }
        if (!replace) {
            notifier.destinationCreated(d);
        }
        return Outputs.object();
    }

    public ObjectNode deleteDestination(RequestContext ctx, ObjectNode in) {
        synchronized (state.lock) {
            ConfigurationSetRules.deleteDestination(API, existing(ctx, in), Inputs.text(in, "EventDestinationName"));
        }
        return Outputs.object();
    }

    public ObjectNode tracking(RequestContext ctx, ObjectNode in) {
        synchronized (state.lock) {
            existing(ctx, in).tracking(Inputs.text(in, "CustomRedirectDomain"), Inputs.text(in, "HttpsPolicy"));
        }
        return Outputs.object();
    }

    public ObjectNode delivery(RequestContext ctx, ObjectNode in) {
        synchronized (state.lock) {
            applyDelivery(state.account(ctx), existing(ctx, in), in);
        }
        return Outputs.object();
    }

    /** The sending pool, when named, must be a dedicated IP pool of the account. */
    private static void applyDelivery(Account a, ConfigurationSet set, JsonNode in) {
        String pool = Inputs.text(in, "SendingPoolName");
        if (pool != null && a.dedicatedIpPools.scalingMode(pool).isEmpty()) {
            throw API.notFound("NotFoundException", "Pool " + pool + " does not exist.");
        }
        Long max = Inputs.number(in, "MaxDeliverySeconds");
        set.delivery(Inputs.text(in, "TlsPolicy"), pool, max);
    }

    public ObjectNode reputation(RequestContext ctx, ObjectNode in) {
        synchronized (state.lock) {
            existing(ctx, in).reputationMetricsEnabled(Inputs.bool(in, "ReputationMetricsEnabled", false));
        }
        return Outputs.object();
    }

    public ObjectNode sending(RequestContext ctx, ObjectNode in) {
        synchronized (state.lock) {
            existing(ctx, in).sendingEnabled(Inputs.bool(in, "SendingEnabled", false), state.now());
        }
        return Outputs.object();
    }

    /** Without SuppressedReasons the set goes back to the account-level setting. */
    public ObjectNode suppression(RequestContext ctx, ObjectNode in) {
        synchronized (state.lock) {
            existing(ctx, in).suppressedReasons(in.has("SuppressedReasons") ? reasons(in) : null);
        }
        return Outputs.object();
    }

    public ObjectNode vdm(RequestContext ctx, ObjectNode in) {
        synchronized (state.lock) {
            ObjectNode vdm = Inputs.object(in, "VdmOptions");
            existing(ctx, in).vdmOptions(vdm == null ? null : vdm.deepCopy());
        }
        return Outputs.object();
    }

    public ObjectNode archiving(RequestContext ctx, ObjectNode in) {
        synchronized (state.lock) {
            existing(ctx, in).archiveArn(Inputs.text(in, "ArchiveArn"));
        }
        return Outputs.object();
    }

    private static Set<SuppressionReason> reasons(JsonNode in) {
        Set<SuppressionReason> reasons = EnumSet.noneOf(SuppressionReason.class);
        Inputs.strings(in, "SuppressedReasons").forEach(r -> reasons.add(SuppressionReason.valueOf(r)));
        return reasons;
    }

    static EventDestination parseDestination(String name, JsonNode d) {
        Set<EventType> types = EnumSet.noneOf(EventType.class);
        Inputs.strings(d, "MatchingEventTypes").forEach(t -> types.add(EventType.valueOf(t)));
        EventTarget target = null;
        JsonNode sns = Inputs.node(d, "SnsDestination");
        JsonNode cw = Inputs.node(d, "CloudWatchDestination");
        JsonNode firehose = Inputs.node(d, "KinesisFirehoseDestination");
        JsonNode bridge = Inputs.node(d, "EventBridgeDestination");
        JsonNode pinpoint = Inputs.node(d, "PinpointDestination");
        if (sns != null) {
            target = new EventTarget.Sns(Inputs.text(sns, "TopicArn"));
        } else if (cw != null) {
            List<EventTarget.Dimension> dims = new ArrayList<>();
            JsonNode configs = Inputs.node(cw, "DimensionConfigurations");
            if (configs != null) {
                configs.forEach(c -> dims.add(new EventTarget.Dimension(Inputs.text(c, "DimensionName"),
                        Inputs.text(c, "DimensionValueSource"), Inputs.text(c, "DefaultDimensionValue"))));
            }
            target = new EventTarget.CloudWatch(dims);
        } else if (firehose != null) {
            target = new EventTarget.Firehose(Inputs.text(firehose, "IamRoleArn"), Inputs.text(firehose, "DeliveryStreamArn"));
        } else if (bridge != null) {
            target = new EventTarget.EventBridge(Inputs.text(bridge, "EventBusArn"));
        } else if (pinpoint != null) {
            target = new EventTarget.Pinpoint(Inputs.text(pinpoint, "ApplicationArn"));
        }
        return new EventDestination(name, Inputs.bool(d, "Enabled", false), types, target);
    }

    static ObjectNode destinationJson(EventDestination d) {
        ObjectNode o = Outputs.object();
        o.put("Name", d.name());
        o.put("Enabled", d.enabled());
        ArrayNode types = o.putArray("MatchingEventTypes");
        d.types().stream().sorted(EventType.LISTED).forEach(t -> types.add(t.name()));
        if (d.target() instanceof EventTarget.Sns sns) {
            o.putObject("SnsDestination").put("TopicArn", sns.topicArn());
        } else if (d.target() instanceof EventTarget.CloudWatch cw) {
            ArrayNode dims = o.putObject("CloudWatchDestination").putArray("DimensionConfigurations");
            cw.dimensions().forEach(dim -> dims.addObject().put("DimensionName", dim.name())
                    .put("DimensionValueSource", dim.source()).put("DefaultDimensionValue", dim.defaultValue()));
        } else if (d.target() instanceof EventTarget.Firehose f) {
            o.putObject("KinesisFirehoseDestination").put("IamRoleArn", f.iamRoleArn())
                    .put("DeliveryStreamArn", f.deliveryStreamArn());
        } else if (d.target() instanceof EventTarget.EventBridge b) {
            o.putObject("EventBridgeDestination").put("EventBusArn", b.eventBusArn());
        } else if (d.target() instanceof EventTarget.Pinpoint p) {
            o.putObject("PinpointDestination").put("ApplicationArn", p.applicationArn());
        }
        return o;
    }
}
