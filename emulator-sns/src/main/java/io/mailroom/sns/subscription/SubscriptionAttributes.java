package io.mailroom.sns.subscription;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mailroom.core.error.AwsException;
import io.mailroom.sns.SnsErrors;
import io.mailroom.sns.arn.Arn;
import io.mailroom.sns.delivery.DeliveryPolicy;
import io.mailroom.sns.filter.FilterPolicy;
import io.mailroom.sns.filter.FilterPolicyParser;
import io.mailroom.sns.filter.FilterScope;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The subscription attributes a client may set (Subscribe, SetSubscriptionAttributes) and their validation. */
public final class SubscriptionAttributes {
    public static final String DELIVERY_POLICY = "DeliveryPolicy";
    public static final String FILTER_POLICY = "FilterPolicy";
    public static final String FILTER_POLICY_SCOPE = "FilterPolicyScope";
    public static final String RAW_MESSAGE_DELIVERY = "RawMessageDelivery";
    public static final String REDRIVE_POLICY = "RedrivePolicy";
    public static final String SUBSCRIPTION_ROLE_ARN = "SubscriptionRoleArn";
    public static final String REPLAY_POLICY = "ReplayPolicy";

    /**
     * Subscribe tells why an attribute was refused after this, in SetSubscriptionAttributes' words (recorded on
     * AWS: "Invalid parameter: Attributes Reason: RawMessageDelivery: Invalid value [wrongvalue]. Must be true
     * or false.", and so for the filter attributes).
     */
    private static final String SUBSCRIBE_REASON = "Attributes Reason: ";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> SETTABLE = Set.of(DELIVERY_POLICY, FILTER_POLICY, FILTER_POLICY_SCOPE,
            RAW_MESSAGE_DELIVERY, REDRIVE_POLICY, SUBSCRIPTION_ROLE_ARN, REPLAY_POLICY);

    private SubscriptionAttributes() {
    }

    public static boolean isSettable(String name) {
        return SETTABLE.contains(name);
    }

    /** Applies a Subscribe call's attributes: the scope first, so the policy compiles under it. */
    public static SubscriptionSettings applyAll(SubscriptionSettings base, Protocol protocol, String endpoint,
                                               boolean fifoTopic, Map<String, String> attributes) {
        List<String> order = new ArrayList<>(attributes.keySet());
        order.sort((a, b) -> Boolean.compare(!a.equals(FILTER_POLICY_SCOPE), !b.equals(FILTER_POLICY_SCOPE)));
        SubscriptionSettings s = base;
        for (String name : order) {
            if (!isSettable(name)) {
                throw SnsErrors.invalid(SUBSCRIBE_REASON + "Unknown attribute: " + name);
            }
            try {
                s = apply(s, protocol, endpoint, fifoTopic, name, attributes.get(name));
            } catch (AwsException e) {
                throw SnsErrors.withReason(SUBSCRIBE_REASON, e);
            }
        }
        return s;
    }

