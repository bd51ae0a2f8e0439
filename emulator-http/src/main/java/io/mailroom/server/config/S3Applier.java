package io.mailroom.server.config;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.error.AwsException;
import io.mailroom.core.request.RequestContext;
import io.mailroom.s3.S3Model;
import io.mailroom.s3.S3Service;
import io.mailroom.s3.bucket.BucketLocation;
import io.mailroom.s3.notification.Destination;
import io.mailroom.s3.notification.DestinationPorts;
import io.mailroom.s3.notification.EventTypes;

/**
 * Buckets, after every queue and topic exists (S3 validates a notification's destinations), and before
 * SES (a receipt rule's S3 action writes to a bucket). Each bucket is created in its account's region, then
 * given its notification configuration with PutBucketNotificationConfiguration, which replaces the
 * bucket's whole configuration and, as in S3, sends {@code s3:TestEvent} to each destination.
 *
 * <p>A bucket the account already owns in that region (restored from the data directory, or created in
 * us-east-1 by an earlier apply) is taken as it is, so applying a file twice converges.
 */
final class S3Applier {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private final OperationCaller s3;
    private final DestinationPorts ports;
    private final EventTypes eventTypes = new EventTypes(S3Model.MODEL.shape("Event").enumValues());

    /** @param ports the server's queues and topics, to tell which destination S3 could not validate */
    S3Applier(S3Service service, DestinationPorts ports) {
        this.s3 = new OperationCaller(service);
        this.ports = ports;
    }

    /** Checks event names against the S3 model before anything is applied, so a typo changes nothing. */
    void check(AccountSetup account) {
        for (BucketSetup b : account.buckets()) {
            for (BucketNotificationSetup n : b.notifications()) {
                for (Located<String> event : n.events()) {
                    if (!eventTypes.isKnown(event.value())) {
                        throw event.at().error("InvalidArgument: The event is not supported for notifications: "
                                + event.value() + " (event types are written as s3:ObjectCreated:*, s3:ObjectRemoved:Delete, ...)");
                    }
                }
            }
        }
    }

    void apply(AccountSetup account, String endpoint) {
        for (BucketSetup b : account.buckets()) {
            RequestContext ctx = account.scope().context(endpoint);
            createBucket(ctx, account.scope(), b);
            if (b.notificationsAt() != null) {
                putNotifications(ctx, account.scope(), b);
            }
        }
    }

    private void createBucket(RequestContext ctx, Scope scope, BucketSetup b) {
        ObjectNode create = F.objectNode().put("Bucket", b.name().value());
        if (!BucketLocation.US_EAST_1.equals(scope.region())) {
            create.putObject("CreateBucketConfiguration").put("LocationConstraint", scope.region());
        }
        try {
            s3.call(ctx, "CreateBucket", create);
        } catch (AwsException e) {
            if (!e.error().type().equals("BucketAlreadyOwnedByYou") || !scope.region().equals(region(ctx, b))) {
                throw b.name().at().error(OperationCaller.describe(e));
            }
        }
    }

    private String region(RequestContext ctx, BucketSetup b) {
        return s3.call(ctx, "HeadBucket", F.objectNode().put("Bucket", b.name().value()), b.name().at())
                .path("BucketRegion").asText();
    }

    private void putNotifications(RequestContext ctx, Scope scope, BucketSetup b) {
        ObjectNode in = F.objectNode().put("Bucket", b.name().value());
        ObjectNode config = in.putObject("NotificationConfiguration");
        for (BucketNotificationSetup n : b.notifications()) {
            String list = n.topic() ? "TopicConfigurations" : "QueueConfigurations";
            ArrayNode configurations = config.has(list) ? (ArrayNode) config.get(list) : config.putArray(list);
            ObjectNode c = configurations.addObject();
            if (n.id() != null) {
                c.put("Id", n.id());
            }
            c.put(n.topic() ? "TopicArn" : "QueueArn", arn(scope, n));
            ArrayNode events = c.putArray("Events");
            n.events().forEach(e -> events.add(e.value()));
            if (n.prefix() != null || n.suffix() != null) {
                ArrayNode rules = c.putObject("Filter").putObject("Key").putArray("FilterRules");
                if (n.prefix() != null) {
                    rules.addObject().put("Name", "Prefix").put("Value", n.prefix());
                }
                if (n.suffix() != null) {
                    rules.addObject().put("Name", "Suffix").put("Value", n.suffix());
                }
            }
        }
        try {
            s3.call(ctx, "PutBucketNotificationConfiguration", in);
        } catch (AwsException e) {
            throw placed(e, scope, b);
        }
    }

    /**
     * At the destination S3 could not validate (missing, a FIFO queue, another region), when that is the
     * error; else at the bucket's notifications (overlapping configurations).
     */
    private ConfigException placed(AwsException e, Scope scope, BucketSetup b) {
        if (e.getMessage() != null && e.getMessage().startsWith("Unable to validate")) {
            for (BucketNotificationSetup n : b.notifications()) {
                String arn = arn(scope, n);
                Destination d = n.topic() ? new Destination.Topic(arn) : new Destination.Queue(arn);
                if (!ports.reachable(d, scope.region())) {
                    return n.destination().at().error(OperationCaller.describe(e) + ": " + arn
                            + " (S3 notifies existing standard queues and topics of the bucket's region)");
                }
            }
        }
        return b.notificationsAt().error(OperationCaller.describe(e));
    }

    private static String arn(Scope scope, BucketNotificationSetup n) {
        String name = n.destination().value();
        return n.topic() ? scope.topicRef(name) : scope.queueRef(name);
    }
}
