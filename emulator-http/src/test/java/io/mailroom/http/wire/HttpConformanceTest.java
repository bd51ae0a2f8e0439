package io.mailroom.http.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What HTTP/1.1 requires of a server before any AWS service is asked (RFC 9110, RFC 9112). */
class HttpConformanceTest {
    private static final String LIST = "Action=ListQueues";
    @RegisterExtension
    static final WireServer server = new WireServer();

    private static RawHttp.Answer post(String version, String headers) {
        return RawHttp.exchange(server.port(), "POST / " + version + "\r\n" + headers
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + LIST.length() + "\r\n\r\n",
                LIST.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void anHttp11RequestNeedsExactlyOneHost() {
        RawHttp.Answer none = post("HTTP/1.1", "");
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.body()).contains("<Code>BadRequest</Code>");
        assertThat(post("HTTP/1.1", "Host: a\r\nHost: b\r\n").status()).isEqualTo(400);
        assertThat(post("HTTP/1.1", "Host: a\r\n").status()).isEqualTo(200);
    }

    @Test
    void anHttp10RequestMayGoWithoutHostAndIsAnsweredInHttp11() {
        RawHttp.Answer answer = RawHttp.exchange(server.port(), "GET /_mailroom/health HTTP/1.0\r\n\r\n");
        assertThat(answer.statusLine()).isEqualTo("HTTP/1.1 200 OK");
        assertThat(answer.header("Connection")).isEqualToIgnoringCase("close");
    }

    @Test
    void anHttp10KeepAliveConnectionIsToldItServesOn() {
        try (RawHttp http = new RawHttp(server.port())) {
            for (int i = 0; i < 2; i++) {
                http.send("GET /_mailroom/health HTTP/1.0\r\nConnection: keep-alive\r\n\r\n", new byte[0]);
                RawHttp.Answer answer = http.read();
                assertThat(answer.statusLine()).isEqualTo("HTTP/1.1 200 OK");
                assertThat(answer.header("Connection")).isEqualToIgnoringCase("keep-alive");
            }
        }
    }

    @Test
    void anotherMinorVersionIsAnsweredInHttp11() {
        assertThat(post("HTTP/1.2", "Host: a\r\n").statusLine()).isEqualTo("HTTP/1.1 200 OK");
    }

    @Test
    void anotherMajorVersionIs505() {
        assertThat(post("HTTP/2.0", "Host: a\r\n").statusLine()).isEqualTo("HTTP/1.1 505 HTTP Version Not Supported");
        RawHttp.Answer preface = RawHttp.exchange(server.port(), "PRI * HTTP/2.0\r\n\r\n");
        assertThat(preface.status()).isEqualTo(505);
        assertThat(preface.header("Connection")).isEqualToIgnoringCase("close");
    }

    @Test
    void aTransferCodingOtherThanChunkedIs501() {
        String chunks = Integer.toHexString(LIST.length()) + "\r\n" + LIST + "\r\n0\r\n\r\n";
        RawHttp.Answer answer = RawHttp.exchange(server.port(), "POST / HTTP/1.1\r\nHost: a\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: gzip, chunked\r\n\r\n",
                chunks.getBytes(StandardCharsets.US_ASCII));
        assertThat(answer.status()).isEqualTo(501);
        assertThat(answer.body()).contains("<Code>NotImplemented</Code>");
        // The body cannot be framed, so nothing after it can be read as a request (RFC 9112 6.1).
        assertThat(answer.header("Connection")).isEqualToIgnoringCase("close");

        RawHttp.Answer chunked = RawHttp.exchange(server.port(), "POST / HTTP/1.1\r\nHost: a\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n",
                chunks.getBytes(StandardCharsets.US_ASCII));
        assertThat(chunked.status()).isEqualTo(200);
    }
}
