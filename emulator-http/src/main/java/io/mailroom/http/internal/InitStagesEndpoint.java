package io.mailroom.http.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.request.RequestContext;
import io.mailroom.protocol.Canonical;
import io.mailroom.protocol.EncodedResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * LocalStack's init-hook status, {@code GET /_localstack/init} and {@code /_localstack/init/{stage}}, which
 * docker-compose health checks poll for {@code "completed": true}. Mailroom's own start-up setup (the
 * {@code --config} file) is applied before the port opens, so every stage up to READY is complete whenever this
 * answers; LocalStack's init scripts are not run (their resources belong in the config file), hence no scripts.
 */
public final class InitStagesEndpoint implements InternalEndpoint {
    private static final String PATH = "/_localstack/init";
    private static final Map<String, Boolean> COMPLETED = new LinkedHashMap<>();

    static {
        COMPLETED.put("BOOT", true);
        COMPLETED.put("START", true);
        COMPLETED.put("READY", true);
        COMPLETED.put("SHUTDOWN", false);
    }

    @Override
    public boolean matches(FullHttpRequest request, String path) {
        return "GET".equals(request.method().name()) && (PATH.equals(path) || stage(path) != null);
    }

    @Override
    public EncodedResponse handle(FullHttpRequest request, QueryStringDecoder uri, RequestContext context) {
        ObjectNode root = Canonical.NODES.objectNode();
        String stage = stage(uri.path());
        if (stage == null) {
            ObjectNode completed = root.putObject("completed");
            COMPLETED.forEach(completed::put);
        } else {
            root.put("completed", COMPLETED.get(stage));
        }
        root.putArray("scripts");
        return new EncodedResponse(200, "application/json", LocalStackJson.encode(root), Map.of());
    }

    /** The stage {@code /_localstack/init/ready} names, upper-cased, or null. */
    private static String stage(String path) {
        if (!path.startsWith(PATH + "/")) {
            return null;
        }
        String stage = path.substring(PATH.length() + 1).toUpperCase(Locale.ROOT);
        return COMPLETED.containsKey(stage) ? stage : null;
    }
}
