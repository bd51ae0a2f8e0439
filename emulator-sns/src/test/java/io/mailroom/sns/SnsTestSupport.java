package io.mailroom.sns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.error.AwsException;
import io.mailroom.core.request.RequestContext;
import io.mailroom.core.service.Handler;
import io.mailroom.core.time.ServerClock;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;

/** Drives SnsService through its operation table on a manual clock, with fake queues and web. */
abstract class SnsTestSupport {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String ACCOUNT = "123456789012";
    static final String REGION = "us-east-1";
    static final RequestContext CTX = new RequestContext(ACCOUNT, REGION, "req-1", "http://localhost:4566");
    static final String QUEUE = "arn:aws:sqs:us-east-1:123456789012:q1";
    /** RSA key generation is slow; one key pair serves every test. */
    static final io.mailroom.sns.signing.SigningKeys KEYS =
            io.mailroom.sns.signing.SigningKeys.generate(Instant.parse("2024-05-01T10:00:00Z").toEpochMilli());

    ServerClock clock;
    FakeQueues queues;
    FakeHttp http;
    SnsService sns;

    @BeforeEach
    void start() {
        clock = ServerClock.manual(Instant.parse("2024-05-01T10:00:00Z"));
        queues = new FakeQueues();
        http = new FakeHttp(clock);
        sns = new SnsService(clock, clock, queues, http, null, KEYS);
        queues.create(QUEUE);
    }

    ObjectNode call(String operation, String json) {
        return call(CTX, operation, json);
    }

    ObjectNode call(RequestContext ctx, String operation, String json) {
        Handler handler = sns.operations().find(operation).orElseThrow();
        try {
            ObjectNode in = (ObjectNode) JSON.readTree(json.replace('\'', '"'));
            return ((Handler.Sync) handler).handle(ctx, in);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Asserts the call fails with this Query code and a message containing {@code message}. */
    void fails(String operation, String json, String code, String message) {
        assertThatThrownBy(() -> call(operation, json)).isInstanceOfSatisfying(AwsException.class, e -> {
            assertThat(e.error().code()).isEqualTo(code);
            assertThat(e.getMessage()).contains(message);
        });
    }

    /** The whole message of the InvalidParameter a call fails with. */
    String invalidParameter(String operation, String json) {
        AwsException e = catchThrowableOfType(() -> call(operation, json), AwsException.class);
        assertThat(e).as("%s should fail", operation).isNotNull();
        assertThat(e.error().code()).isEqualTo("InvalidParameter");
        return e.getMessage();
    }

    String createTopic(String name) {
        return call("CreateTopic", "{'Name':'" + name + "'}").get("TopicArn").asText();
    }

    String subscribe(String topicArn, String protocol, String endpoint) {
        return call("Subscribe", "{'TopicArn':'" + topicArn + "','Protocol':'" + protocol + "','Endpoint':'"
                + endpoint + "','ReturnSubscriptionArn':true}").get("SubscriptionArn").asText();
    }

    /** A JSON string literal (for values that are themselves JSON documents). */
    static String js(String value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /**
     * Verifies a message's signature the way AWS documents for subscribers: the certificate from
     * SigningCertURL, the listed fields as "Name\nValue\n" in order, SHA1withRSA for version 1 and
     * SHA256withRSA for version 2. Written independently of the service's signer.
     */
    boolean verifies(JsonNode message) throws Exception {
        assertThat(message.get("SigningCertURL").asText()).isEqualTo("http://localhost:4566/_aws/sns/SimpleNotificationService-mailroom.pem");
        X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(sns.signingCertificatePem()));
        String type = message.get("Type").asText();
        List<String> keys = type.equals("Notification")
                ? List.of("Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type")
                : List.of("Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type");
        StringBuilder toSign = new StringBuilder();
        for (String key : keys) {
            if (message.has(key)) {
                toSign.append(key).append('\n').append(message.get(key).asText()).append('\n');
            }
        }
        String algorithm = message.get("SignatureVersion").asText().equals("1") ? "SHA1withRSA" : "SHA256withRSA";
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(cert.getPublicKey());
        verifier.update(toSign.toString().getBytes(StandardCharsets.UTF_8));
        return verifier.verify(Base64.getDecoder().decode(message.get("Signature").asText()));
    }
}
