package io.mailroom.sns.subscription;

import io.mailroom.sns.delivery.DeliveryLog;
import io.mailroom.sns.delivery.Throttle;
import io.mailroom.sns.topic.Topic;

/** One subscription of an endpoint to a topic. */
public final class Subscription {
    private final String arn;
    private final Topic topic;
    private final Protocol protocol;
    private final String endpoint;
    private final String owner;
    private final long seq;
    private final DeliveryLog deliveries = new DeliveryLog();
    private final Throttle throttle = new Throttle();

    private volatile SubscriptionSettings settings;
    private volatile boolean pending;
    private volatile boolean confirmationAuthenticated;
    private volatile boolean authenticateOnUnsubscribe;
    private volatile String token;
    private volatile long tokenIssuedAt;
    private volatile ReplayPolicy replayed;

    public Subscription(String arn, Topic topic, Protocol protocol, String endpoint, String owner, long seq,
                        SubscriptionSettings settings, boolean pending) {
        this.arn = arn;
        this.topic = topic;
        this.protocol = protocol;
        this.endpoint = endpoint;
        this.owner = owner;
        this.seq = seq;
        this.settings = settings;
        this.pending = pending;
        this.confirmationAuthenticated = !pending;
    }

    public String arn() {
        return arn;
    }

    public Topic topic() {
        return topic;
    }

    public Protocol protocol() {
        return protocol;
    }

    public String endpoint() {
        return endpoint;
    }

    public String owner() {
        return owner;
    }

    public long seq() {
        return seq;
    }

    /** The pace of its HTTP/S deliveries, which its delivery policy may limit. */
    public Throttle throttle() {
        return throttle;
    }

    public DeliveryLog deliveries() {
        return deliveries;
    }

    public SubscriptionSettings settings() {
        return settings;
    }

    public void settings(SubscriptionSettings settings) {
        this.settings = settings;
    }

    public boolean isPending() {
        return pending;
    }

    public void confirm(boolean authenticated, boolean authenticateOnUnsubscribe) {
        this.pending = false;
        this.confirmationAuthenticated = authenticated;
        this.authenticateOnUnsubscribe = this.authenticateOnUnsubscribe || authenticateOnUnsubscribe;
    }

    public boolean confirmationAuthenticated() {
        return confirmationAuthenticated;
    }

    public boolean authenticateOnUnsubscribe() {
        return authenticateOnUnsubscribe;
    }

    public String token() {
        return token;
    }

    public long tokenIssuedAt() {
        return tokenIssuedAt;
    }

    public void token(String token, long issuedAt) {
        this.token = token;
        this.tokenIssuedAt = issuedAt;
    }

    /** The policy of the replay last run for this subscription, or null. */
    public ReplayPolicy replayed() {
        return replayed;
    }

    public void replayed(ReplayPolicy policy) {
        this.replayed = policy;
    }

    /** Whether a message published at {@code millis} is delivered: not past the EndingPoint of its last replay. */
    public boolean takesNewMessage(long millis) {
        ReplayPolicy last = replayed;
        return last == null || last.takes(millis);
    }
}
