package io.mailroom.http;

import static io.mailroom.http.EmbeddedServer.bytes;
import static io.mailroom.http.EmbeddedServer.received;
import static org.assertj.core.api.Assertions.assertThat;

import io.mailroom.server.ServiceSet;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A request the client stopped sending midway is answered 400 RequestTimeout after about 20 seconds without a
 * byte, as S3 does, and its connection closed; connections idle between requests, or waiting for an answer, stay.
 * Time is the embedded channel's, moved by the test.
 */
class RequestTimeoutTest {
    private static final String QUEUE_URL = "http://127.0.0.1:4566/000000000000/q";

    @RegisterExtension
    final EmbeddedServer server = new EmbeddedServer();
    private final ServiceSet services = server.services;

    private EmbeddedChannel connection() {
        services.s3(); // made now: made on first use, it would answer from a thread of its own
        EmbeddedChannel channel = server.connection();
        channel.freezeTime();
        return channel;
    }

    @Test
    void aBodyThatStopsComingIsAnsweredRequestTimeoutInS3sShape() {
        EmbeddedChannel connection = connection();
        connection.writeInbound(bytes("PUT /bkt1 HTTP/1.1\r\nHost: 127.0.0.1:4566\r\nContent-Length: 0\r\n\r\n"));
        assertThat(received(connection)).startsWith("HTTP/1.1 200");

        connection.writeInbound(bytes("PUT /bkt1/slow HTTP/1.1\r\nHost: 127.0.0.1:4566\r\nContent-Length: 10\r\n\r\nhello"));
        pass(connection, 18);
        assertThat(received(connection)).as("still within the timeout").isEmpty();
        assertThat(connection.isOpen()).isTrue();

        pass(connection, 4);

        assertThat(received(connection)).startsWith("HTTP/1.1 400 Bad Request").containsIgnoringCase("connection: close")
                .contains("<Error><Code>RequestTimeout</Code><Message>Your socket connection to the server was not read"
                        + " from or written to within the timeout period. Idle connections will be closed.</Message>");
        assertThat(connection.isOpen()).isFalse();
    }

    @Test
    void aBodyStillComingSlowlyIsWaitedFor() {
        EmbeddedChannel connection = connection();
        connection.writeInbound(bytes(sqsHead("ListQueues", 4)));
        for (String part : List.of("{", " ", "}")) {
            pass(connection, 16);
            connection.writeInbound(bytes(part));
        }
        pass(connection, 16);
        connection.writeInbound(bytes(" "));

        assertThat(received(connection)).startsWith("HTTP/1.1 200");
        assertThat(connection.isOpen()).isTrue();
    }

    @Test
    void aRequestLineThatNeverEndsIsAnsweredABare400() {
        EmbeddedChannel connection = connection();
        connection.writeInbound(bytes("GET /_mailroom/hea"));

        pass(connection, 22);

        assertThat(received(connection)).startsWith("HTTP/1.1 400 Bad Request").containsIgnoringCase("connection: close")
                .containsIgnoringCase("content-length: 0");
        assertThat(connection.isOpen()).isFalse();
    }

    @Test
    void connectionsIdleBetweenRequestsOrWaitingForALongPollStayOpen() {
        EmbeddedChannel idle = connection();
        String create = "{\"QueueName\":\"q\"}";
        idle.writeInbound(bytes(sqsHead("CreateQueue", create.length()) + create.substring(0, 5)));
        idle.writeInbound(bytes(create.substring(5)));
        assertThat(received(idle)).startsWith("HTTP/1.1 200");

        EmbeddedChannel polling = connection();
        String receive = "{\"QueueUrl\":\"" + QUEUE_URL + "\",\"WaitTimeSeconds\":20}";
        polling.writeInbound(bytes(sqsHead("ReceiveMessage", receive.length()) + receive));

        pass(idle, 120);
        pass(polling, 30);

        assertThat(received(idle)).isEmpty();
        assertThat(idle.isOpen()).isTrue();
        assertThat(received(polling)).isEmpty();
        assertThat(polling.isOpen()).isTrue();
    }

    @Test
    void aConnectionServingOnAfterAnOversizedBodyIsNotTimedOutWhileIdle() {
        services.s3();
        EmbeddedChannel connection = new EmbeddedChannel();
        HttpServer.configure(connection.pipeline(), 100, server.dispatcher, new DateHeader(server.clock));
        connection.freezeTime();
        connection.writeInbound(bytes("PUT /bkt1 HTTP/1.1\r\nHost: 127.0.0.1:4566\r\nContent-Length: 0\r\n\r\n"));
        assertThat(received(connection)).startsWith("HTTP/1.1 200");

        connection.writeInbound(bytes("PUT /bkt1/big HTTP/1.1\r\nHost: 127.0.0.1:4566\r\nContent-Length: 200\r\n\r\n"));
        assertThat(received(connection)).startsWith("HTTP/1.1 413");
        connection.writeInbound(bytes("x".repeat(200)));
        pass(connection, 40);

        assertThat(received(connection)).as("the dropped body ended the request").isEmpty();
        assertThat(connection.isOpen()).isTrue();
    }

    /** Moves the connection's time on by {@code seconds}, running its checks as they fall due. */
    private static void pass(EmbeddedChannel channel, int seconds) {
        for (int i = 0; i < seconds; i++) {
            channel.advanceTimeBy(1, TimeUnit.SECONDS);
            channel.runScheduledPendingTasks();
        }
    }

    private static String sqsHead(String operation, int contentLength) {
        return "POST / HTTP/1.1\r\nHost: 127.0.0.1:4566\r\nContent-Type: application/x-amz-json-1.0\r\n"
                + "X-Amz-Target: AmazonSQS." + operation + "\r\nContent-Length: " + contentLength + "\r\n\r\n";
    }
}
