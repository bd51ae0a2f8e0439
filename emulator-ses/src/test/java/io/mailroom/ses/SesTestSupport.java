package io.mailroom.ses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.error.AwsException;
import io.mailroom.core.request.RequestContext;
import io.mailroom.core.service.AwsService;
import io.mailroom.core.service.Handler;
import io.mailroom.core.time.ServerClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;

/** Drives both SES services through their operation tables on a manual clock, with a fake SNS. */
abstract class SesTestSupport {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String ACCOUNT = "123456789012";
    static final String REGION = "us-east-1";
    static final RequestContext CTX = new RequestContext(ACCOUNT, REGION, "req-1", "http://localhost:4566");
    static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:ses-feedback";

    ServerClock clock;
    FakeTopics topics;
    FakeObjects objects;
    SesModule ses;

    @BeforeEach
    void start() {
        clock = ServerClock.manual(Instant.parse("2024-05-01T10:00:00Z"));
        topics = new FakeTopics();
        topics.create(TOPIC);
        objects = new FakeObjects();
        ses = SesModule.create(clock, clock, topics, objects, config());
    }

    SesConfig config() {
        return SesConfig.defaults();
    }

    ObjectNode v1(String operation, String json) {
        return call(ses.v1(), CTX, operation, json);
    }

    ObjectNode v2(String operation, String json) {
        return call(ses.v2(), CTX, operation, json);
    }

    static ObjectNode call(AwsService service, RequestContext ctx, String operation, String json) {
        Handler handler = service.operations().find(operation).orElseThrow(() ->
                new AssertionError("no operation " + operation));
        try {
            ObjectNode in = (ObjectNode) JSON.readTree(json.replace('\'', '"'));
            return ((Handler.Sync) handler).handle(ctx, in);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    void v1Fails(String operation, String json, String code, String message) {
        assertThatThrownBy(() -> v1(operation, json)).isInstanceOfSatisfying(AwsException.class, e -> {
            assertThat(e.error().code()).isEqualTo(code);
            assertThat(e.getMessage()).contains(message);
        });
    }

    /** The error a v1 call fails with, for assertions on its exact wording. */
    AwsException v1Error(String operation, String json) {
        AwsException e = catchThrowableOfType(() -> v1(operation, json), AwsException.class);
        assertThat(e).as("%s fails", operation).isNotNull();
        return e;
    }

    void v2Fails(String operation, String json, String type, int status, String message) {
        assertThatThrownBy(() -> v2(operation, json)).isInstanceOfSatisfying(AwsException.class, e -> {
            assertThat(e.error().type()).isEqualTo(type);
            assertThat(e.error().status()).isEqualTo(status);
            assertThat(e.getMessage()).contains(message);
        });
    }

    void verifyEmail(String address) {
        v1("VerifyEmailIdentity", "{'EmailAddress':'" + address + "'}");
    }

    String sendV1(String from, String to, String subject, String text) {
        return v1("SendEmail", "{'Source':'" + from + "','Destination':{'ToAddresses':['" + to + "']},"
                + "'Message':{'Subject':{'Data':'" + subject + "'},'Body':{'Text':{'Data':'" + text + "'}}}}")
                .get("MessageId").asText();
    }

    static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    static String js(String value) {
        try {
            return JSON.writeValueAsString(value).replace('"', '\'') ;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String raw(String messageId) {
        return new String(ses.rawMessage(messageId).orElseThrow(), StandardCharsets.UTF_8);
    }

    /**
     * SES's JSON notifications and events on the topic, in order; the plain-text validation message a new SNS
     * event destination publishes is left out (see {@link FakeTopics#publications}).
     */
    List<JsonNode> published(String topicArn) {
        return topics.messages(topicArn).stream().filter(m -> m.startsWith("{")).map(m -> {
            try {
                return JSON.readTree(m);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
