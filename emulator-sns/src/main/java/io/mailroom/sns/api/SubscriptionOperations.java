package io.mailroom.sns.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.request.RequestContext;
import io.mailroom.sns.SnsErrors;
import io.mailroom.sns.SnsState;
import io.mailroom.sns.arn.Arn;
import io.mailroom.sns.delivery.DeliveryPolicy;
import io.mailroom.sns.subscription.Protocol;
import io.mailroom.sns.subscription.ReplayPolicy;
import io.mailroom.sns.subscription.Subscription;
import io.mailroom.sns.subscription.SubscriptionAttributes;
import io.mailroom.sns.subscription.SubscriptionSettings;
import io.mailroom.sns.topic.LargePayloads;
import io.mailroom.sns.topic.Topic;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.UUID;

/** Subscribe, ConfirmSubscription, Unsubscribe, subscription listings and attributes. */
public final class SubscriptionOperations {
    public static final int PAGE_SIZE = 100;
    /** Confirmation tokens are valid for two days (Subscribe's documentation). */
    public static final long TOKEN_VALIDITY_MILLIS = 2L * 24 * 3600 * 1000;
    public static final String PENDING = "pending confirmation";

    private static final ObjectMapper JSON = new ObjectMapper();
    private final SnsState state;
    private final SecureRandom random = new SecureRandom();

    public SubscriptionOperations(SnsState state) {
        this.state = state;
    }

    public ObjectNode subscribe(RequestContext ctx, ObjectNode in) {
        Topic topic = state.topic(ctx, Inputs.text(in, "TopicArn"), "TopicArn");
        String protocolName = Inputs.text(in, "Protocol");
        Protocol protocol = Protocol.parse(protocolName).orElseThrow(() ->
                SnsErrors.invalid("Amazon SNS does not support this protocol string: " + protocolName));
        String endpoint = Inputs.text(in, "Endpoint");
        if (topic.isFifo() && protocol != Protocol.SQS) {
            throw SnsErrors.invalid("Invalid protocol type: " + protocolName);
        }
        protocol.validateEndpoint(endpoint);
        if (protocol == Protocol.SQS && !topic.isFifo() && endpoint.endsWith(".fifo")) {
            // "Invalid parameter: " twice, as AWS words it (recorded).
            throw SnsErrors.invalid("Invalid parameter: Endpoint Reason: FIFO SQS Queues can not be subscribed to "
                    + "standard SNS topics");
        }
        if (protocol == Protocol.APPLICATION && state.platforms.findEndpoint(endpoint).isEmpty()) {
            throw SnsErrors.invalid("Endpoint Reason: Endpoint does not exist for endpoint arn " + endpoint);
        }
        Map<String, String> attributes = Inputs.stringMap(in, "Attributes");
        SubscriptionSettings settings = SubscriptionAttributes.applyAll(SubscriptionSettings.DEFAULT, protocol,
                endpoint, topic.isFifo(), attributes);
        if (protocol == Protocol.FIREHOSE && settings.subscriptionRoleArn() == null) {
            throw SnsErrors.invalid("SubscriptionRoleArn");
        }
        boolean returnArn = Inputs.bool(in, "ReturnSubscriptionArn");
        Subscription created;
        synchronized (state.lock) {
            for (Subscription existing : topic.subscribers()) {
                if (existing.protocol() == protocol && existing.endpoint().equals(endpoint)) {
                    if (!SubscriptionAttributes.agree(existing.settings(), settings, attributes.keySet())) {
                        throw SnsErrors.invalid("Attributes Reason: Subscription already exists with different attributes");
                    }
                    if (existing.isPending()) {
                        // Subscribing again re-sends the confirmation, with the same token.
                        state.confirmations.subscriptionConfirmation(existing, existing.token(), ctx.endpoint());
                        return Outputs.of("SubscriptionArn", returnArn ? existing.arn() : PENDING);
                    }
                    return Outputs.of("SubscriptionArn", existing.arn());
                }
            }
            LargePayloads.checkSubscribe(topic, protocol, topic.subscribers().size());
            boolean pending = protocol.needsConfirmation() || crossAccountQueue(ctx, topic, protocol, endpoint);
            String arn = topic.arn() + ":" + UUID.randomUUID();
            Subscription s = new Subscription(arn, topic, protocol, endpoint, ctx.accountId(),
                    state.subscriptions.nextSeq(), settings, pending);
            state.subscriptions.add(s);
            topic.addSubscription(s);
            if (pending) {
                String token = newToken();
                s.token(token, state.clock.millis());
                state.subscriptions.registerToken(token, s);
                state.confirmations.subscriptionConfirmation(s, token, ctx.endpoint());
                return Outputs.of("SubscriptionArn", returnArn ? arn : PENDING);
            }
            created = s;
        }
        replay(created);
        return Outputs.of("SubscriptionArn", created.arn());
    }

