package io.mailroom.sqs.attribute;

/** FIFO queues: whether de-duplication ids are unique per queue or per message group. */
public enum DeduplicationScope {
    QUEUE("queue"), MESSAGE_GROUP("messageGroup");

    private final String wireName;

    DeduplicationScope(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static DeduplicationScope byName(String name) {
        for (DeduplicationScope s : values()) {
            if (s.wireName.equals(name)) {
                return s;
            }
        }
        return null;
    }
}
