package io.mailroom.http.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A request target in absolute form is routed as its path, with its authority as the Host (RFC 9112 3.2.2). */
class AbsoluteFormTargetTest {
    @RegisterExtension
    static final WireServer server = new WireServer();

    private static RawHttp.Answer send(String method, String target, String host, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return RawHttp.exchange(server.port(), method + " " + target + " HTTP/1.1\r\nHost: " + host + "\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + bytes.length + "\r\n\r\n",
                bytes);
    }

    @Test
    void aDeveloperEndpointAnswersAtItsAbsoluteUrl() {
        RawHttp.Answer health = send("GET", "http://127.0.0.1:" + server.port() + "/_mailroom/health",
                "127.0.0.1", "");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).contains("\"sqs\": \"running\"");
    }

    @Test
    void theQueuePathOfAnAbsoluteTargetNamesTheQueue() {
        send("POST", "/", "127.0.0.1", "Action=CreateQueue&QueueName=absolute-q");
        RawHttp.Answer sent = send("POST", "HTTP://127.0.0.1:" + server.port() + "/000000000000/absolute-q",
                "127.0.0.1", "Action=SendMessage&MessageBody=hello");
        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.body()).contains("<MD5OfMessageBody>5d41402abc4b2a76b9719d911017c592</MD5OfMessageBody>");
    }

    @Test
    void theTargetsAuthorityStandsForTheHostHeader() {
        RawHttp.Answer created = send("POST", "http://queues.example:4566?Action=CreateQueue&QueueName=absolute-host",
                "ignored.example", "");
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.body()).contains("<QueueUrl>http://queues.example:4566/000000000000/absolute-host</QueueUrl>");
    }
}
