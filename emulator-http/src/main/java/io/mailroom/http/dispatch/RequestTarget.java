package io.mailroom.http.dispatch;

import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;

/**
 * A request target in absolute form ({@code GET http://127.0.0.1:4566/_mailroom/health}), as proxies and some
 * clients send it, made the origin form the routes read. A server MUST accept it, and its authority then stands
 * for the Host header (RFC 9112 sections 3.2.2 and 3.2.3,
 * https://www.rfc-editor.org/rfc/rfc9112#section-3.2.2). Only a target that does not start with {@code /} is
 * looked at, so the usual request costs one character's test.
 */
final class RequestTarget {
    private RequestTarget() {
    }

    static boolean isOriginForm(String uri) {
        return !uri.isEmpty() && uri.charAt(0) == '/';
    }

    /** Rewrites an {@code http} or {@code https} absolute-form target in place; any other target stays. */
    static void toOriginForm(FullHttpRequest request) {
        String uri = request.uri();
        int authorityStart = schemeLength(uri);
        if (authorityStart < 0) {
            return;
        }
        int pathStart = authorityStart;
        while (pathStart < uri.length() && "/?#".indexOf(uri.charAt(pathStart)) < 0) {
            pathStart++;
        }
        String authority = uri.substring(authorityStart, pathStart);
        // userinfo is deprecated and names no host (RFC 9110 section 4.2.4).
        authority = authority.substring(authority.lastIndexOf('@') + 1);
        String rest = uri.substring(pathStart);
        request.setUri(rest.isEmpty() || rest.charAt(0) != '/' ? "/" + rest : rest);
        if (!authority.isEmpty()) {
            request.headers().set(HttpHeaderNames.HOST, authority);
        }
    }

    /** The length of {@code http://} or {@code https://} (schemes are case-insensitive), or -1. */
    private static int schemeLength(String uri) {
        if (uri.regionMatches(true, 0, "http://", 0, 7)) {
            return 7;
        }
        return uri.regionMatches(true, 0, "https://", 0, 8) ? 8 : -1;
    }
}
