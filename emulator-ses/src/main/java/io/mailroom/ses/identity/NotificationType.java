package io.mailroom.ses.identity;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

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

    public static Optional<NotificationType> find(String wire) {
        return Arrays.stream(values()).filter(t -> t.wire.equals(wire)).findFirst();
    }

    /** {@code Bounce, Complaint, Delivery}, as AWS lists them in refusals. */
    public static String wireNames() {
        return Arrays.stream(values()).map(NotificationType::wireName).collect(Collectors.joining(", "));
    }
}
