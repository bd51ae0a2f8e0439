package io.mailroom.junit5;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One look at a queue: its messages, or why it could not be read (the queue does not exist yet, the
 * server is gone). Renders itself for failure messages.
 */
record QueueSnapshot(String queue, List<QueueMessage> messages, String problem) {
    private static final int MAX_LISTED = 20;
    private static final int MAX_BODY = 200;

    QueueSnapshot {
        messages = List.copyOf(messages);
    }

    static QueueSnapshot of(String queue, List<QueueMessage> messages) {
        return new QueueSnapshot(queue, messages, null);
    }

    static QueueSnapshot unreadable(String queue, String problem) {
        return new QueueSnapshot(queue, List.of(), problem);
    }

    /** What was there, one message a line, for a test's failure message. */
    String describe() {
        if (problem != null) {
            return "The queue could not be read: " + problem;
        }
        if (messages.isEmpty()) {
            return "The queue was empty.";
        }
        StringBuilder out = new StringBuilder("The queue held ").append(messages.size())
                .append(messages.size() == 1 ? " message:" : " messages:");
        for (int i = 0; i < Math.min(messages.size(), MAX_LISTED); i++) {
            out.append("\n  ").append(i + 1).append(". ").append(describe(messages.get(i)));
        }
        if (messages.size() > MAX_LISTED) {
            out.append("\n  ... and ").append(messages.size() - MAX_LISTED).append(" more");
        }
        return out.toString();
    }

    private static String describe(QueueMessage m) {
        StringBuilder line = new StringBuilder("[").append(m.state()).append("] body ").append(quote(m.body()));
        if (!m.messageAttributes().isEmpty()) {
            line.append(" attributes ").append(sorted(m.messageAttributes()));
        }
        String group = m.attributes().get("MessageGroupId");
        if (group != null) {
            line.append(" group ").append(quote(group));
        }
        return line.append(" (id ").append(m.messageId()).append(')').toString();
    }

    private static String sorted(Map<String, MessageAttribute> attributes) {
        return attributes.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", ", "{", "}"));
    }

    private static String quote(String text) {
        String shown = text.length() > MAX_BODY ? text.substring(0, MAX_BODY) + "..." : text;
        return '"' + shown.replace("\n", "\\n") + '"';
    }
}
