package io.mailroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailroom.server.Mailroom;
import io.mailroom.server.ServerConfig;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pipelined requests on a server of their own, fresh: S3 is made by the first request that needs it, and a
 * connection's requests are served in turn however they arrive.
 */
class PipeliningIT {
    private Mailroom server;

    @BeforeEach
    void start() {
        server = Mailroom.start(ServerConfig.defaults().withPort(0).withSmtpPort(-1));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aBucketCreatedByOnePipelinedRequestIsThereForTheNext() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write((request("PUT", "/bkt0", 0) + request("GET", "/bkt0", 0))
                    .getBytes(StandardCharsets.US_ASCII));

            String answers = readUntil(socket.getInputStream(), "</ListBucketResult>");

            assertThat(answers.split("(?=HTTP/1\\.1 \\d{3} )")).satisfiesExactly(
                    created -> assertThat(created).startsWith("HTTP/1.1 200"),
                    listed -> assertThat(listed).startsWith("HTTP/1.1 200").contains("<Name>bkt0</Name>"));
        }
    }

    /** Before, every answer was queued (as direct memory) for a client that read none, and the loop froze. */
    @Test
    void aClientThatPipelinesAndNeverReadsDoesNotHoldUpOtherConnections() throws Exception {
        int size = 4 * 1024 * 1024;
        try (Socket writer = new Socket("127.0.0.1", server.port())) {
            writer.setSoTimeout(10_000);
            OutputStream out = writer.getOutputStream();
            out.write(request("PUT", "/big", 0).getBytes(StandardCharsets.US_ASCII));
            readUntil(writer.getInputStream(), "HTTP/1.1 200 OK");
            out.write(request("PUT", "/big/object", size).getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[size]);
            readUntil(writer.getInputStream(), "HTTP/1.1 200 OK");
        }
        try (Socket greedy = new Socket("127.0.0.1", server.port());
             Socket other = new Socket("127.0.0.1", server.port())) {
            greedy.getOutputStream().write(request("GET", "/big/object", 0).repeat(2_000)
                    .getBytes(StandardCharsets.US_ASCII));

            other.setSoTimeout(10_000);
            other.getOutputStream().write(request("GET", "/big", 0).getBytes(StandardCharsets.US_ASCII));

            assertThat(readUntil(other.getInputStream(), "</ListBucketResult>")).startsWith("HTTP/1.1 200")
                    .contains("<Key>object</Key>");
        }
    }

    private static String request(String method, String path, int contentLength) {
        return method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + contentLength + "\r\n\r\n";
    }

    /** Reads until every one of {@code marks} has been seen, in order. */
    private static String readUntil(InputStream in, String... marks) throws java.io.IOException {
        StringBuilder seen = new StringBuilder();
        byte[] buf = new byte[8192];
        int from = 0;
        for (String mark : marks) {
            int at;
            while ((at = seen.indexOf(mark, from)) < 0) {
                int n = in.read(buf);
                assertThat(n).as("read so far: %s", seen).isPositive();
                seen.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
            }
            from = at + mark.length();
        }
        return seen.toString();
    }
}
