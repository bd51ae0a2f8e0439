package io.mailroom.ses.v1;

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
import io.mailroom.ses.api.WireEnums;
import io.mailroom.ses.configset.ConfigurationSet;
import io.mailroom.ses.configset.ConfigurationSetRules;
import io.mailroom.ses.configset.EventDestination;
import io.mailroom.ses.configset.EventTarget;
import io.mailroom.ses.configset.EventType;
import io.mailroom.ses.identity.Identity;
import io.mailroom.ses.notification.Notifier;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** v1 configuration sets: event destinations, tracking, delivery and reputation options, sending switch. */
public final class V1ConfigurationSets {
    private static final Api API = Api.V1;
    private final SesState state;
    private final Notifier notifier;

    public V1ConfigurationSets(SesState state, Notifier notifier) {
        this.state = state;
        this.notifier = notifier;
    }

    private enum Mode { CREATE, UPDATE, DELETE }

    private ConfigurationSet existing(RequestContext ctx, JsonNode in) {
        return ConfigurationSetRules.existing(API, state.account(ctx), Inputs.text(in, "ConfigurationSetName"));
    }

    public ObjectNode create(RequestContext ctx, ObjectNode in) {
        synchronized (state.lock) {
            ConfigurationSetRules.create(API, state.account(ctx),
                    Inputs.text(Inputs.node(in, "ConfigurationSet"), "Name"), state.now());
        }
        return Outputs.object();
    }

    /** Deleting a set clears it as the default set of identities that named it. */
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

    public ObjectNode describe(RequestContext ctx, ObjectNode in) {
        Set<String> wanted = Set.copyOf(Inputs.strings(in, "ConfigurationSetAttributeNames"));
        synchronized (state.lock) {
            ConfigurationSet set = existing(ctx, in);
            ObjectNode out = Outputs.object();
            out.putObject("ConfigurationSet").put("Name", set.name());
            if (wanted.contains("eventDestinations")) {
                ArrayNode ds = out.putArray("EventDestinations");
                set.destinations().values().forEach(d -> ds.add(destinationJson(d)));
            }
            if (wanted.contains("trackingOptions") && set.customRedirectDomain() != null) {
                out.putObject("TrackingOptions").put("CustomRedirectDomain", set.customRedirectDomain());
            }
            if (wanted.contains("deliveryOptions")) {
                out.putObject("DeliveryOptions").put("TlsPolicy", WireEnums.toV1(set.tlsPolicy()));
            }
            if (wanted.contains("reputationOptions")) {
                ObjectNode r = out.putObject("ReputationOptions");
                r.put("SendingEnabled", set.sendingEnabled());
                r.put("ReputationMetricsEnabled", set.reputationMetricsEnabled());
                if (set.lastFreshStartMillis() != null) {
                    Outputs.timestamp(r, "LastFreshStart", set.lastFreshStartMillis());
                }
            }
            return out;
        }
    }

