package io.mailroom.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.delivery.MessageAttribute;
import io.mailroom.core.delivery.QueueMessage;
import io.mailroom.core.delivery.QueueSink;
import io.mailroom.core.delivery.TopicPublisher;
import io.mailroom.core.error.AwsException;
import io.mailroom.core.error.ErrorCode;
import io.mailroom.core.request.RequestContext;
import io.mailroom.core.service.Handler;
import io.mailroom.core.time.ServerClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Drives S3Service through its operation table with canonical trees, as the front end does. */
final class S3Harness {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String ACCOUNT = "000000000000";
    static final String REGION = "us-east-1";
    static final Instant START = Instant.parse("2024-05-01T10:00:00.250Z");

    final ServerClock clock = ServerClock.manual(START);
    final FakeQueues queues = new FakeQueues();
    final FakeTopics topics = new FakeTopics();
    final S3Service s3 = new S3Service(clock, clock, queues, topics);
    RequestContext ctx = new RequestContext(ACCOUNT, REGION, "req-1", "http://localhost:4566");

    static ObjectNode json(String text) {
        try {
            return (ObjectNode) JSON.readTree(text.replace('\'', '"'));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    static ObjectNode obj() {
        return JSON.createObjectNode();
    }

    ObjectNode call(String operation, ObjectNode input) {
        Handler h = s3.operations().find(operation).orElseThrow();
        assertThat(h).as(operation).isInstanceOf(Handler.Sync.class);
        return ((Handler.Sync) h).handle(ctx, input);
    }

    AwsException error(String operation, ObjectNode input) {
        AwsException e = catchThrowableOfType(AwsException.class, () -> call(operation, input));
        assertThat(e).as("%s should fail", operation).isNotNull();
        return e;
    }

    void assertError(ErrorCode expected, String operation, ObjectNode input) {
        AwsException e = error(operation, input);
        assertThat(e.error()).isEqualTo(expected);
    }

    void createBucket(String name) {
        call("CreateBucket", obj().put("Bucket", name));
    }

    ObjectNode put(String bucket, String key, String body) {
        return call("PutObject", obj().put("Bucket", bucket).put("Key", key).put("Body", bytes(body)));
    }

    ObjectNode get(String bucket, String key) {
        return call("GetObject", obj().put("Bucket", bucket).put("Key", key));
    }

    static String body(ObjectNode out) {
        try {
            return new String(out.get("Body").binaryValue(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    void advanceSeconds(long seconds) {
        clock.advance(Duration.ofSeconds(seconds));
    }

    /** Records what S3 sends to queues; queues exist once added. */
    static final class FakeQueues implements QueueSink {
        final Set<String> existing = new HashSet<>();
        final Set<String> fifo = new HashSet<>();
        final List<Map.Entry<String, QueueMessage>> sent = new ArrayList<>();
        /** Makes send fail as SQS does for a queue deleted since the configuration was set. */
        boolean failing;

        @Override
        public String send(String queueArn, QueueMessage message) {
            if (failing) {
                throw new AwsException(new ErrorCode("QueueDoesNotExist", "AWS.SimpleQueueService.NonExistentQueue",
                        400, io.mailroom.core.error.Fault.SENDER), "The specified queue does not exist.");
            }
            sent.add(Map.entry(queueArn, message));
            return "m" + sent.size();
        }

        @Override
        public boolean exists(String queueArn) {
            return existing.contains(queueArn);
        }

        @Override
        public boolean isFifo(String queueArn) {
            return fifo.contains(queueArn);
        }

        List<JsonNode> bodies(String arn) {
            List<JsonNode> out = new ArrayList<>();
            sent.stream().filter(e -> e.getKey().equals(arn)).forEach(e -> {
                try {
                    out.add(JSON.readTree(e.getValue().body()));
                } catch (JsonProcessingException ex) {
                    throw new IllegalStateException(ex);
                }
            });
            return out;
        }
    }

    /** Records what S3 publishes to topics; topics exist once added. */
    static final class FakeTopics implements TopicPublisher {
        record Published(String topicArn, String subject, String message) {
        }

        final Set<String> existing = new HashSet<>();
        final List<Published> published = new ArrayList<>();

        @Override
        public String publish(String topicArn, String subject, String message, Map<String, MessageAttribute> attributes) {
            published.add(new Published(topicArn, subject, message));
            return "p" + published.size();
        }

        @Override
        public boolean exists(String topicArn) {
            return existing.contains(topicArn);
        }
    }
}
