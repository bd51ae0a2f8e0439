package io.mailroom.s3.notification;

/** Where a notification goes: a queue or a topic of this server (Lambda functions do not exist here). */
public sealed interface Destination {

    String arn();

    /** An SQS queue: each event is one message whose body is the event JSON. */
    record Queue(String arn) implements Destination {
    }

    /** An SNS topic: each event is published with the subject "Amazon S3 Notification". */
    record Topic(String arn) implements Destination {
    }
}
