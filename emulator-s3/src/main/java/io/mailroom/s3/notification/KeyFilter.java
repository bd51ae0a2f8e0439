package io.mailroom.s3.notification;

import java.util.List;

/**
 * A notification's object key filter: at most one prefix and one suffix rule
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-how-to-filtering.html).
 *
 * @param prefix "" when there is no prefix rule
 * @param suffix "" when there is no suffix rule
 * @param rules  the rules as configured, for GetBucketNotificationConfiguration
 */
public record KeyFilter(String prefix, String suffix, List<FilterRule> rules) {
    public static final KeyFilter NONE = new KeyFilter("", "", List.of());

    public KeyFilter {
        rules = List.copyOf(rules);
    }

    public boolean matches(String key) {
        return key.startsWith(prefix) && key.endsWith(suffix);
    }

    /**
     * Whether some key could match both filters: their prefixes overlap (one starts with the other, ""
     * overlapping everything) and so do their suffixes. S3 refuses two such configurations for a common
     * event type.
     */
    public boolean overlaps(KeyFilter other) {
        boolean prefixes = prefix.startsWith(other.prefix) || other.prefix.startsWith(prefix);
        boolean suffixes = suffix.endsWith(other.suffix) || other.suffix.endsWith(suffix);
        return prefixes && suffixes;
    }
}
