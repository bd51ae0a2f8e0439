package io.mailroom.sns.subscription;

import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/** All subscriptions: by ARN, by creation order (for ListSubscriptions paging) and by confirmation token. */
public final class SubscriptionRegistry {
    private final Map<String, Subscription> byArn = new ConcurrentHashMap<>();
    private final ConcurrentSkipListMap<Long, Subscription> bySeq = new ConcurrentSkipListMap<>();
    private final Map<String, Subscription> byToken = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();

    public long nextSeq() {
        return sequence.incrementAndGet();
    }

    public Optional<Subscription> find(String arn) {
        return arn == null ? Optional.empty() : Optional.ofNullable(byArn.get(arn));
    }

    public Optional<Subscription> byToken(String token) {
        return token == null ? Optional.empty() : Optional.ofNullable(byToken.get(token));
    }

    public void add(Subscription s) {
        byArn.put(s.arn(), s);
        bySeq.put(s.seq(), s);
    }

    public void registerToken(String token, Subscription s) {
        byToken.put(token, s);
    }

    public void remove(Subscription s) {
        byArn.remove(s.arn());
        bySeq.remove(s.seq());
        if (s.token() != null) {
            byToken.remove(s.token());
        }
    }

    public NavigableMap<Long, Subscription> bySeq() {
        return bySeq;
    }

    public void clear() {
        byArn.clear();
        bySeq.clear();
        byToken.clear();
    }
}
