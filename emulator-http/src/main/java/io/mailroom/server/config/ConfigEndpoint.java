package io.mailroom.server.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.request.RequestContext;
import io.mailroom.http.internal.InternalEndpoint;
import io.mailroom.protocol.EncodedResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code GET /_mailroom/config}: the current state as a setup file, YAML by default and JSON with
 * {@code Accept: application/json}. It covers the server's default account and region and those the
 * loaded setup file names; {@code ?account=...&region=...} (either may be left out) exports that scope instead.
 */
public final class ConfigEndpoint implements InternalEndpoint {
    private final SetupExporter exporter;
    private final Supplier<List<Scope>> scopes;
    private final Scope defaults;

    /**
     * @param scopes   the scopes to export besides {@code defaults}, asked at each request (the setup
     *                 file is read again on reset)
     */
    public ConfigEndpoint(SetupExporter exporter, Scope defaults, Supplier<List<Scope>> scopes) {
        this.exporter = exporter;
        this.defaults = defaults;
        this.scopes = scopes;
    }

    @Override
    public boolean matches(FullHttpRequest request, String path) {
        return "GET".equals(request.method().name()) && "/_mailroom/config".equals(path);
    }

    @Override
    public EncodedResponse handle(FullHttpRequest request, QueryStringDecoder uri, RequestContext context) {
        String account = first(uri, "account");
        String region = first(uri, "region");
        List<Scope> wanted = new ArrayList<>();
        if (account != null || region != null) {
            wanted.add(new Scope(account != null ? account : defaults.accountId(),
                    region != null ? region : defaults.region()));
        } else {
            wanted.add(defaults);
            wanted.addAll(scopes.get());
        }
        ObjectNode setup = exporter.export(wanted);
        String accept = request.headers().get(HttpHeaderNames.ACCEPT);
        boolean json = accept != null && accept.contains("json");
        String body = json ? SetupWriter.json(setup) : SetupWriter.yaml(setup);
        return new EncodedResponse(200, json ? "application/json" : "application/yaml",
                body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    private static String first(QueryStringDecoder uri, String name) {
        List<String> values = uri.parameters().get(name);
        return values == null || values.isEmpty() || values.get(0).isEmpty() ? null : values.get(0);
    }
}