    /** One attribute change (SetSubscriptionAttributes); answers the new settings or throws InvalidParameter. */
    public static SubscriptionSettings apply(SubscriptionSettings s, Protocol protocol, String endpoint,
                                             boolean fifoTopic, String name, String rawValue) {
        String value = rawValue == null ? "" : rawValue;
        switch (name) {
            case RAW_MESSAGE_DELIVERY -> {
                if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                    throw SnsErrors.invalid("RawMessageDelivery: Invalid value [" + value + "]. Must be true or false.");
                }
                boolean raw = value.equalsIgnoreCase("true");
                if (raw && !protocol.supportsRawDelivery()) {
                    throw SnsErrors.invalid("Delivery protocol [" + protocol.wireName()
                            + "] does not support raw message delivery.");
                }
                return new SubscriptionSettings(raw, s.filterPolicyJson(), s.filterScope(), s.filter(),
                        s.redrivePolicyJson(), s.redrivePolicy(), s.deliveryPolicyJson(), s.deliveryPolicy(),
                        s.subscriptionRoleArn(), s.replayPolicy());
            }
            case FILTER_POLICY -> {
                FilterPolicy filter = value.isEmpty() ? null
                        : FilterPolicyParser.parse(value, s.effectiveScope());
                return new SubscriptionSettings(s.rawMessageDelivery(), value.isEmpty() ? null : value,
                        value.isEmpty() ? null : s.filterScope(), emptyPolicy(filter), s.redrivePolicyJson(),
                        s.redrivePolicy(), s.deliveryPolicyJson(), s.deliveryPolicy(), s.subscriptionRoleArn(),
                        s.replayPolicy());
            }
            case FILTER_POLICY_SCOPE -> {
                FilterScope scope = FilterScope.parse(value).orElseThrow(() -> SnsErrors.invalid(
                        "FilterPolicyScope: Invalid value [" + value + "]. Please use either MessageBody or "
                        + "MessageAttributes"));
                FilterPolicy filter = s.filterPolicyJson() == null ? null
                        : FilterPolicyParser.parse(s.filterPolicyJson(), scope);
                return new SubscriptionSettings(s.rawMessageDelivery(), s.filterPolicyJson(), scope,
                        emptyPolicy(filter), s.redrivePolicyJson(), s.redrivePolicy(), s.deliveryPolicyJson(),
                        s.deliveryPolicy(), s.subscriptionRoleArn(), s.replayPolicy());
            }
            case REDRIVE_POLICY -> {
                RedrivePolicy redrive = value.isEmpty() ? null : RedrivePolicy.parse(value);
                // Only a FIFO queue's subscription to a FIFO topic needs a FIFO DLQ: AWS takes a standard one for a
                // standard queue's (recorded, with this wording for the refusal).
                boolean fifoQueue = protocol == Protocol.SQS && endpoint.endsWith(".fifo");
                if (redrive != null && fifoTopic && fifoQueue && !redrive.deadLetterTargetArn().endsWith(".fifo")) {
                    throw SnsErrors.invalid(
                            "RedrivePolicy: must use a FIFO queue as DLQ for a FIFO Subscription to a FIFO Topic.");
                }
                if (redrive != null && !fifoTopic && redrive.deadLetterTargetArn().endsWith(".fifo")) {
                    throw SnsErrors.invalid("RedrivePolicy: must use a standard queue as DLQ for a standard topic subscription.");
                }
                return new SubscriptionSettings(s.rawMessageDelivery(), s.filterPolicyJson(), s.filterScope(),
                        s.filter(), value.isEmpty() ? null : value, redrive, s.deliveryPolicyJson(),
                        s.deliveryPolicy(), s.subscriptionRoleArn(), s.replayPolicy());
            }
            case DELIVERY_POLICY -> {
                if (!value.isEmpty() && !protocol.supportsDeliveryPolicy()) {
                    throw SnsErrors.invalid("DeliveryPolicy: Delivery protocol [" + protocol.wireName()
                            + "] does not support delivery policies.");
                }
                DeliveryPolicy policy = value.isEmpty() ? null : DeliveryPolicy.parseSubscriptionPolicy(value);
                return new SubscriptionSettings(s.rawMessageDelivery(), s.filterPolicyJson(), s.filterScope(),
                        s.filter(), s.redrivePolicyJson(), s.redrivePolicy(), value.isEmpty() ? null : value, policy,
                        s.subscriptionRoleArn(), s.replayPolicy());
            }
            case SUBSCRIPTION_ROLE_ARN -> {
                if (!value.isEmpty()) {
                    var arn = Arn.parse(value);
                    if (arn.isEmpty() || !arn.get().service().equals("iam")) {
                        throw SnsErrors.invalid("SubscriptionRoleArn Reason: " + value + " is not a valid IAM role ARN");
                    }
                }
                return new SubscriptionSettings(s.rawMessageDelivery(), s.filterPolicyJson(), s.filterScope(),
                        s.filter(), s.redrivePolicyJson(), s.redrivePolicy(), s.deliveryPolicyJson(),
                        s.deliveryPolicy(), value.isEmpty() ? null : value, s.replayPolicy());
            }
            case REPLAY_POLICY -> {
                if (!fifoTopic) {
                    throw SnsErrors.invalid("ReplayPolicy: Message replay is only supported for subscriptions to FIFO topics");
                }
                return new SubscriptionSettings(s.rawMessageDelivery(), s.filterPolicyJson(), s.filterScope(),
                        s.filter(), s.redrivePolicyJson(), s.redrivePolicy(), s.deliveryPolicyJson(),
                        s.deliveryPolicy(), s.subscriptionRoleArn(), value.isEmpty() ? null : ReplayPolicy.parse(value));
            }
            default -> throw SnsErrors.invalid("AttributeName");
        }
    }

    /**
     * Whether an existing subscription already has the attributes a Subscribe call names, as {@code requested}
     * holds them. Subscribing again is idempotent unless a named attribute differs: AWS answers the same ARN
     * for the same, a subset, none, or a default ({"FilterPolicyScope":"MessageAttributes"} beside a raw
     * subscription), and refuses {"RawMessageDelivery":"false",...} there (recorded).
     */
    public static boolean agree(SubscriptionSettings existing, SubscriptionSettings requested, Collection<String> names) {
        for (String name : names) {
            boolean same = switch (name) {
                case RAW_MESSAGE_DELIVERY -> existing.rawMessageDelivery() == requested.rawMessageDelivery();
                case FILTER_POLICY -> sameJson(existing.filterPolicyJson(), requested.filterPolicyJson());
                case FILTER_POLICY_SCOPE -> existing.effectiveScope() == requested.effectiveScope();
                case REDRIVE_POLICY -> sameJson(existing.redrivePolicyJson(), requested.redrivePolicyJson());
                case DELIVERY_POLICY -> sameJson(existing.deliveryPolicyJson(), requested.deliveryPolicyJson());
                case SUBSCRIPTION_ROLE_ARN -> Objects.equals(existing.subscriptionRoleArn(), requested.subscriptionRoleArn());
                case REPLAY_POLICY -> sameJson(json(existing.replayPolicy()), json(requested.replayPolicy()));
                default -> false;
            };
            if (!same) {
                return false;
            }
        }
        return true;
    }

    private static String json(ReplayPolicy policy) {
        return policy == null ? null : policy.json();
    }

    private static boolean sameJson(String a, String b) {
        if (a == null || b == null) {
            return a == null && b == null;
        }
        try {
            return JSON.readTree(a).equals(JSON.readTree(b));
        } catch (JsonProcessingException e) {
            return a.equals(b);
        }
    }

    /** {@code {}} filters nothing: it is kept as set but compiles to "match everything". */
    private static FilterPolicy emptyPolicy(FilterPolicy filter) {
        return filter != null && filter.root().fields().isEmpty() && filter.root().anyOf().isEmpty() ? null : filter;
    }
}
