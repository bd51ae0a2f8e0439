package io.mailroom.http.wire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A page may call the developer endpoints from any origin: their preflights pass, as SQS's do. */
class DeveloperEndpointPreflightTest {
    @RegisterExtension
    static final WireServer server = new WireServer();

    @ParameterizedTest
    @ValueSource(strings = {"/_aws/sqs/messages", "/_mailroom/health", "/_mailroom/api/queues", "/_localstack/health"})
    void preflightPasses(String path) {
        RawHttp.Answer answer = RawHttp.exchange(server.port(), "OPTIONS " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Origin: http://localhost:3000\r\nAccess-Control-Request-Method: POST\r\n"
                + "Access-Control-Request-Headers: content-type\r\nContent-Length: 0\r\n\r\n");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(answer.header("Access-Control-Allow-Methods")).contains("POST");
        assertThat(answer.header("Access-Control-Allow-Headers")).isEqualTo("content-type");
    }
}
