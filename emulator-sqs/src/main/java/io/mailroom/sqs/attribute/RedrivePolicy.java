package io.mailroom.sqs.attribute;

/** A source queue's dead-letter settings: where messages go once received more than maxReceiveCount times. */
public record RedrivePolicy(String deadLetterTargetArn, int maxReceiveCount) {

    /** As SQS renders it back: normalised JSON, the count as a number. */
    public String toJson() {
        return "{\"deadLetterTargetArn\":\"" + deadLetterTargetArn + "\",\"maxReceiveCount\":" + maxReceiveCount + "}";
    }
}
