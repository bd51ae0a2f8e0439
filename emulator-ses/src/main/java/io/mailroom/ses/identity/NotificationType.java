package io.mailroom.ses.identity;

/** The feedback kinds an identity can send to an SNS topic (SetIdentityNotificationTopic). */
public enum NotificationType {
    BOUNCE("Bounce"), COMPLAINT("Complaint"), DELIVERY("Delivery");

    private final String wire;

    NotificationType(String wire) {
        this.wire = wire;
    }

    /** As in the v1 API and in notification JSON ({@code notificationType}). */
    public String wireName() {
        return wire;
    }

    public static NotificationType ofWire(String wire) {
        for (NotificationType t : values()) {
            if (t.wire.equals(wire)) {
                return t;
            }
        }
        throw new IllegalArgumentException(wire);
    }
}
