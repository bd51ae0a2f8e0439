package io.mailroom.http;

import io.mailroom.core.time.ServerClock;
import io.mailroom.http.dispatch.DispatchSettings;
import io.mailroom.http.dispatch.Dispatcher;
import io.mailroom.server.ServiceSet;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The server's services and dispatcher on a manual clock, for connections made of embedded channels; a test's own
 * ({@code @RegisterExtension} on an instance field), closed after it.
 */
final class EmbeddedServer implements AfterEachCallback {
    final ServerClock clock = ServerClock.manual(Instant.parse("2026-01-01T00:00:00Z"));
    final ServiceSet services = ServiceSet.create(clock);
    final Dispatcher dispatcher = new Dispatcher(services.all(), List.of(),
            new DispatchSettings("000000000000", "us-east-1", null, "127.0.0.1:4566"), clock);

    /** A connection with the server's whole pipeline: input watch, HTTP codec, body limit and API handler. */
    EmbeddedChannel connection() {
        EmbeddedChannel channel = new EmbeddedChannel();
        HttpServer.configure(channel.pipeline(), 1024 * 1024, dispatcher, new DateHeader(clock));
        return channel;
    }

    static ByteBuf bytes(String s) {
        return Unpooled.copiedBuffer(s, StandardCharsets.UTF_8);
    }

    /** Everything the connection has written so far, as text. */
    static String received(EmbeddedChannel channel) {
        StringBuilder all = new StringBuilder();
        for (ByteBuf buf; (buf = channel.readOutbound()) != null; ) {
            all.append(buf.toString(StandardCharsets.UTF_8));
            buf.release();
        }
        return all.toString();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        clock.close();
    }
}
