package io.mailroom.http.wire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A Query form is a form whatever the case of its media type (RFC 9110 8.3.1). */
class FormMediaTypeTest {
    @RegisterExtension
    static final WireServer server = new WireServer();

    @ParameterizedTest
    @ValueSource(strings = {"application/x-www-form-urlencoded", "Application/X-WWW-Form-Urlencoded",
            "APPLICATION/X-WWW-FORM-URLENCODED; charset=utf-8"})
    void aFormInAnyCaseIsRead(String contentType) {
        String body = "Action=ListQueues";
        RawHttp.Answer answer = RawHttp.exchange(server.port(), "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: " + contentType + "\r\nContent-Length: " + body.length() + "\r\n\r\n",
                body.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("<ListQueuesResponse");
    }
}
