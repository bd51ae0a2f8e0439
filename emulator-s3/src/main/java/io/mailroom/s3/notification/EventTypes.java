package io.mailroom.s3.notification;

import java.util.HashSet;
import java.util.Set;

/**
 * The event types a configuration may name: those of the S3 model's {@code Event} enum. A type ending in
 * {@code :*} covers every type of its family ({@code s3:ObjectCreated:*} covers {@code s3:ObjectCreated:Put}).
 * Types of features this server does not have (replication, Intelligent-Tiering, versioning) are accepted
 * as AWS accepts them; they never occur here.
 */
public final class EventTypes {
    private final Set<String> known;

    public EventTypes(Iterable<String> modelEnum) {
        Set<String> s = new HashSet<>();
        modelEnum.forEach(s::add);
        this.known = Set.copyOf(s);
    }

    public boolean isKnown(String type) {
        return known.contains(type);
    }

    /** Whether the configured type covers the concrete type. */
    public static boolean covers(String configured, String type) {
        if (configured.endsWith(":*")) {
            return type.startsWith(configured.substring(0, configured.length() - 1));
        }
        return configured.equals(type);
    }

    /** Whether some event could be of both configured types. */
    public static boolean intersect(String a, String b) {
        return covers(a, b) || covers(b, a);
    }
}
