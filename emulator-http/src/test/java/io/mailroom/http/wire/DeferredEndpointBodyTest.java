package io.mailroom.http.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A developer endpoint whose service is made by this very request reads its body once that is done. */
class DeferredEndpointBodyTest {
    @RegisterExtension
    static final WireServer server = new WireServer();

    @Test
    void theFirstInboundMailOfAFreshServerIsReadNotAnInternalFailure() {
        String body = "{}";
        RawHttp.Answer answer = RawHttp.exchange(server.port(), "POST /_mailroom/ses/inbound HTTP/1.1\r\nHost: a\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n",
                body.getBytes(StandardCharsets.US_ASCII));
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.body()).doesNotContain("InternalFailure");
    }
}
