package io.mailroom.sns.topic;

import java.util.Collection;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * All topics of all accounts and regions, ordered by ARN: an account's topics in a region share the
 * ARN prefix {@code arn:partition:sns:region:account:}, so listing reads one key range, never the rest.
 */
public final class TopicRegistry {
    private final ConcurrentSkipListMap<String, Topic> byArn = new ConcurrentSkipListMap<>();

    public Optional<Topic> find(String arn) {
        return arn == null ? Optional.empty() : Optional.ofNullable(byArn.get(arn));
    }

    public void add(Topic topic) {
        byArn.put(topic.arn(), topic);
    }

    public void remove(String arn) {
        byArn.remove(arn);
    }

    /** The topics whose ARN starts with {@code prefix}, in ARN order. */
    public NavigableMap<String, Topic> withPrefix(String prefix) {
        return byArn.subMap(prefix, true, prefix + Character.MAX_VALUE, false);
    }

    public Collection<Topic> all() {
        return byArn.values();
    }

    public void clear() {
        byArn.clear();
    }
}
