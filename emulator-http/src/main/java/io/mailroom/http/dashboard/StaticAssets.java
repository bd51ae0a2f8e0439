package io.mailroom.http.dashboard;

import io.mailroom.protocol.EncodedResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The dashboard's page, script and style sheet, read once from the class path. They are served with an
 * ETag and {@code no-cache}: a browser revalidates on every load (a cheap 304) and so never runs a script
 * from an older Mailroom against a newer server.
 */
final class StaticAssets {
    private static final String BASE = "/io/mailroom/dashboard/";
    /** Flat names only: no path may climb out of the dashboard's folder. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*\\.(html|js|css|svg)");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml");
    /**
     * Mail HTML renders in a sandboxed srcdoc frame, which inherits this policy: no script runs there, and
     * remote images (tracking pixels) stay blocked. Inline styles are allowed because mail relies on them.
     */
    private static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

    private record Asset(String contentType, byte[] body, String etag) {
    }

    private final Map<String, Asset> loaded = new ConcurrentHashMap<>();

    EncodedResponse serve(String name, FullHttpRequest request) {
        Asset asset = NAME.matcher(name).matches() ? loaded.computeIfAbsent(name, StaticAssets::load) : null;
        if (asset == null) {
            return NotFound.response("No dashboard asset " + name + ".");
        }
        Map<String, String> headers = Map.of(
                "Cache-Control", "no-cache",
                "ETag", asset.etag(),
                "X-Content-Type-Options", "nosniff",
                "Content-Security-Policy", POLICY);
        if (asset.etag().equals(request.headers().get(HttpHeaderNames.IF_NONE_MATCH))) {
            return new EncodedResponse(304, asset.contentType(), new byte[0], headers);
        }
        return new EncodedResponse(200, asset.contentType(), asset.body(), headers);
    }

    /** Null (and so not cached) for a name the dashboard does not have. */
    private static Asset load(String name) {
        try (InputStream in = StaticAssets.class.getResourceAsStream(BASE + name)) {
            if (in == null) {
                return null;
            }
            byte[] body = in.readAllBytes();
            String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1));
            return new Asset(type, body, "\"" + HexFormat.of().formatHex(sha256(body), 0, 12) + "\"");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
