package io.mailroom.sqs.attribute;

/** FIFO queues: whether the throughput quota applies per queue or per message group (high throughput mode). */
public enum FifoThroughputLimit {
    PER_QUEUE("perQueue"), PER_MESSAGE_GROUP_ID("perMessageGroupId");

    private final String wireName;

    FifoThroughputLimit(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static FifoThroughputLimit byName(String name) {
        for (FifoThroughputLimit l : values()) {
            if (l.wireName.equals(name)) {
                return l;
            }
        }
        return null;
    }
}
