package io.mailroom.sqs.fifo;

import io.mailroom.sqs.message.Message;
import io.mailroom.sqs.message.MessageState;
import java.util.ArrayDeque;

/**
 * A FIFO message group: its messages in send order (received ones stay at the front until deleted, so a
 * message whose visibility timeout ends is again first), and how many are in flight. While any is in
 * flight the group is blocked, which is how SQS keeps per-group order.
 */
public final class MessageGroup {
    private final String id;
    private final ArrayDeque<Message> messages = new ArrayDeque<>(4);
    private int inflight;
    private boolean queued;

    public MessageGroup(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public ArrayDeque<Message> messages() {
        return messages;
    }

    public void inflightAdded() {
        inflight++;
    }

    public void inflightRemoved() {
        inflight--;
    }

    public boolean blocked() {
        return inflight > 0;
    }

    /** Whether the group sits in the queue's list of receivable groups. */
    public boolean queued() {
        return queued;
    }

    public void queued(boolean queued) {
        this.queued = queued;
    }

    /** Drops deleted messages from the front; true when the group holds nothing any more. */
    public boolean trimAndCheckEmpty() {
        while (!messages.isEmpty() && messages.peekFirst().state() == MessageState.GONE) {
            messages.pollFirst();
        }
        return messages.isEmpty() && inflight == 0;
    }

    /** Receivable now: nothing in flight and the first message visible. Call after {@link #trimAndCheckEmpty}. */
    public boolean receivable() {
        return inflight == 0 && !messages.isEmpty() && messages.peekFirst().state() == MessageState.VISIBLE;
    }
}
