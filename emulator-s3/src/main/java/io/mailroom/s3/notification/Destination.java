package io.mailroom.s3.notification;

/** Where a notification goes: a queue or a topic of this server. */
public sealed interface Destination {

    String arn();

    /** An SQS queue: each event is one message whose body is the event JSON. */
    record Queue(String arn) implements Destination {
    }

    /** An SNS topic: each event is published with the subject "Amazon S3 Notification". */
    record Topic(String arn) implements Destination {
    }

    /**
     * A Lambda function. There are no functions on this server, so a configuration naming one never
     * validates and is never stored; it is read only to be refused as S3 refuses a function it may not invoke.
     */
    record Function(String arn) implements Destination {
    }
}
