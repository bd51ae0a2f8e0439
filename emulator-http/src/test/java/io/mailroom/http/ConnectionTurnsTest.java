package io.mailroom.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailroom.core.time.ServerClock;
import io.mailroom.http.dispatch.Dispatcher;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A connection's requests are served in turn, and a client that does not read its answers is not read either:
 * its requests wait in its own socket, not as answers in the server's memory.
 */
class ConnectionTurnsTest {
    private static final String QUEUE_URL = "http://127.0.0.1:4566/000000000000/turns";

    @RegisterExtension
    final EmbeddedServer server = new EmbeddedServer();
    private final ServerClock clock = server.clock;
    private final Dispatcher dispatcher = server.dispatcher;

    @Test
    void pipelinedRequestsRunOneAfterTheOther() {
        call("CreateQueue", "{\"QueueName\":\"turns\"}");
        EmbeddedChannel connection = connection();

        connection.writeInbound(sqs("ReceiveMessage", "{\"QueueUrl\":\"" + QUEUE_URL + "\",\"WaitTimeSeconds\":3}"));
        connection.writeInbound(sqs("SendMessage", "{\"QueueUrl\":\"" + QUEUE_URL + "\",\"MessageBody\":\"later\"}"));
        connection.writeInbound(sqs("DeleteQueue", "{\"QueueUrl\":\"" + QUEUE_URL + "\"}"));

        assertThat((Object) connection.readOutbound()).as("the receive waits").isNull();
        assertThat(call("GetQueueAttributes", "{\"QueueUrl\":\"" + QUEUE_URL
                + "\",\"AttributeNames\":[\"ApproximateNumberOfMessages\"]}"))
                .as("the send waits its turn").contains("\"ApproximateNumberOfMessages\":\"0\"");

        clock.advance(Duration.ofSeconds(3));
        connection.runPendingTasks();

        assertThat(answers(connection)).satisfiesExactly(
                received -> assertThat(received).doesNotContain("later"),
                sent -> assertThat(sent).contains("MessageId"),
                deleted -> assertThat(deleted).isEqualTo("{}"));
        assertThat(call("GetQueueUrl", "{\"QueueName\":\"turns\"}")).contains("QueueDoesNotExist");
    }

    @Test
    void aClientThatDoesNotReadIsNotReadAndItsRequestsWait() {
        call("CreateQueue", "{\"QueueName\":\"turns\"}");
        ClientNotReading connection = new ClientNotReading(new ApiChannelHandler(dispatcher, new DateHeader(clock)));

        for (int i = 0; i < 40; i++) {
            connection.writeInbound(sqs("SendMessage", "{\"QueueUrl\":\"" + QUEUE_URL + "\",\"MessageBody\":\"m" + i
                    + "\"}"));
        }

        assertThat(connection.config().isAutoRead()).as("reading stopped").isFalse();
        assertThat(messagesInQueue()).as("only the first request ran").isEqualTo("1");

        connection.startReading();

        assertThat(answers(connection)).hasSize(40).allSatisfy(answer -> assertThat(answer).contains("MessageId"));
        assertThat(messagesInQueue()).isEqualTo("40");
        assertThat(connection.config().isAutoRead()).as("reading again").isTrue();
    }

    @Test
    void aConnectionBehindOnItsAnswersStopsBeingReadAndResumesOnceCaughtUp() {
        call("CreateQueue", "{\"QueueName\":\"turns\"}");
        EmbeddedChannel connection = connection();
        connection.writeInbound(sqs("ReceiveMessage", "{\"QueueUrl\":\"" + QUEUE_URL + "\",\"WaitTimeSeconds\":3}"));
        for (int i = 0; i < ApiChannelHandler.MAX_WAITING; i++) {
            connection.writeInbound(sqs("ListQueues", "{}"));
        }
        assertThat(connection.config().isAutoRead()).isFalse();

        clock.advance(Duration.ofSeconds(3));
        connection.runPendingTasks();

        assertThat(answers(connection)).hasSize(ApiChannelHandler.MAX_WAITING + 1);
        assertThat(connection.config().isAutoRead()).isTrue();
    }

    private String messagesInQueue() {
        String attributes = call("GetQueueAttributes", "{\"QueueUrl\":\"" + QUEUE_URL
                + "\",\"AttributeNames\":[\"ApproximateNumberOfMessages\"]}");
        return attributes.replaceAll(".*\"ApproximateNumberOfMessages\":\"(\\d+)\".*", "$1");
    }

    private EmbeddedChannel connection() {
        return new EmbeddedChannel(new ApiChannelHandler(dispatcher, new DateHeader(clock)));
    }

    private static List<String> answers(EmbeddedChannel channel) {
        List<String> bodies = new ArrayList<>();
        for (FullHttpResponse response; (response = channel.readOutbound()) != null; ) {
            bodies.add(response.content().toString(StandardCharsets.UTF_8));
            response.release();
        }
        return bodies;
    }

    private String call(String operation, String json) {
        EmbeddedChannel channel = connection();
        channel.writeInbound(sqs(operation, json));
        try {
            return answers(channel).get(0);
        } finally {
            channel.close();
        }
    }

    private static FullHttpRequest sqs(String operation, String json) {
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/",
                Unpooled.copiedBuffer(json, StandardCharsets.UTF_8));
        request.headers().set("Host", "127.0.0.1:4566").set("Content-Type", "application/x-amz-json-1.0")
                .set("X-Amz-Target", "AmazonSQS." + operation).setInt("Content-Length", json.length());
        return request;
    }

    /** A peer that reads nothing until told: what the server writes stays in the connection's outbound buffer. */
    private static final class ClientNotReading extends EmbeddedChannel {
        private boolean reading;

        ClientNotReading(ApiChannelHandler handler) {
            super(handler);
            config().setWriteBufferWaterMark(new WriteBufferWaterMark(1, 2));
        }

        void startReading() {
            reading = true;
            flushOutbound();
        }

        @Override
        protected void doWrite(ChannelOutboundBuffer in) throws Exception {
            if (reading) {
                super.doWrite(in);
            }
        }
    }
}