    public ObjectNode list(RequestContext ctx, ObjectNode in) {
        synchronized (state.lock) {
            PageToken.Page<ConfigurationSet> page = PageToken.page(API, state.account(ctx).configurationSets.all(),
                    ConfigurationSet::name, Inputs.text(in, "NextToken"), Inputs.pageSize(in, "MaxItems", 1000));
            ObjectNode out = Outputs.object();
            ArrayNode sets = out.putArray("ConfigurationSets");
            page.items().forEach(s -> sets.addObject().put("Name", s.name()));
            Outputs.putIfNotNull(out, "NextToken", page.nextToken());
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
        EventDestination d = parseDestination(Inputs.node(in, "EventDestination"));
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

    public ObjectNode createTracking(RequestContext ctx, ObjectNode in) {
        return tracking(ctx, in, Mode.CREATE);
    }

    public ObjectNode updateTracking(RequestContext ctx, ObjectNode in) {
        return tracking(ctx, in, Mode.UPDATE);
    }

    public ObjectNode deleteTracking(RequestContext ctx, ObjectNode in) {
        return tracking(ctx, in, Mode.DELETE);
    }

    private ObjectNode tracking(RequestContext ctx, ObjectNode in, Mode mode) {
        synchronized (state.lock) {
            ConfigurationSet set = existing(ctx, in);
            boolean exists = set.customRedirectDomain() != null;
            if (mode == Mode.CREATE && exists) {
                throw API.error("TrackingOptionsAlreadyExistsException", "AlreadyExistsException",
                        "Tracking options already exist for configuration set " + set.name() + ".");
            }
            if (mode != Mode.CREATE && !exists) {
                throw API.error("TrackingOptionsDoesNotExistException", "NotFoundException",
                        "Tracking options do not exist for configuration set " + set.name() + ".");
            }
            if (mode == Mode.DELETE) {
                set.tracking(null, null);
            } else {
                String domain = Inputs.text(Inputs.node(in, "TrackingOptions"), "CustomRedirectDomain");
                if (domain == null || !io.mailroom.ses.identity.IdentityNames.isDomain(domain)) {
                    throw API.error("InvalidTrackingOptionsException", "BadRequestException",
                            "Invalid custom redirect domain <" + domain + ">.");
                }
                set.tracking(domain, set.httpsPolicy());
            }
        }
        return Outputs.object();
    }

    public ObjectNode deliveryOptions(RequestContext ctx, ObjectNode in) {
        String tls = Inputs.text(Inputs.node(in, "DeliveryOptions"), "TlsPolicy");
        synchronized (state.lock) {
            ConfigurationSet set = existing(ctx, in);
            set.delivery(tls == null ? null : WireEnums.toV2(tls), set.sendingPoolName(), set.maxDeliverySeconds());
        }
        return Outputs.object();
    }

    public ObjectNode reputationMetrics(RequestContext ctx, ObjectNode in) {
        synchronized (state.lock) {
            existing(ctx, in).reputationMetricsEnabled(Inputs.bool(in, "Enabled", false));
        }
        return Outputs.object();
    }

    public ObjectNode sendingEnabled(RequestContext ctx, ObjectNode in) {
        synchronized (state.lock) {
            existing(ctx, in).sendingEnabled(Inputs.bool(in, "Enabled", false), state.now());
        }
        return Outputs.object();
    }

    // ---- v1 EventDestination <-> stored form ----

    static EventDestination parseDestination(JsonNode d) {
        Set<EventType> types = EnumSet.noneOf(EventType.class);
        for (String t : Inputs.strings(d, "MatchingEventTypes")) {
            types.add(EventType.ofV1(t));
        }
        EventTarget target = null;
        JsonNode sns = Inputs.node(d, "SNSDestination");
        JsonNode cw = Inputs.node(d, "CloudWatchDestination");
        JsonNode firehose = Inputs.node(d, "KinesisFirehoseDestination");
        if (sns != null) {
            target = new EventTarget.Sns(Inputs.text(sns, "TopicARN"));
        } else if (cw != null) {
            List<EventTarget.Dimension> dims = new ArrayList<>();
            JsonNode configs = Inputs.node(cw, "DimensionConfigurations");
            if (configs != null) {
                configs.forEach(c -> dims.add(new EventTarget.Dimension(Inputs.text(c, "DimensionName"),
                        WireEnums.toV2(Inputs.text(c, "DimensionValueSource")), Inputs.text(c, "DefaultDimensionValue"))));
            }
            target = new EventTarget.CloudWatch(dims);
        } else if (firehose != null) {
            target = new EventTarget.Firehose(Inputs.text(firehose, "IAMRoleARN"),
                    Inputs.text(firehose, "DeliveryStreamARN"));
        }
        return new EventDestination(Inputs.text(d, "Name"), Inputs.bool(d, "Enabled", false), types, target);
    }

    /** v1 has no EventBridge/Pinpoint destinations nor deliveryDelay/subscription types: those are left out. */
    static ObjectNode destinationJson(EventDestination d) {
        ObjectNode o = Outputs.object();
        o.put("Name", d.name());
        o.put("Enabled", d.enabled());
        ArrayNode types = o.putArray("MatchingEventTypes");
        d.types().stream().sorted(EventType.LISTED).filter(t -> t.v1Name() != null)
                .forEach(t -> types.add(t.v1Name()));
        if (d.target() instanceof EventTarget.Sns sns) {
            o.putObject("SNSDestination").put("TopicARN", sns.topicArn());
        } else if (d.target() instanceof EventTarget.CloudWatch cw) {
            ArrayNode dims = o.putObject("CloudWatchDestination").putArray("DimensionConfigurations");
            cw.dimensions().forEach(dim -> dims.addObject().put("DimensionName", dim.name())
                    .put("DimensionValueSource", lowerCamel(dim.source()))
                    .put("DefaultDimensionValue", dim.defaultValue()));
        } else if (d.target() instanceof EventTarget.Firehose f) {
            o.putObject("KinesisFirehoseDestination").put("IAMRoleARN", f.iamRoleArn())
                    .put("DeliveryStreamARN", f.deliveryStreamArn());
        }
        return o;
    }

    /** v1 dimension sources are lowerCamel ({@code messageTag}). */
    private static String lowerCamel(String v2) {
        String camel = WireEnums.toV1(v2);
        return Character.toLowerCase(camel.charAt(0)) + camel.substring(1);
    }
}
