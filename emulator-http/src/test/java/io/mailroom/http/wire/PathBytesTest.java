package io.mailroom.http.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A path label (an S3 key, an SES identity) is the UTF-8 its path's bytes spell, percent-encoded or not; bytes that spell none are refused. */
class PathBytesTest {
    @RegisterExtension
    static final WireServer server = new WireServer();

    @BeforeAll
    static void createBucket() {
        assertThat(send("PUT", "/bytes-bkt", "").status()).isEqualTo(200);
    }

    /** The path is written as ISO-8859-1, so a character below U+0100 goes as the one byte it is. */
    private static RawHttp.Answer send(String method, String path, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return RawHttp.exchange(server.port(), method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Length: " + bytes.length + "\r\n\r\n", bytes);
    }

    @Test
    void keysThatAreNotUtf8AreInvalidUrisNotOneKey() {
        RawHttp.Answer first = send("PUT", "/bytes-bkt/%AE%8A-", "first");
        assertThat(first.status()).isEqualTo(400);
        assertThat(first.body()).contains("<Code>InvalidURI</Code>", "<Message>Couldn't parse the specified URI.</Message>",
                "<URI>/bytes-bkt/%AE%8A-</URI>");
        assertThat(send("PUT", "/bytes-bkt/%FF%FE-", "second").status()).isEqualTo(400);
        assertThat(send("GET", "/bytes-bkt?list-type=2", "").body()).doesNotContain("<Key>");
    }

    @Test
    void rawUtf8InTheRequestLineIsTheSameKeyAsItsPercentEncoding() {
        String rawUtf8 = new String("café".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        assertThat(send("PUT", "/bytes-bkt/" + rawUtf8, "raw").status()).isEqualTo(200);

        RawHttp.Answer got = send("GET", "/bytes-bkt/caf%C3%A9", "");
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.body()).isEqualTo("raw");
        assertThat(send("GET", "/bytes-bkt?list-type=2&prefix=caf", "").body()).contains("<Key>café</Key>");
    }

    @Test
    void rawBytesThatAreNotUtf8AreInvalidUrisToo() {
        assertThat(send("PUT", "/bytes-bkt/caf\u00e9", "latin-1").status()).isEqualTo(400);
    }

    @Test
    void sesV2PathsThatAreNotUtf8AreBadRequests() {
        RawHttp.Answer answer = send("GET", "/v2/email/identities/%FF.example", "");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("x-amzn-ErrorType")).isEqualTo("BadRequestException");
    }

    @Test
    void aMalformedEscapeInAnS3PathIsAnInvalidUriInS3sShape() {
        RawHttp.Answer answer = send("GET", "/bytes-bkt/%zz", "");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("<Error><Code>InvalidURI</Code>", "<URI>/bytes-bkt/%zz</URI>")
                .doesNotContain("ErrorResponse", "MalformedQueryString");
    }
}
