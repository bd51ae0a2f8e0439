package io.mailroom.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailroom.core.time.ServerClock;
import io.mailroom.http.dispatch.DispatchSettings;
import io.mailroom.http.dispatch.Dispatcher;
import io.mailroom.server.ServiceSet;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DuplexChannel;
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
    void aClientSendingHeadersTooLargeReadsTheAnswer() throws Exception {
        String head = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ";
        // A GET is S3's: 400 RequestHeaderSectionTooLarge in its shape (OversizedHeadTest).
        assertThat(answerWhileSending(head, BODY)).startsWith("HTTP/1.1 400").contains("RequestHeaderSectionTooLarge");
    }

    /** After the half-close the connection reads on while input comes, and closes once it stops. */
    @Test
    void aLingeringConnectionClosesOnceTheClientStopsSending() {
        HalfClosable connection = new HalfClosable();
        HttpServer.configure(connection.pipeline(), LIMIT, new Dispatcher(ServiceSet.create(clock).all(), List.of(),
                new DispatchSettings("000000000000", "us-east-1", null, "127.0.0.1:4566"), clock),
                new DateHeader(clock));
        connection.freezeTime();

        connection.writeInbound(Unpooled.copiedBuffer("POST / HTTP/1.1\r\nHost: h\r\nConnection: close\r\nContent-Length: "
                + BODY + "\r\n\r\n", StandardCharsets.US_ASCII));
        ByteBuf answer = connection.readOutbound();
        assertThat(answer.toString(StandardCharsets.UTF_8)).startsWith("HTTP/1.1 413");
        answer.release();
        assertThat(connection.isOutputShutdown()).isTrue();

        for (int i = 0; i < 10; i++) {
            connection.writeInbound(Unpooled.wrappedBuffer(new byte[64 * 1024]));
            connection.advanceTimeBy(1, TimeUnit.SECONDS);
            connection.runScheduledPendingTasks();
        }
        assertThat(connection.isOpen()).as("read on while the body comes").isTrue();

        connection.advanceTimeBy(4, TimeUnit.SECONDS);
        connection.runScheduledPendingTasks();
        connection.advanceTimeBy(4, TimeUnit.SECONDS);
        connection.runScheduledPendingTasks();
        assertThat(connection.isOpen()).as("closed once it stopped").isFalse();
    }

    /** An embedded channel that can shut its output down, as a TCP socket can. */
    private static final class HalfClosable extends EmbeddedChannel implements DuplexChannel {
        private boolean outputShutdown;

        @Override
        public boolean isInputShutdown() {
            return false;
        }

        @Override
        public ChannelFuture shutdownInput() {
            return newSucceededFuture();
        }

        @Override
        public ChannelFuture shutdownInput(ChannelPromise promise) {
            return promise.setSuccess();
        }

        @Override
        public boolean isOutputShutdown() {
            return outputShutdown;
        }

        @Override
        public ChannelFuture shutdownOutput() {
            outputShutdown = true;
            return newSucceededFuture();
        }

        @Override
        public ChannelFuture shutdownOutput(ChannelPromise promise) {
            outputShutdown = true;
            return promise.setSuccess();
        }

        @Override
        public boolean isShutdown() {
            return outputShutdown;
        }

        @Override
        public ChannelFuture shutdown() {
            return shutdownOutput();
        }

        @Override
        public ChannelFuture shutdown(ChannelPromise promise) {
            return shutdownOutput(promise);
        }
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
