package io.mailroom.http.wire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A request line or header section over the limit has HTTP's status for it, and S3's error shape where S3's. */
class OversizedHeadTest {
    private static final String LONG = "a".repeat(70 * 1024);
    @RegisterExtension
    static final WireServer server = new WireServer();

    @Test
    void aRequestLineOverTheLimitIs414() {
        RawHttp.Answer answer = RawHttp.exchange(server.port(), "GET /bkt/" + LONG + " HTTP/1.1\r\nHost: a\r\n\r\n");
        assertThat(answer.status()).isEqualTo(414);
        assertThat(answer.header("Connection")).isEqualToIgnoringCase("close");
    }

    @Test
    void aHeaderSectionOverTheLimitIs431AndS3s400InItsShape() {
        RawHttp.Answer s3 = RawHttp.exchange(server.port(), "GET /bkt/key HTTP/1.1\r\nHost: a\r\nX-Big: " + LONG
                + "\r\n\r\n");
        assertThat(s3.status()).isEqualTo(400);
        assertThat(s3.body()).startsWith("<?xml").contains("<Error><Code>RequestHeaderSectionTooLarge</Code>",
                        "<MaxSizeAllowed>65536</MaxSizeAllowed>")
                .doesNotContain("<ErrorResponse");

        RawHttp.Answer query = RawHttp.exchange(server.port(), "POST / HTTP/1.1\r\nHost: a\r\nX-Big: " + LONG
                + "\r\n\r\n");
        assertThat(query.status()).isEqualTo(431);
        assertThat(query.body()).contains("<ErrorResponse", "<Code>RequestHeaderSectionTooLarge</Code>");
    }
}
