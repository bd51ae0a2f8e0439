package io.mailroom.bench;

import java.net.URI;

/** The benchmark generates load; it must only ever reach a server on this machine. */
final class LoopbackGuard {
    private LoopbackGuard() {
    }

    static boolean isLoopback(URI endpoint) {
        String host = endpoint.getHost();
        return host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"));
    }
}
