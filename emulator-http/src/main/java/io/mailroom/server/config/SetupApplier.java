package io.mailroom.server.config;

import io.mailroom.server.ServiceSet;

/**
 * Applies a {@link Setup} through the services' own operations, in dependency order rather than file
 * order: queues, then redrive policies, then topics, subscriptions and SES. So a dead-letter queue, a
 * subscribed queue or a notification topic may be declared anywhere in the file, in any account.
 */
public final class SetupApplier {
    private final SqsApplier sqs;
    private final SnsApplier sns;
    private final SesApplier ses;

    public SetupApplier(ServiceSet services) {
        this.sqs = new SqsApplier(services.sqs());
        this.sns = new SnsApplier(services.sns());
        this.ses = new SesApplier(services.ses().v1());
    }

    /**
     * @param endpoint base URL of the server ({@code http://host:port}), for the URLs services hand out
     *                 while applying (an SNS confirmation's SubscribeURL)
     * @throws ConfigException naming the line and field of the first thing a service refused
     */
    public void apply(Setup setup, String endpoint) {
        setup.stream().forEach(ses::check);
        setup.stream().forEach(a -> sqs.createQueues(a, endpoint));
        setup.stream().forEach(a -> sqs.setRedrivePolicies(a, endpoint));
        setup.stream().forEach(a -> sns.createTopics(a, endpoint));
        setup.stream().forEach(a -> sns.subscribe(a, endpoint));
        setup.stream().forEach(a -> ses.apply(a, endpoint));
    }
}
