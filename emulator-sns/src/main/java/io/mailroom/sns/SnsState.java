package io.mailroom.sns;

import io.mailroom.core.delivery.HttpPoster;
import io.mailroom.core.delivery.QueueSink;
import io.mailroom.core.request.RequestContext;
import io.mailroom.core.time.Clock;
import io.mailroom.core.time.Scheduler;
import io.mailroom.sns.arn.Arn;
import io.mailroom.sns.delivery.Confirmations;
import io.mailroom.sns.delivery.DeliveryPorts;
import io.mailroom.sns.delivery.Dispatcher;
import io.mailroom.sns.delivery.TargetLog;
import io.mailroom.sns.email.EmailSink;
import io.mailroom.sns.platform.PlatformRegistry;
import io.mailroom.sns.signing.MessageSigner;
import io.mailroom.sns.signing.SigningKeys;
import io.mailroom.sns.sms.SmsAccounts;
import io.mailroom.sns.subscription.Subscription;
import io.mailroom.sns.subscription.SubscriptionRegistry;
import io.mailroom.sns.topic.Topic;
import io.mailroom.sns.topic.TopicRegistry;
import java.util.concurrent.Executor;

/**
 * Everything the SNS engine holds, and the lock control-plane changes take. Publishing reads
 * immutable snapshots and never takes the lock.
 */
public final class SnsState {
    public final Object lock = new Object();
    public final Clock clock;
    public final TopicRegistry topics = new TopicRegistry();
    public final SubscriptionRegistry subscriptions = new SubscriptionRegistry();
    public final PlatformRegistry platforms = new PlatformRegistry();
    public final SmsAccounts sms = new SmsAccounts();
    public final TargetLog smsLog = new TargetLog("sms_messages");
    public final TargetLog pushLog = new TargetLog("platform_endpoint_messages");
    public final TargetLog lambdaLog = new TargetLog("lambda_invocations");
    public final TargetLog firehoseLog = new TargetLog("firehose_records");
    public final SigningKeys keys;
    public final Dispatcher dispatcher;
    public final Confirmations confirmations;

    public SnsState(Clock clock, Scheduler scheduler, Executor signing, QueueSink queues, HttpPoster http,
                    EmailSink email, SigningKeys keys) {
        this.clock = clock;
        this.keys = keys;
        DeliveryPorts ports = new DeliveryPorts(clock, scheduler, signing, queues, http, new MessageSigner(keys), email,
                smsLog, pushLog, lambdaLog, firehoseLog, platforms, sms);
        this.dispatcher = new Dispatcher(ports, topics);
        this.confirmations = new Confirmations(ports);
    }

    /** The topic a TopicArn names: InvalidParameter if malformed or of another region, NotFound if absent. */
    public Topic topic(RequestContext ctx, String topicArn, String member) {
        Arn arn = arn(topicArn, member);
        if (!arn.service().equals("sns") || arn.resource().contains(":")) {
            throw SnsErrors.invalid(member);
        }
        if (!arn.region().equals(ctx.region())) {
            // A topic of another region is not visible through this region's endpoint.
            throw SnsErrors.invalid(member);
        }
        return topics.find(topicArn).orElseThrow(SnsErrors::topicNotFound);
    }

    /**
     * A subscription by ARN: InvalidParameter if malformed, naming the SubscriptionId when the six elements
     * end without one (AWS: {@code arn:aws:sns:us-east-1:111111111111:random}), NotFound if absent.
     */
    public Subscription subscription(String subscriptionArn) {
        return subscriptions.find(subscriptionArnOf(subscriptionArn)).orElseThrow(SnsErrors::subscriptionNotFound);
    }

    /** Checks a SubscriptionArn's form as {@link #subscription} does, and answers it. */
    public static String subscriptionArnOf(String subscriptionArn) {
        Arn arn = arn(subscriptionArn, "SubscriptionArn");
        if (!arn.service().equals("sns")) {
            throw SnsErrors.invalid("SubscriptionArn");
        }
        if (!arn.resource().contains(":")) {
            throw SnsErrors.invalid("SubscriptionId");
        }
        return subscriptionArn;
    }

    /**
     * Parses an ARN member. Fewer than six elements is refused with the reason AWS's ARN parser gives
     * ("randomstring" → "TopicArn Reason: An ARN must have at least 6 elements, not 1", recorded on AWS for
     * TopicArn and SubscriptionArn); any other malformation just names the member.
     */
    public static Arn arn(String text, String member) {
        if (text == null) {
            throw SnsErrors.invalid(member);
        }
        int elements = Arn.elementCount(text);
        if (elements < 6) {
            throw SnsErrors.invalid(member + " Reason: An ARN must have at least 6 elements, not " + elements);
        }
        return Arn.parse(text).orElseThrow(() -> SnsErrors.invalid(member));
    }

    /** The topic a tagging call names: ResourceNotFound when there is none. */
    public Topic taggedTopic(String resourceArn) {
        Arn arn = Arn.parse(resourceArn).orElseThrow(() -> SnsErrors.invalid("ResourceArn"));
        if (!arn.service().equals("sns")) {
            throw SnsErrors.invalid("ResourceArn");
        }
        return topics.find(resourceArn).orElseThrow(() ->
                SnsErrors.RESOURCE_NOT_FOUND.exception("Resource does not exist"));
    }

    public void clear() {
        synchronized (lock) {
            topics.clear();
            subscriptions.clear();
            platforms.clear();
            sms.clear();
            smsLog.clearAll();
            pushLog.clearAll();
            lambdaLog.clearAll();
            firehoseLog.clearAll();
        }
    }
}
