package io.mailroom.sns.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.request.RequestContext;
import io.mailroom.sns.SnsState;
import io.mailroom.sns.arn.Arn;
import io.mailroom.sns.platform.PlatformApplication;
import io.mailroom.sns.platform.PlatformEndpoint;
import io.mailroom.sns.platform.PlatformEvent;
import io.mailroom.sns.platform.PlatformRegistry;
import java.util.Map;

/** Platform applications and endpoints (mobile push). */
public final class PlatformOperations {
    public static final int PAGE_SIZE = 100;

    private final SnsState state;

    public PlatformOperations(SnsState state) {
        this.state = state;
    }

    public ObjectNode createApplication(RequestContext ctx, ObjectNode in) {
        return Outputs.of("PlatformApplicationArn", state.platforms.createApplication(ctx.accountId(), ctx.region(),
                Inputs.text(in, "Name"), Inputs.text(in, "Platform"), Inputs.stringMap(in, "Attributes")).arn());
    }

    public ObjectNode deleteApplication(RequestContext ctx, ObjectNode in) {
        state.platforms.deleteApplication(Inputs.text(in, "PlatformApplicationArn"));
        return Outputs.empty();
    }

    public ObjectNode getApplicationAttributes(RequestContext ctx, ObjectNode in) {
        return Outputs.attributes("Attributes",
                applicationAttributes(state.platforms.application(Inputs.text(in, "PlatformApplicationArn"))));
    }

    public ObjectNode setApplicationAttributes(RequestContext ctx, ObjectNode in) {
        state.platforms.setApplicationAttributes(Inputs.text(in, "PlatformApplicationArn"),
                Inputs.stringMap(in, "Attributes"));
        return Outputs.empty();
    }

    /** An existing endpoint answered again is no new endpoint: no EndpointCreated event for it. */
    public ObjectNode createEndpoint(RequestContext ctx, ObjectNode in) {
        PlatformRegistry.Registered registered = state.platforms.createEndpoint(
                Inputs.text(in, "PlatformApplicationArn"), Inputs.text(in, "Token"), Inputs.text(in, "CustomUserData"),
                Inputs.stringMap(in, "Attributes"));
        if (registered.created()) {
            state.dispatcher.publishEvent(PlatformEvent.created(registered.endpoint(), state.clock.millis()),
                    ctx.endpoint());
        }
        return Outputs.of("EndpointArn", registered.endpoint().arn());
    }

    public ObjectNode deleteEndpoint(RequestContext ctx, ObjectNode in) {
        state.platforms.deleteEndpoint(Inputs.text(in, "EndpointArn")).ifPresent(endpoint ->
                state.dispatcher.publishEvent(PlatformEvent.deleted(endpoint, state.clock.millis()), ctx.endpoint()));
        return Outputs.empty();
    }

    public ObjectNode getEndpointAttributes(RequestContext ctx, ObjectNode in) {
        return Outputs.attributes("Attributes", state.platforms.endpoint(Inputs.text(in, "EndpointArn")).attributes());
    }

    public ObjectNode setEndpointAttributes(RequestContext ctx, ObjectNode in) {
        state.platforms.setEndpointAttributes(Inputs.text(in, "EndpointArn"), Inputs.stringMap(in, "Attributes"))
                .ifPresent(endpoint -> state.dispatcher.publishEvent(
                        PlatformEvent.updated(endpoint, state.clock.millis()), ctx.endpoint()));
        return Outputs.empty();
    }

    /** The application's attributes without its credential, which AWS never returns. */
    private static Map<String, String> applicationAttributes(PlatformApplication app) {
        Map<String, String> attributes = app.attributes();
        attributes.remove("PlatformCredential");
        attributes.putIfAbsent("Enabled", "true");
        return attributes;
    }

    public ObjectNode listApplications(RequestContext ctx, ObjectNode in) {
        String prefix = "arn:" + Arn.partitionOf(ctx.region()) + ":sns:" + ctx.region() + ":" + ctx.accountId() + ":app/";
        var page = PageToken.after(state.platforms.applications(prefix), Inputs.text(in, "NextToken"));
        ObjectNode out = Outputs.empty();
        ArrayNode list = out.putArray("PlatformApplications");
        int count = 0;
        String last = null;
        for (PlatformApplication app : page.values()) {
            if (count == PAGE_SIZE) {
                out.put("NextToken", PageToken.encode(last));
                break;
            }
            ObjectNode e = list.addObject();
            e.put("PlatformApplicationArn", app.arn());
            ObjectNode attributes = e.putObject("Attributes");
            applicationAttributes(app).forEach(attributes::put);
            last = app.arn();
            count++;
        }
        return out;
    }

    public ObjectNode listEndpoints(RequestContext ctx, ObjectNode in) {
        PlatformApplication app = state.platforms.application(Inputs.text(in, "PlatformApplicationArn"));
        var page = PageToken.after(app.endpoints(), Inputs.text(in, "NextToken"));
        ObjectNode out = Outputs.empty();
        ArrayNode list = out.putArray("Endpoints");
        int count = 0;
        String last = null;
        for (PlatformEndpoint endpoint : page.values()) {
            if (count == PAGE_SIZE) {
                out.put("NextToken", PageToken.encode(last));
                break;
            }
            ObjectNode e = list.addObject();
            e.put("EndpointArn", endpoint.arn());
            ObjectNode attributes = e.putObject("Attributes");
            endpoint.attributes().forEach(attributes::put);
            last = endpoint.arn();
            count++;
        }
        return out;
    }
}
