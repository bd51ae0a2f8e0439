package io.mailroom.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailroom.http.ListenException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** A port that is taken stops the start with one clear error, and what had started is let go. */
class TakenPortTest {

    @Test
    void aTakenHttpPortIsAListenException() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> Mailroom.start(ServerConfig.defaults().withPort(port).withSmtpPort(0)))
                    .isInstanceOfSatisfying(ListenException.class, e -> {
                        assertThat(e.listener()).isEqualTo("HTTP");
                        assertThat(e.port()).isEqualTo(port);
                        assertThat(e).hasMessageStartingWith("cannot listen for HTTP on 127.0.0.1:" + port + ": ");
                    });
        }
    }

    @Test
    void aTakenSmtpPortIsAListenExceptionAndReleasesTheHttpPort() throws Exception {
        int httpPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            httpPort = probe.getLocalPort();
        }
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int smtpPort = taken.getLocalPort();
            assertThatThrownBy(() -> Mailroom.start(ServerConfig.defaults().withPort(httpPort).withSmtpPort(smtpPort)))
                    .isInstanceOfSatisfying(ListenException.class, e -> {
                        assertThat(e.listener()).isEqualTo("SMTP");
                        assertThat(e).hasMessageStartingWith("cannot listen for SMTP on 127.0.0.1:" + smtpPort);
                    });
        }
        // The HTTP listener that had started is closed again: the same port can be served at once.
        try (Mailroom again = Mailroom.start(ServerConfig.defaults().withPort(httpPort).withSmtpPort(0))) {
            assertThat(again.port()).isEqualTo(httpPort);
        }
    }
}
