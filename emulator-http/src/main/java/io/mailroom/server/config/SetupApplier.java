package io.mailroom.server.config;

import io.mailroom.s3.notification.DestinationPorts;
import io.mailroom.server.ServiceSet;

/**
 * Applies a {@link Setup} through the services' own operations, in dependency order rather than file
 * order: queues, then redrive policies, then topics, subscriptions, buckets with their notifications, and
 * SES. So a dead-letter queue, a subscribed queue, a bucket's destination, a receipt rule's bucket or a
 * notification topic may be declared anywhere in the file, in any account.
 */
public final class SetupApplier {
    private final ServiceSet services;

    public SetupApplier(ServiceSet services) {
        this.services = services;
    }

    /**
     * @param endpoint base URL of the server ({@code http://host:port}), for the URLs services hand out
     *                 while applying (an SNS confirmation's SubscribeURL)
     * @throws ConfigException naming the line and field of the first thing a service refused
     */
    public void apply(Setup setup, String endpoint) {
        // Made here, not with the applier: SNS, SES and S3 start when first needed, and a server without
        // a setup file never applies one.
        SqsApplier sqs = new SqsApplier(services.sqs());
        SnsApplier sns = new SnsApplier(services.sns());
        S3Applier s3 = new S3Applier(services.s3(), new DestinationPorts(services.sqs().queueSink(), services.sns()));
        SesApplier ses = new SesApplier(services.ses().v1());
        setup.stream().forEach(ses::check);
        setup.stream().forEach(s3::check);
        setup.stream().forEach(a -> sqs.createQueues(a, endpoint));
        setup.stream().forEach(a -> sqs.setRedrivePolicies(a, endpoint));
        setup.stream().forEach(a -> sns.createTopics(a, endpoint));
        setup.stream().forEach(a -> sns.subscribe(a, endpoint));
        setup.stream().forEach(a -> s3.apply(a, endpoint));
        setup.stream().forEach(a -> ses.apply(a, endpoint));
    }
}
