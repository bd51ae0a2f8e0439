package io.mailroom.s3.lifecycle;

import io.mailroom.s3.object.StoredObject;
import java.util.Map;

/**
 * Which objects a lifecycle rule applies to: a key prefix, tags the object must all carry (others allowed), and
 * sizes strictly above and below bounds. An empty filter takes every object.
 *
 * @param sizeGreaterThan null when unbounded
 * @param sizeLessThan    null when unbounded
 */
public record LifecycleFilter(String prefix, Map<String, String> tags, Long sizeGreaterThan, Long sizeLessThan) {

    public LifecycleFilter {
        prefix = prefix == null ? "" : prefix;
        tags = Map.copyOf(tags);
    }

    public boolean matches(StoredObject object) {
        return matchesKey(object.key())
                && object.tags().tags().entrySet().containsAll(tags.entrySet())
                && (sizeGreaterThan == null || object.size() > sizeGreaterThan)
                && (sizeLessThan == null || object.size() < sizeLessThan);
    }

    /** For uploads in progress, which have no size yet and whose tags rules with tags may not name. */
    public boolean matchesKey(String key) {
        return key.startsWith(prefix);
    }

    public boolean hasSize() {
        return sizeGreaterThan != null || sizeLessThan != null;
    }
}
