package io.mailroom.sqs.attribute;

/** RedriveAllowPolicy.redrivePermission: which source queues may use a queue as their dead-letter queue. */
public enum RedrivePermission {
    ALLOW_ALL("allowAll"), DENY_ALL("denyAll"), BY_QUEUE("byQueue");

    private final String wireName;

    RedrivePermission(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static RedrivePermission byName(String name) {
        for (RedrivePermission p : values()) {
            if (p.wireName.equals(name)) {
                return p;
            }
        }
        return null;
    }
}
