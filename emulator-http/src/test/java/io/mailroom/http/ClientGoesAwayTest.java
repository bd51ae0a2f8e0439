package io.mailroom.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailroom.core.time.ServerClock;
import io.mailroom.http.dispatch.Dispatcher;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A long poll whose connection closes is withdrawn from its queue, so the next message goes to a receive that is
 * still there; also when the request came from a web page (with an Origin), whose answer passes one more stage.
 */
class ClientGoesAwayTest {
    private static final String QUEUE_URL = "http://127.0.0.1:4566/000000000000/q";

    @RegisterExtension
    final EmbeddedServer server = new EmbeddedServer();
    private final ServerClock clock = server.clock;
    private final Dispatcher dispatcher = server.dispatcher;

    private EmbeddedChannel connection() {
        return new EmbeddedChannel(new ApiChannelHandler(dispatcher, new DateHeader(clock)));
    }

    private static FullHttpRequest sqs(String operation, String json, String origin) {
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/",
                Unpooled.copiedBuffer(json, StandardCharsets.UTF_8));
        request.headers().set("Host", "127.0.0.1:4566").set("Content-Type", "application/x-amz-json-1.0")
                .set("X-Amz-Target", "AmazonSQS." + operation).setInt("Content-Length", json.length());
        if (origin != null) {
            request.headers().set("Origin", origin);
        }
        return request;
    }

    private String call(String operation, String json) {
        EmbeddedChannel channel = connection();
        channel.writeInbound(sqs(operation, json, null));
        FullHttpResponse response = channel.readOutbound();
        try {
            return response.content().toString(StandardCharsets.UTF_8);
        } finally {
            response.release();
            channel.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "http://localhost:3000"})
    void theNextMessageGoesToAReceiveThatIsStillThere(String origin) {
        call("CreateQueue", "{\"QueueName\":\"q\"}");
        EmbeddedChannel poller = connection();
        poller.writeInbound(sqs("ReceiveMessage", "{\"QueueUrl\":\"" + QUEUE_URL + "\",\"WaitTimeSeconds\":20}",
                origin.isEmpty() ? null : origin));
        assertThat((Object) poller.readOutbound()).as("parked").isNull();

        poller.close();
        call("SendMessage", "{\"QueueUrl\":\"" + QUEUE_URL + "\",\"MessageBody\":\"after the hang-up\"}");

        assertThat(call("ReceiveMessage", "{\"QueueUrl\":\"" + QUEUE_URL + "\"}")).contains("after the hang-up");
    }
}
