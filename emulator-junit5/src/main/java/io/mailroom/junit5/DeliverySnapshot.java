package io.mailroom.junit5;

import java.util.List;

/**
 * One look at SNS's HTTP/HTTPS deliveries: every subscription with its deliveries (oldest first), or why
 * they could not be read. Renders what it saw for one endpoint for failure messages.
 */
record DeliverySnapshot(List<Subscription> subscriptions, String problem) {
    private static final int MAX_LISTED = 20;

    /** An HTTP/HTTPS subscription; {@code deliveries} exclude its SubscriptionConfirmation. */
    record Subscription(String topicArn, String arn, String endpoint, boolean pending, List<Seen> deliveries) {
        Subscription {
            deliveries = List.copyOf(deliveries);
        }
    }

    /** A delivery with why its last attempt failed (null if it did not). */
    record Seen(HttpDelivery delivery, String lastError) {
    }

    DeliverySnapshot {
        subscriptions = List.copyOf(subscriptions);
    }

    static DeliverySnapshot of(List<Subscription> subscriptions) {
        return new DeliverySnapshot(subscriptions, null);
    }

    static DeliverySnapshot unreadable(String problem) {
        return new DeliverySnapshot(List.of(), problem);
    }

    /** Every delivery to {@code endpoint}, subscription by subscription, oldest first. */
    List<HttpDelivery> deliveriesTo(String endpoint) {
        return subscriptions.stream().filter(s -> s.endpoint().equals(endpoint))
                .flatMap(s -> s.deliveries().stream()).map(Seen::delivery).toList();
    }

    /** What was there for {@code endpoint}, one delivery a line, for a test's failure message. */
    String describe(String endpoint) {
        if (problem != null) {
            return "The SNS deliveries could not be read: " + problem;
        }
        List<Subscription> mine = subscriptions.stream().filter(s -> s.endpoint().equals(endpoint)).toList();
        if (mine.isEmpty()) {
            List<String> others = subscriptions.stream().map(Subscription::endpoint).distinct().toList();
            return "No subscription has the endpoint " + endpoint
                    + (others.isEmpty() ? " (there are no HTTP/HTTPS subscriptions)." : "; HTTP/HTTPS subscriptions have " + others + ".");
        }
        StringBuilder out = new StringBuilder();
        for (Subscription s : mine) {
            if (s.pending()) {
                out.append(out.length() == 0 ? "" : " ").append("Subscription ").append(s.arn())
                        .append(" is pending confirmation.");
            }
        }
        List<Seen> seen = mine.stream().flatMap(s -> s.deliveries().stream()).toList();
        if (seen.isEmpty()) {
            return out.append(out.length() == 0 ? "" : " ").append("SNS made no delivery to it.").toString();
        }
        out.append(out.length() == 0 ? "" : " ").append("SNS made ").append(seen.size())
                .append(seen.size() == 1 ? " delivery" : " deliveries").append(" to it:");
        for (int i = 0; i < Math.min(seen.size(), MAX_LISTED); i++) {
            out.append("\n  ").append(i + 1).append(". ").append(describe(seen.get(i)));
        }
        if (seen.size() > MAX_LISTED) {
            out.append("\n  ... and ").append(seen.size() - MAX_LISTED).append(" more");
        }
        return out.toString();
    }

    private static String describe(Seen seen) {
        HttpDelivery d = seen.delivery();
        StringBuilder line = new StringBuilder("[").append(d.status()).append("] message ").append(d.messageId())
                .append(" from ").append(d.topicArn()).append(", ").append(d.attempts())
                .append(d.attempts() == 1 ? " attempt" : " attempts");
        if (d.lastHttpStatus() != null) {
            line.append(", last HTTP ").append(d.lastHttpStatus());
        }
        if (seen.lastError() != null) {
            line.append(", last error \"").append(seen.lastError()).append('"');
        }
        return line.toString();
    }
}
