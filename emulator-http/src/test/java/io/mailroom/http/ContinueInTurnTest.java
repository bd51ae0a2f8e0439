package io.mailroom.http;

import static io.mailroom.http.EmbeddedServer.bytes;
import static io.mailroom.http.EmbeddedServer.received;
import static org.assertj.core.api.Assertions.assertThat;

import io.mailroom.core.time.ServerClock;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code 100 Continue} is the interim answer of the request it follows the answers of: sent ahead of an earlier
 * pipelined request's answer, the client would take it as that request's.
 */
class ContinueInTurnTest {
    private static final String QUEUE_URL = "http://127.0.0.1:4566/000000000000/q";

    @RegisterExtension
    final EmbeddedServer server = new EmbeddedServer();
    private final ServerClock clock = server.clock;

    @Test
    void aContinueWaitsForTheAnswersBeforeIt() {
        EmbeddedChannel connection = server.connection();
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
        EmbeddedChannel connection = server.connection();
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
}
