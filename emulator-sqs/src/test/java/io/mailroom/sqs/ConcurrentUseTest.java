package io.mailroom.sqs;

import static io.mailroom.sqs.SqsHarness.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.error.AwsException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Several threads use the same queues at once, as several event loops, the clock's timer and SNS
 * deliveries do in the server, while another thread moves the manual clock (visibility timeouts lapse,
 * delays end, long polls time out, redrive moves messages). Whatever the interleaving, no message is lost
 * or doubled, the counters agree with what a drain finds, and a FIFO queue still hands each group out in
 * order.
 */
class ConcurrentUseTest {
    private static final int WORKERS = 4;
    private static final int STEPS = 1_500;
    private static final int MAX_RECEIVES = 3;

    private final SqsHarness h = new SqsHarness();
    private final Set<String> sent = ConcurrentHashMap.newKeySet();
    private final Set<String> deleteAttempted = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> errors = new ConcurrentHashMap<>();

    @Test
    void noMessageIsLostOrDoubledWhateverTheInterleaving() throws Exception {
        String dlq = h.createQueue("dlq");
        String fifoDlq = h.createFifo("dlq.fifo");
        String standard = h.createQueue("work", "{'VisibilityTimeout':'1','RedrivePolicy':'" + redrive(dlq) + "'}");
        String fifo = h.createFifo("work.fifo", "ContentBasedDeduplication", "true", "VisibilityTimeout", "1",
                "RedrivePolicy", redrive(fifoDlq));

        AtomicBoolean working = new AtomicBoolean(true);
        Thread clock = new Thread(() -> {
            while (working.get()) {
                h.advance(Duration.ofMillis(100));
                Thread.yield();
            }
        }, "test-clock");
        clock.start();
        List<Throwable> failures = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(WORKERS);
        for (int w = 0; w < WORKERS; w++) {
            Random random = new Random(w);
            String prefix = "w" + w + "-";
            Thread t = new Thread(() -> {
                try {
                    for (int step = 0; step < STEPS; step++) {
                        step(random, random.nextBoolean() ? standard : fifo, prefix + step);
                    }
                } catch (Throwable e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                } finally {
                    done.countDown();
                }
            }, "test-worker-" + w);
            t.setDaemon(true);
            t.start();
        }
        boolean finished = done.await(60, TimeUnit.SECONDS);
        working.set(false);
        clock.join();
        assertThat(finished).as("every worker finished").isTrue();
        assertThat(failures).isEmpty();
        assertThat(errors.keySet()).as("errors answered to the workers")
                .isSubsetOf("ReceiptHandleIsInvalid", "MessageNotInflight", "InvalidParameterValue");

        h.advanceSeconds(60); // every visibility timeout and delay has ended
        Map<String, String> counted = new HashMap<>();
        for (String url : List.of(standard, fifo, dlq, fifoDlq)) {
            counted.put(url, h.attribute(url, "ApproximateNumberOfMessages"));
            assertThat(h.attribute(url, "ApproximateNumberOfMessagesNotVisible")).isEqualTo("0");
            assertThat(h.attribute(url, "ApproximateNumberOfMessagesDelayed")).isEqualTo("0");
        }
        List<JsonNode> left = drain(standard);
        List<JsonNode> leftFifo = drain(fifo);
        // Draining receives once more, which can move a message at its limit to the dead-letter queue.
        List<JsonNode> dead = drain(dlq);
        List<JsonNode> deadFifo = drain(fifoDlq);

        assertThat(left.size() + dead.size() + leftFifo.size() + deadFifo.size())
                .isEqualTo(Integer.parseInt(counted.get(standard)) + Integer.parseInt(counted.get(dlq))
                        + Integer.parseInt(counted.get(fifo)) + Integer.parseInt(counted.get(fifoDlq)));
        Set<String> found = new HashSet<>();
        for (List<JsonNode> messages : List.of(left, dead, leftFifo, deadFifo)) {
            for (JsonNode m : messages) {
                assertThat(found.add(m.get("Body").asText())).as("%s found once", m.get("Body").asText()).isTrue();
            }
        }
        assertThat(sent).as("every message acknowledged is somewhere").allMatch(
                body -> found.contains(body) || deleteAttempted.contains(body));
        assertThat(found).as("nothing that was not sent").allMatch(sent::contains);
        assertInGroupOrder(leftFifo);
        for (String url : List.of(standard, fifo, dlq, fifoDlq)) {
            assertThat(h.attribute(url, "ApproximateNumberOfMessages")).isEqualTo("0");
        }
    }

