package io.mailroom.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.error.AwsException;
import io.mailroom.core.error.ErrorCode;
import io.mailroom.core.request.RequestContext;
import io.mailroom.core.service.Handler;
import io.mailroom.core.time.ServerClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Drives SqsService through its operation table with canonical JSON inputs, as the front end does. */
final class SqsHarness {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String ACCOUNT = "000000000000";
    static final String REGION = "us-east-1";
    static final String ENDPOINT = "http://localhost:4566";

    final ServerClock clock = ServerClock.manual(Instant.parse("2024-05-01T10:00:00Z"));
    final SqsService sqs = new SqsService(clock, clock);
    RequestContext ctx = new RequestContext(ACCOUNT, REGION, "req-1", ENDPOINT);

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
        CompletableFuture<ObjectNode> f = callAsync(operation, input);
        assertThat(f).as("%s answers at once", operation).isDone();
        try {
            return f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AwsException a) {
                throw a;
            }
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    ObjectNode call(String operation, String input) {
        return call(operation, json(input));
    }

    CompletableFuture<ObjectNode> callAsync(String operation, ObjectNode input) {
        Handler h = sqs.operations().find(operation).orElseThrow();
        if (h instanceof Handler.Sync s) {
            try {
                return CompletableFuture.completedFuture(s.handle(ctx, input));
            } catch (AwsException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        return ((Handler.Async) h).handle(ctx, input);
    }

    AwsException error(String operation, ObjectNode input) {
        AwsException e = catchThrowableOfType(AwsException.class, () -> call(operation, input));
        assertThat(e).as("%s fails", operation).isNotNull();
        return e;
    }

    AwsException error(String operation, String input) {
        return error(operation, json(input));
    }

    static void assertError(AwsException e, ErrorCode code, String messagePart) {
        assertThat(e.error()).isEqualTo(code);
        assertThat(e.getMessage()).contains(messagePart);
    }

    static AwsException failure(CompletableFuture<?> f) {
        try {
            f.join();
        } catch (CompletionException e) {
            return (AwsException) e.getCause();
        }
        throw new AssertionError("expected failure");
    }

    String createQueue(String name) {
        return call("CreateQueue", obj().put("QueueName", name)).get("QueueUrl").asText();
    }

    String createQueue(String name, String attributesJson) {
        ObjectNode in = obj().put("QueueName", name);
        in.set("Attributes", json(attributesJson));
        return call("CreateQueue", in).get("QueueUrl").asText();
    }

    String createFifo(String name, String... extra) {
        StringBuilder attrs = new StringBuilder("{'FifoQueue':'true'");
        for (int i = 0; i < extra.length; i += 2) {
            attrs.append(",'").append(extra[i]).append("':'").append(extra[i + 1]).append('\'');
        }
        return createQueue(name, attrs.append('}').toString());
    }

    ObjectNode send(String url, String body) {
        return call("SendMessage", obj().put("QueueUrl", url).put("MessageBody", body));
    }

    ObjectNode sendFifo(String url, String body, String group, String dedup) {
        return call("SendMessage", obj().put("QueueUrl", url).put("MessageBody", body)
                .put("MessageGroupId", group).put("MessageDeduplicationId", dedup));
    }

    /** ReceiveMessage with all system attributes; returns the Messages array (possibly empty). */
    JsonNode receive(String url, int max) {
        ObjectNode in = obj().put("QueueUrl", url).put("MaxNumberOfMessages", max).put("WaitTimeSeconds", 0);
        in.putArray("MessageSystemAttributeNames").add("All");
        in.putArray("MessageAttributeNames").add("All");
        return call("ReceiveMessage", in).path("Messages");
    }

    JsonNode receive(String url) {
        return receive(url, 10);
    }

    String attribute(String url, String name) {
        ObjectNode in = obj().put("QueueUrl", url);
        in.putArray("AttributeNames").add(name);
        JsonNode v = call("GetQueueAttributes", in).path("Attributes").get(name);
        return v == null ? null : v.asText();
    }

    void delete(String url, String receiptHandle) {
        call("DeleteMessage", obj().put("QueueUrl", url).put("ReceiptHandle", receiptHandle));
    }

    void advance(Duration d) {
        clock.advance(d);
    }

    void advanceSeconds(long s) {
        clock.advance(Duration.ofSeconds(s));
    }
}
