package io.mailroom.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailroom.core.time.ServerClock;
import io.mailroom.http.dispatch.DispatchSettings;
import io.mailroom.http.dispatch.Dispatcher;
import io.mailroom.server.ServiceSet;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code 100 Continue} is the interim answer of the request it follows the answers of: sent ahead of an earlier
 * pipelined request's answer, the client would take it as that request's.
 */
class ContinueInTurnTest {
    private static final String QUEUE_URL = "http://127.0.0.1:4566/000000000000/q";
    private final ServerClock clock = ServerClock.manual(Instant.parse("2026-01-01T00:00:00Z"));
    private final Dispatcher dispatcher = new Dispatcher(ServiceSet.create(clock).all(), List.of(),
            new DispatchSettings("000000000000", "us-east-1", null, "127.0.0.1:4566"), clock);

    @AfterEach
    void closeClock() {
        clock.close();
    }

    private EmbeddedChannel connection() {
        EmbeddedChannel channel = new EmbeddedChannel();
        HttpServer.configure(channel.pipeline(), 1024 * 1024, dispatcher, new DateHeader(clock));
        return channel;
    }

    @Test
    void aContinueWaitsForTheAnswersBeforeIt() {
        EmbeddedChannel connection = connection();
        connection.writeInbound(bytes(sqs("CreateQueue", "{\"QueueName\":\"q\"}", "")));
        assertThat(received(connection)).startsWith("HTTP/1.1 200 OK");

        connection.writeInbound(bytes(sqs("ReceiveMessage", "{\"QueueUrl\":\"" + QUEUE_URL + "\",\"WaitTimeSeconds\":3}", "")
                + headersOnly(sqs("SendMessage", "{\"QueueUrl\":\"" + QUEUE_URL + "\",\"MessageBody\":\"x\"}",
                "Expect: 100-continue\r\n"))));

        assertThat(received(connection)).as("nothing before the receive's answer").isEmpty();

        clock.advance(Duration.ofSeconds(3));
        connection.runPendingTasks();

        String answers = received(connection);
        assertThat(answers).startsWith("HTTP/1.1 200 OK").contains("HTTP/1.1 100 Continue");
        assertThat(answers.indexOf("{}")).as("the receive's (empty) answer comes first")
                .isLessThan(answers.indexOf("HTTP/1.1 100 Continue"));

        connection.writeInbound(bytes("{\"QueueUrl\":\"" + QUEUE_URL + "\",\"MessageBody\":\"x\"}"));
        assertThat(received(connection)).startsWith("HTTP/1.1 200 OK").contains("MessageId");
    }

    @Test
    void aContinueGoesAtOnceOnAConnectionWithNothingOwed() {
        EmbeddedChannel connection = connection();
        connection.writeInbound(bytes(sqs("CreateQueue", "{\"QueueName\":\"q\"}", "")));
        received(connection);

        connection.writeInbound(bytes(headersOnly(sqs("SendMessage",
                "{\"QueueUrl\":\"" + QUEUE_URL + "\",\"MessageBody\":\"x\"}", "Expect: 100-continue\r\n"))));

        assertThat(received(connection)).isEqualTo("HTTP/1.1 100 Continue\r\n\r\n");
    }

    private static String sqs(String operation, String json, String extraHeaders) {
        return "POST / HTTP/1.1\r\nHost: 127.0.0.1:4566\r\nContent-Type: application/x-amz-json-1.0\r\n"
                + "X-Amz-Target: AmazonSQS." + operation + "\r\n" + extraHeaders
                + "Content-Length: " + json.length() + "\r\n\r\n" + json;
    }

    private static String headersOnly(String request) {
        return request.substring(0, request.indexOf("\r\n\r\n") + 4);
    }

    private static ByteBuf bytes(String s) {
        return Unpooled.copiedBuffer(s, StandardCharsets.UTF_8);
    }

    private static String received(EmbeddedChannel channel) {
        StringBuilder all = new StringBuilder();
        for (ByteBuf buf; (buf = channel.readOutbound()) != null; ) {
            all.append(buf.toString(StandardCharsets.UTF_8));
            buf.release();
        }
        return all.toString();
    }
}
