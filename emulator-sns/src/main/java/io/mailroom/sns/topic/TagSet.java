package io.mailroom.sns.topic;

import io.mailroom.core.error.AwsException;
import io.mailroom.sns.SnsErrors;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A topic's tags with AWS's limits: at most 50 per resource, keys 1–128 and values 0–256 characters
 * from the tag character set, no {@code aws:} prefix, no key twice in one request.
 * https://docs.aws.amazon.com/sns/latest/dg/sns-tags.html
 */
public final class TagSet {
    public static final int MAX_TAGS = 50;
    private static final Pattern CHARS = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

    private final Map<String, String> tags = new LinkedHashMap<>();

    /** A tag as given in a request. */
    public record Tag(String key, String value) {
    }

    public synchronized Map<String, String> asMap() {
        return Map.copyOf(tags);
    }

    public synchronized List<Tag> list() {
        return tags.entrySet().stream().map(e -> new Tag(e.getKey(), e.getValue())).toList();
    }

    /** Validates a request's tags (keys, values, duplicates). */
    public static void validate(Collection<Tag> requested) {
        Set<String> seen = new HashSet<>();
        for (Tag tag : requested) {
            String key = tag.key();
            if (key == null || key.isEmpty() || key.length() > 128 || !CHARS.matcher(key).matches()) {
                throw SnsErrors.invalid("Tag key must be between 1 and 128 characters of letters, digits, "
                        + "whitespace and _ . : / = + - @");
            }
            if (key.toLowerCase(java.util.Locale.ROOT).startsWith("aws:")) {
                throw SnsErrors.invalid("Tag keys must not start with the reserved prefix aws:");
            }
            String value = tag.value() == null ? "" : tag.value();
            if (value.length() > 256 || !CHARS.matcher(value).matches()) {
                throw SnsErrors.invalid("Tag value must be at most 256 characters of letters, digits, "
                        + "whitespace and _ . : / = + - @");
            }
            if (!seen.add(key)) {
                throw SnsErrors.invalid("Duplicated keys are not allowed.");
            }
        }
    }

    /** Adds or overwrites tags, refusing to go past the per-resource limit. */
    public synchronized void put(Collection<Tag> requested) {
        validate(requested);
        Map<String, String> next = new LinkedHashMap<>(tags);
        requested.forEach(t -> next.put(t.key(), t.value() == null ? "" : t.value()));
        if (next.size() > MAX_TAGS) {
            throw tagLimit();
        }
        tags.clear();
        tags.putAll(next);
    }

    public synchronized void remove(Collection<String> keys) {
        keys.forEach(tags::remove);
    }

    /**
     * Whether every requested tag is already set with the same value. CreateTopic on an existing name
     * accepts those, a subset included, and refuses a tag the topic lacks or has with another value
     * (recorded on AWS: same tags, one of them and none all answer the ARN; a new key is refused).
     */
    public synchronized boolean includes(Collection<Tag> requested) {
        for (Tag tag : requested) {
            String value = tags.get(tag.key());
            if (value == null || !value.equals(tag.value() == null ? "" : tag.value())) {
                return false;
            }
        }
        return true;
    }

    public static AwsException tagLimit() {
        return SnsErrors.TAG_LIMIT_EXCEEDED.exception("Could not complete request: tag quota of per resource exceeded");
    }
}
