package io.mailroom.http.wire;

import io.mailroom.server.Mailroom;
import io.mailroom.server.ServerConfig;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** A real server on a free port for one test class, so that the bytes go through Netty's own parsing. */
final class WireServer implements BeforeAllCallback, AfterAllCallback {
    private Mailroom server;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = Mailroom.start(ServerConfig.defaults().withPort(0).withSmtpPort(0));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.close();
    }

    int port() {
        return server.port();
    }
}
