package io.mailroom.ses.account;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** v2 tags, per resource ARN (identities, configuration sets, contact lists, dedicated IP pools). */
public final class ResourceTags {
    /** "A resource can have up to 50 tags." */
    public static final int MAX_TAGS = 50;

    private final Map<String, LinkedHashMap<String, String>> byArn = new HashMap<>();

    public Map<String, String> of(String arn) {
        return byArn.getOrDefault(arn, new LinkedHashMap<>());
    }

    public void put(String arn, Map<String, String> tags) {
        byArn.computeIfAbsent(arn, k -> new LinkedHashMap<>()).putAll(tags);
    }

    public void remove(String arn, Iterable<String> keys) {
        LinkedHashMap<String, String> t = byArn.get(arn);
        if (t != null) {
            keys.forEach(t::remove);
        }
    }

    public void drop(String arn) {
        byArn.remove(arn);
    }

    public void clear() {
        byArn.clear();
    }
}
