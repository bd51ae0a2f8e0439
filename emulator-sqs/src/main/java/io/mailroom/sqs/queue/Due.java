package io.mailroom.sqs.queue;

import io.mailroom.sqs.message.Message;

/**
 * A timer entry: the message's delay or visibility timeout ends at {@code at}. Entries are never removed
 * when a message changes; one whose time no longer matches the message's is stale and skipped.
 */
record Due(long at, Message message) implements Comparable<Due> {

    @Override
    public int compareTo(Due o) {
        return Long.compare(at, o.at);
    }
}
