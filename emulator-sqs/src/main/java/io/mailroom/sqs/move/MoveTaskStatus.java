package io.mailroom.sqs.move;

/** ListMessageMoveTasksResultEntry.Status values. */
public enum MoveTaskStatus {
    RUNNING, COMPLETED, CANCELLING, CANCELLED, FAILED
}
