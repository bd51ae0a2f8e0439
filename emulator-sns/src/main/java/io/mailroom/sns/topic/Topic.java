package io.mailroom.sns.topic;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.sns.delivery.DeliveryPolicy;
import io.mailroom.sns.signing.SignatureVersion;
import io.mailroom.sns.subscription.Subscription;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One topic. Control-plane changes happen under the service lock; what publishing reads (the
 * subscriber list, signature version, de-duplication settings, delivery policy) is held in volatile
 * immutable values so that a publish takes no lock and re-parses nothing.
 */
public final class Topic {
    private final String arn;
    private final String name;
    private final String account;
    private final String region;
    private final boolean fifo;
    private final TagSet tags = new TagSet();
    private final DeduplicationWindow deduplication = new DeduplicationWindow();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong deletedSubscriptions = new AtomicLong();
    private final ConcurrentSkipListMap<Long, Subscription> subscriptionsBySeq = new ConcurrentSkipListMap<>();

    private volatile Map<String, String> attributes = Map.of();
    private volatile ObjectNode policy;
    private volatile String dataProtectionPolicy;
    private volatile List<Subscription> subscribers = List.of();
    private volatile SignatureVersion signatureVersion = SignatureVersion.V1;
    private volatile boolean contentBasedDeduplication;
    private volatile boolean deduplicateByGroup;
    private volatile DeliveryPolicy deliveryPolicy = DeliveryPolicy.NONE;
    private final MessageArchive archive = new MessageArchive();
    private final Object fifoOrder = new Object();

    public Topic(String arn, String name, String account, String region, boolean fifo) {
        this.arn = arn;
        this.name = name;
        this.account = account;
        this.region = region;
        this.fifo = fifo;
        this.policy = TopicPolicy.defaultPolicy(arn, account);
    }

    public String arn() {
        return arn;
    }

    public String name() {
        return name;
    }

    public String account() {
        return account;
    }

    public String region() {
        return region;
    }

    public boolean isFifo() {
        return fifo;
    }

    public TagSet tags() {
        return tags;
    }

    public DeduplicationWindow deduplication() {
        return deduplication;
    }

    /** The next FIFO sequence number: 20 digits, increasing per topic, as AWS's look. */
    public String nextSequenceNumber() {
        return "1" + String.format("%019d", sequence.incrementAndGet());
    }

    /** Attributes set by clients (validated), without the Policy which is kept as a document. */
    public Map<String, String> attributes() {
        return attributes;
    }

    /** Sets an already validated attribute (under the service lock). */
    public void setAttribute(String attribute, String value) {
        if (attribute.equals(TopicAttributes.POLICY)) {
            policy = TopicPolicy.parse(value);
            return;
        }
        Map<String, String> next = new LinkedHashMap<>(attributes);
        boolean remove = value.isEmpty() && (attribute.equals(TopicAttributes.DELIVERY_POLICY)
                || attribute.equals(TopicAttributes.ARCHIVE_POLICY) || attribute.equals(TopicAttributes.KMS_MASTER_KEY_ID));
        if (remove) {
            next.remove(attribute);
        } else {
            next.put(attribute, value);
        }
        attributes = Map.copyOf(next);
        switch (attribute) {
            case TopicAttributes.SIGNATURE_VERSION -> signatureVersion = SignatureVersion.parse(value).orElseThrow();
            case TopicAttributes.CONTENT_BASED_DEDUPLICATION -> contentBasedDeduplication = value.equals("true");
            case TopicAttributes.FIFO_THROUGHPUT_SCOPE -> deduplicateByGroup = value.equals("MessageGroup");
            case TopicAttributes.DELIVERY_POLICY -> deliveryPolicy = remove ? DeliveryPolicy.NONE
                    : DeliveryPolicy.parseTopicPolicy(value);
            default -> {
            }
        }
    }

    /**
     * Held while a FIFO message is numbered, archived and delivered, and while a replay reads the archive and
     * delivers it, so that every subscription sees the topic's order and a replay misses and repeats nothing.
     */
    public Object fifoOrder() {
        return fifoOrder;
    }

    /** The messages its ArchivePolicy keeps (FIFO topics only). */
    public MessageArchive archive() {
        return archive;
    }

    public ObjectNode policy() {
        return policy;
    }

    public void policy(ObjectNode policy) {
        this.policy = policy;
    }

    public String dataProtectionPolicy() {
        return dataProtectionPolicy;
    }

    public void dataProtectionPolicy(String policy) {
        this.dataProtectionPolicy = policy;
    }

    public SignatureVersion signatureVersion() {
        return signatureVersion;
    }

    public boolean contentBasedDeduplication() {
        return contentBasedDeduplication;
    }

    /** FifoThroughputScope=MessageGroup: de-duplication ids are scoped to their message group. */
    public boolean deduplicateByGroup() {
        return deduplicateByGroup;
    }

    /** The largest message plus attributes a publish may carry, in bytes (MaximumMessageSize). */
    public int maximumMessageSize() {
        String size = attributes.get(TopicAttributes.MAXIMUM_MESSAGE_SIZE);
        return size == null ? TopicAttributes.DEFAULT_MAXIMUM_MESSAGE_SIZE : Integer.parseInt(size);
    }

    public DeliveryPolicy deliveryPolicy() {
        return deliveryPolicy;
    }

    /** Every subscription, in creation order; the publish path reads this snapshot. */
    public List<Subscription> subscribers() {
        return subscribers;
    }

    public ConcurrentSkipListMap<Long, Subscription> subscriptionsBySeq() {
        return subscriptionsBySeq;
    }

    /** Adds a subscription (under the service lock). */
    public void addSubscription(Subscription subscription) {
        subscriptionsBySeq.put(subscription.seq(), subscription);
        subscribers = List.copyOf(subscriptionsBySeq.values());
    }

    /** Removes a subscription (under the service lock), counting it as deleted. */
    public void removeSubscription(Subscription subscription) {
        if (subscriptionsBySeq.remove(subscription.seq()) != null) {
            deletedSubscriptions.incrementAndGet();
            subscribers = List.copyOf(subscriptionsBySeq.values());
        }
    }

    public long subscriptionsDeleted() {
        return deletedSubscriptions.get();
    }

    public long subscriptionsPending() {
        return subscribers.stream().filter(Subscription::isPending).count();
    }

    public long subscriptionsConfirmed() {
        return subscribers.stream().filter(s -> !s.isPending()).count();
    }

    public List<Subscription> subscriptionsSnapshot() {
        return new ArrayList<>(subscribers);
    }
}