    private String redrive(String dlqUrl) {
        String arn = h.attribute(dlqUrl, "QueueArn");
        return "{\\\"deadLetterTargetArn\\\":\\\"" + arn + "\\\",\\\"maxReceiveCount\\\":" + MAX_RECEIVES + "}";
    }

    private void step(Random random, String url, String name) throws Exception {
        boolean isFifo = url.endsWith(".fifo");
        double roll = random.nextDouble();
        if (roll < 0.2) {
            ObjectNode in = obj().put("QueueUrl", url).put("MessageBody", name);
            if (isFifo) {
                in.put("MessageGroupId", "g" + random.nextInt(4));
            } else {
                in.put("DelaySeconds", random.nextInt(3) == 0 ? 1 : 0);
            }
            h.call("SendMessage", in);
            sent.add(name);
        } else if (roll < 0.4) {
            ObjectNode in = obj().put("QueueUrl", url);
            ArrayNode entries = in.putArray("Entries");
            int n = 1 + random.nextInt(10);
            for (int i = 0; i < n; i++) {
                ObjectNode e = entries.addObject().put("Id", "e" + i).put("MessageBody", name + "-" + i);
                if (isFifo) {
                    e.put("MessageGroupId", "g" + random.nextInt(4));
                }
            }
            for (JsonNode ok : h.call("SendMessageBatch", in).path("Successful")) {
                sent.add(name + "-" + ok.get("Id").asText().substring(1));
            }
        } else {
            receiveAndHandle(random, url);
        }
    }

    private void receiveAndHandle(Random random, String url) throws Exception {
        ObjectNode in = obj().put("QueueUrl", url).put("MaxNumberOfMessages", 1 + random.nextInt(10))
                .put("WaitTimeSeconds", random.nextInt(8) == 0 ? 1 : 0);
        in.putArray("MessageSystemAttributeNames").add("All");
        JsonNode messages = h.callAsync("ReceiveMessage", in).get(30, TimeUnit.SECONDS).path("Messages");
        if (messages.isEmpty()) {
            return;
        }
        assertInGroupOrder(list(messages));
        double roll = random.nextDouble();
        try {
            if (roll < 0.3) {
                for (JsonNode m : messages) {
                    deleteAttempted.add(m.get("Body").asText());
                    h.delete(url, m.get("ReceiptHandle").asText());
                }
            } else if (roll < 0.6) {
                batch(url, "DeleteMessageBatch", messages, random, false);
            } else if (roll < 0.8) {
                batch(url, "ChangeMessageVisibilityBatch", messages, random, true);
            } else if (roll < 0.9) {
                JsonNode m = messages.get(0);
                h.call("ChangeMessageVisibility", obj().put("QueueUrl", url)
                        .put("ReceiptHandle", m.get("ReceiptHandle").asText()).put("VisibilityTimeout", random.nextInt(3)));
            } // else: the visibility timeout lapses
        } catch (AwsException e) {
            errors.merge(e.error().code(), 1, Integer::sum);
        }
    }

    private void batch(String url, String operation, JsonNode messages, Random random, boolean visibility) {
        ObjectNode in = obj().put("QueueUrl", url);
        ArrayNode entries = in.putArray("Entries");
        int i = 0;
        for (JsonNode m : messages) {
            ObjectNode e = entries.addObject().put("Id", "m" + i++).put("ReceiptHandle", m.get("ReceiptHandle").asText());
            if (visibility) {
                e.put("VisibilityTimeout", random.nextInt(3));
            } else {
                deleteAttempted.add(m.get("Body").asText());
            }
        }
        for (JsonNode failed : h.call(operation, in).path("Failed")) {
            errors.merge(failed.get("Code").asText(), 1, Integer::sum);
        }
    }

    private List<JsonNode> drain(String url) {
        List<JsonNode> all = new ArrayList<>();
        while (true) {
            JsonNode messages = h.receive(url, 10);
            if (messages.isEmpty()) {
                return all;
            }
            for (JsonNode m : messages) {
                all.add(m);
                h.delete(url, m.get("ReceiptHandle").asText());
            }
        }
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    /** Within one answer, or one drain, a group's messages come in the order they were sent. */
    private static void assertInGroupOrder(List<JsonNode> messages) {
        Map<String, BigInteger> last = new HashMap<>();
        for (JsonNode m : messages) {
            JsonNode group = m.at("/Attributes/MessageGroupId");
            if (group.isMissingNode()) {
                continue;
            }
            BigInteger sequence = new BigInteger(m.at("/Attributes/SequenceNumber").asText());
            BigInteger before = last.put(group.asText(), sequence);
            assertThat(before == null || before.compareTo(sequence) < 0).as("group %s in order", group.asText()).isTrue();
        }
    }
}
