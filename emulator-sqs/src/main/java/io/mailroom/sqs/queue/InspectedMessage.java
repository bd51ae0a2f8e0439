package io.mailroom.sqs.queue;

import io.mailroom.sqs.message.Message;
import io.mailroom.sqs.message.MessageState;

/** A message as the developer endpoint shows it, read without side effects. */
public record InspectedMessage(Message message, MessageState state, int receiveCount, long firstReceivedAt) {
}
