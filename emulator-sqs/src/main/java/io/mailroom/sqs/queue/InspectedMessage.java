package io.mailroom.sqs.queue;

import io.mailroom.sqs.message.Message;
import io.mailroom.sqs.message.MessageState;

/**
 * A message as the developer endpoint and snapshots show it, read without side effects. {@code dueAt} is
 * when its delay (DELAYED) or visibility timeout (INFLIGHT) ends.
 */
public record InspectedMessage(Message message, MessageState state, int receiveCount, long firstReceivedAt,
                               long dueAt) {
}
