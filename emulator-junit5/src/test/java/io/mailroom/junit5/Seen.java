package io.mailroom.junit5;

import io.mailroom.server.Mailroom;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * What a test run through {@link Engine} saw: which server it got and which queues were already there.
 * Each such test then creates a queue named after itself, so the next test shows whether state survived.
 */
record Seen(String test, Mailroom server, List<String> queues) {
    static final List<Seen> ALL = new CopyOnWriteArrayList<>();

    static void record(String test, Mailroom server, SqsClient sqs) {
        List<String> queues = sqs.listQueues().queueUrls().stream()
                .map(url -> url.substring(url.lastIndexOf('/') + 1)).sorted().toList();
        ALL.add(new Seen(test, server, queues));
        sqs.createQueue(b -> b.queueName(test));
    }

    static List<Seen> clear() {
        ALL.clear();
        return ALL;
    }
}