    /**
     * A queue of another account needs the queue owner's confirmation unless the queue owner subscribes
     * it (https://docs.aws.amazon.com/sns/latest/dg/sns-send-message-to-sqs-cross-account.html).
     */
    private static boolean crossAccountQueue(RequestContext ctx, Topic topic, Protocol protocol, String endpoint) {
        if (protocol != Protocol.SQS) {
            return false;
        }
        String queueAccount = Arn.parse(endpoint).map(Arn::account).orElse("");
        return !queueAccount.equals(topic.account()) && !queueAccount.equals(ctx.accountId());
    }

    private String newToken() {
        byte[] bytes = new byte[64];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The AWS operation: a signed request, so the confirmation is authenticated. */
    public ObjectNode confirmSubscription(RequestContext ctx, ObjectNode in) {
        return confirm(ctx, Inputs.text(in, "TopicArn"), Inputs.text(in, "Token"),
                Inputs.bool(in, "AuthenticateOnUnsubscribe"), true);
    }

    /**
     * ConfirmSubscription; {@code authenticated} is false for the unsigned GET of a SubscribeURL. The token
     * alone names the subscription: AWS confirms with a TopicArn of this region naming no topic (recorded), so
     * the ARN is only checked for its form and region ("Invalid parameter: Topic", recorded for "not-an-arn"
     * and a topic of another region). A token of other than hex digits is "Invalid token" (recorded for
     * "randomtoken"); one that names no subscription, "Invalid parameter: Token" (recorded for "abc123").
     */
    public ObjectNode confirm(RequestContext ctx, String topicArn, String token, boolean authenticateOnUnsubscribe,
                              boolean authenticated) {
        Arn arn = topicArn == null ? null : Arn.parse(topicArn).orElse(null);
        if (arn == null || !arn.service().equals("sns") || !arn.region().equals(ctx.region())) {
            throw SnsErrors.invalid("Topic");
        }
        if (token == null || !isHex(token)) {
            throw SnsErrors.INVALID_PARAMETER.exception("Invalid token");
        }
        Subscription s = state.subscriptions.byToken(token).orElseThrow(() -> SnsErrors.invalid("Token"));
        if (!s.topic().region().equals(ctx.region()) || !s.topic().account().equals(ctx.accountId())) {
            throw SnsErrors.invalid("Token"); // tokens are looked up server-wide; a subscription stays in its scope
        }
        if (s.isPending() && state.clock.millis() - s.tokenIssuedAt() > TOKEN_VALIDITY_MILLIS) {
            throw SnsErrors.invalid("Token");
        }
        boolean confirmed;
        synchronized (state.lock) {
            confirmed = s.isPending();
            s.confirm(authenticated, authenticateOnUnsubscribe);
        }
        if (confirmed) {
            replay(s);
        }
        return Outputs.of("SubscriptionArn", s.arn());
    }

    private static boolean isHex(String token) {
        for (int i = 0; i < token.length(); i++) {
            if (!HexFormat.isHexDigit(token.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The AWS operation: a signed request, so the caller is authenticated. */
    public ObjectNode unsubscribe(RequestContext ctx, ObjectNode in) {
        return unsubscribe(ctx, Inputs.text(in, "SubscriptionArn"), true);
    }

    /** Unsubscribe; {@code authenticated} is false for the unsigned GET of an UnsubscribeURL. */
    public ObjectNode unsubscribe(RequestContext ctx, String subscriptionArn, boolean authenticated) {
        Subscription s = state.subscriptions.find(SnsState.subscriptionArnOf(subscriptionArn)).orElse(null);
        if (s == null) {
            // Unsubscribing is idempotent: AWS answers success for a subscription already removed (recorded).
            return Outputs.empty();
        }
        if (!authenticated && s.authenticateOnUnsubscribe()) {
            throw SnsErrors.AUTHORIZATION_ERROR.exception("Unsubscribe requires authentication");
        }
        synchronized (state.lock) {
            state.subscriptions.remove(s);
            s.topic().removeSubscription(s);
        }
        // Someone other than the subscriber unsubscribed it: the endpoint is told and may resubscribe. The
        // message carries a token of its own, not the subscription confirmation's (recorded on AWS).
        if (s.protocol().isHttp() && !s.isPending() && (!authenticated || !ctx.accountId().equals(s.owner()))) {
            state.confirmations.unsubscribeConfirmation(s, newToken(), ctx.endpoint());
        }
        return Outputs.empty();
    }

    public ObjectNode listSubscriptions(RequestContext ctx, ObjectNode in) {
        long after = PageToken.decodeLong(Inputs.text(in, "NextToken"));
        NavigableMap<Long, Subscription> all = state.subscriptions.bySeq();
        return page(after == Long.MIN_VALUE ? all : all.tailMap(after, false), s ->
                s.owner().equals(ctx.accountId()) && s.topic().region().equals(ctx.region()));
    }

    public ObjectNode listSubscriptionsByTopic(RequestContext ctx, ObjectNode in) {
        Topic topic = state.topic(ctx, Inputs.text(in, "TopicArn"), "TopicArn");
        long after = PageToken.decodeLong(Inputs.text(in, "NextToken"));
        NavigableMap<Long, Subscription> all = topic.subscriptionsBySeq();
        return page(after == Long.MIN_VALUE ? all : all.tailMap(after, false), s -> true);
    }

    private static ObjectNode page(NavigableMap<Long, Subscription> from, java.util.function.Predicate<Subscription> include) {
        ObjectNode out = Outputs.empty();
        ArrayNode list = out.putArray("Subscriptions");
        int count = 0;
        long last = 0;
        for (Subscription s : from.values()) {
            if (!include.test(s)) {
                continue;
            }
            if (count == PAGE_SIZE) {
                out.put("NextToken", PageToken.encode(Long.toString(last)));
                break;
            }
            ObjectNode e = list.addObject();
            e.put("SubscriptionArn", s.isPending() ? "PendingConfirmation" : s.arn());
            e.put("Owner", s.owner());
            e.put("Protocol", s.protocol().wireName());
            e.put("Endpoint", s.endpoint());
            e.put("TopicArn", s.topic().arn());
            last = s.seq();
            count++;
        }
        return out;
    }

    public ObjectNode getSubscriptionAttributes(RequestContext ctx, ObjectNode in) {
        Subscription s = state.subscription(Inputs.text(in, "SubscriptionArn"));
        return Outputs.attributes("Attributes", render(s, state.clock.millis()));
    }

    /** Every attribute AWS answers for a subscription ({@code now} for ReplayStatus). */
    private static Map<String, String> render(Subscription s, long now) {
        SubscriptionSettings settings = s.settings();
        Map<String, String> out = new LinkedHashMap<>();
        String partition = Arn.parse(s.arn()).map(Arn::partition).orElse("aws");
        out.put("Owner", s.owner());
        out.put("RawMessageDelivery", Boolean.toString(settings.rawMessageDelivery()));
        out.put("TopicArn", s.topic().arn());
        out.put("Endpoint", s.endpoint());
        out.put("Protocol", s.protocol().wireName());
        out.put("PendingConfirmation", Boolean.toString(s.isPending()));
        out.put("ConfirmationWasAuthenticated", Boolean.toString(s.confirmationAuthenticated()));
        out.put("SubscriptionArn", s.arn());
        out.put("SubscriptionPrincipal", "arn:" + partition + ":iam::" + s.owner() + ":root");
        if (settings.filterPolicyJson() != null) {
            // AWS shows the scope only beside a policy; one set before the policy is kept until then, and
            // (a guess: unrecorded) removing the policy removes it too.
            out.put("FilterPolicy", settings.filterPolicyJson());
            out.put("FilterPolicyScope", settings.effectiveScope().wireName());
        }
        if (settings.redrivePolicyJson() != null) {
            out.put("RedrivePolicy", settings.redrivePolicyJson());
        }
        if (settings.deliveryPolicyJson() != null) {
            out.put("DeliveryPolicy", settings.deliveryPolicyJson());
        }
        if (settings.subscriptionRoleArn() != null) {
            out.put("SubscriptionRoleArn", settings.subscriptionRoleArn());
        }
        ReplayPolicy replay = settings.replayPolicy();
        if (replay != null) {
            out.put("ReplayPolicy", replay.json());
            // The archive is replayed within the call that sets the policy; what is left is its EndingPoint.
            out.put("ReplayStatus", s.replayed() == null ? "Pending" : replay.takes(now) && replay.endingPoint() != null
                    ? "In progress" : "Completed");
        }
        if (s.protocol().isHttp()) {
            DeliveryPolicy effective = DeliveryPolicy.effective(s.topic().deliveryPolicy(), settings.deliveryPolicy());
            try {
                out.put("EffectiveDeliveryPolicy", JSON.writeValueAsString(effective.subscriptionEffectiveJson(true)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    public ObjectNode setSubscriptionAttributes(RequestContext ctx, ObjectNode in) {
        Subscription s = state.subscription(Inputs.text(in, "SubscriptionArn"));
        String name = Inputs.text(in, "AttributeName");
        if (name == null || !SubscriptionAttributes.isSettable(name)) {
            throw SnsErrors.invalid("AttributeName");
        }
        synchronized (state.lock) {
            SubscriptionSettings next = SubscriptionAttributes.apply(s.settings(), s.protocol(), s.endpoint(),
                    s.topic().isFifo(), name, Inputs.text(in, "AttributeValue"));
            if (s.protocol() == Protocol.FIREHOSE && next.subscriptionRoleArn() == null) {
                throw SnsErrors.invalid("SubscriptionRoleArn");
            }
            s.settings(next);
        }
        if (name.equals(SubscriptionAttributes.REPLAY_POLICY) && !s.isPending()) {
            replay(s);
        }
        return Outputs.empty();
    }

    /**
     * Starts the replay a subscription's ReplayPolicy asks for, replacing any earlier one, and runs it through: the
     * topic's archived messages from the starting point to the ending point (or to now) are delivered again, then new
     * messages until the ending point. It holds the topic's FIFO order, so no publish slips between the archive and
     * the live messages. No policy, no replay: the subscription takes new messages as any other.
     */
    private void replay(Subscription s) {
        ReplayPolicy policy = s.settings().replayPolicy();
        Topic topic = s.topic();
        synchronized (topic.fifoOrder()) {
            if (policy != null) {
                long now = state.clock.millis();
                long to = policy.endingPoint() != null ? Math.min(policy.endingPoint(), now) : now;
                state.dispatcher.replay(topic, s, topic.archive().publishedBetween(policy.startingPoint(), to, now));
            }
            s.replayed(policy);
        }
    }
}
