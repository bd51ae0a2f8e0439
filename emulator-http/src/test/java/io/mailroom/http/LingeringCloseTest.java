package io.mailroom.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailroom.core.time.ServerClock;
import io.mailroom.http.dispatch.DispatchSettings;
import io.mailroom.http.dispatch.Dispatcher;
import io.mailroom.server.ServiceSet;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A connection closed after its answer while the client is still sending is half-closed and read on, so the
 * client reads the answer instead of "Connection reset" (RFC 9112 section 9.6).
 */
class LingeringCloseTest {
    private static final int LIMIT = 1024 * 1024;
    private static final int BODY = 32 * 1024 * 1024;
    private final ServerClock clock = ServerClock.system();
    private HttpServer server;

    @BeforeEach
    void start() throws InterruptedException {
        Dispatcher dispatcher = new Dispatcher(ServiceSet.create(clock).all(), List.of(),
                new DispatchSettings("000000000000", "us-east-1", null, "127.0.0.1:4566"), clock);
        server = HttpServer.start("127.0.0.1", 0, LIMIT, Transport.create(1), dispatcher, clock);
    }

    @AfterEach
    void stop() {
        server.close();
        clock.close();
    }

    @Test
    void aClientSendingABodyOverTheLimitReadsThe413() throws Exception {
        String head = "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + BODY + "\r\n\r\n";
        assertThat(answerWhileSending(head, BODY)).startsWith("HTTP/1.1 413").contains("RequestEntityTooLarge");
    }

    @Test
    void aClientSendingHeadersTooLargeReadsThe400() throws Exception {
        String head = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ";
        assertThat(answerWhileSending(head, BODY)).startsWith("HTTP/1.1 400").contains("BadRequest");
    }

    /** Sends {@code head} and {@code bodyBytes} more on one thread, reads until the server closes on this one. */
    private String answerWhileSending(String head, int bodyBytes) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            CompletableFuture<Void> sent = CompletableFuture.runAsync(() -> {
                try {
                    out.write(head.getBytes(StandardCharsets.US_ASCII));
                    byte[] chunk = new byte[64 * 1024];
                    java.util.Arrays.fill(chunk, (byte) 'a');
                    for (int written = 0; written < bodyBytes; written += chunk.length) {
                        out.write(chunk);
                    }
                    socket.shutdownOutput();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            sent.get(10, TimeUnit.SECONDS); // the whole request went out: no reset
            return answer;
        }
    }
}
