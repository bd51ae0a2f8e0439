package io.mailroom.sqs.move;

/** A consistent reading of a move task for ListMessageMoveTasks. */
public record MoveTaskView(String taskHandle, MoveTaskStatus status, String sourceArn, String destinationArn,
                           Integer maxNumberOfMessagesPerSecond, long moved, long toMove, String failureReason,
                           long startedAt) {
}
