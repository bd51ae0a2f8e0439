package io.mailroom.server;

import io.mailroom.core.service.AwsService;
import io.mailroom.core.service.Persistent;
import io.mailroom.core.time.ServerClock;
import io.mailroom.http.outbound.JdkHttpPoster;
import io.mailroom.s3.S3Service;
import io.mailroom.ses.SesConfig;
import io.mailroom.ses.SesModule;
import io.mailroom.ses.SesService;
import io.mailroom.ses.SesV2Service;
import io.mailroom.sns.SnsService;
import io.mailroom.sqs.SqsService;
import java.util.List;

/**
 * The services this server emulates, wired to one clock and to each other through the core ports:
 * SNS delivers into SQS queues, SES publishes notifications to SNS topics, and SNS e-mail subscriptions
 * hand their mail to SES, bucket events go to queues and topics, and SES receipt rules store mail in buckets.
 * SQS is made at once; SNS, SES and the object store when something first needs them ({@link OnFirstUse}),
 * through a request, a delivery from another service, a developer endpoint or the setup file.
 */
public final class ServiceSet {
    private final SqsService sqs;
    private final OnFirstUse<SnsService> sns;
    private final OnFirstUse<S3Service> s3;
    private final OnFirstUse<SesModule> ses;
    private volatile String ownEndpoint;

    private ServiceSet(ServerClock clock, SesConfig sesConfig) {
        this.sqs = new SqsService(clock, clock);
        this.sns = new OnFirstUse<>(() -> {
            SnsService made = new SnsService(clock, clock, sqs.queueSink(), new JdkHttpPoster());
            // E-mail subscriptions' mail goes out inline, from Subscribe (the confirmation) and Publish on the
            // event loop, so SES is made with SNS (off the loop when a request makes SNS) rather than there.
            made.connectMailSink(ses().mailSink());
            made.linkOtherServicesPublishesTo(() -> ownEndpoint);
            return made;
        });
        this.s3 = new OnFirstUse<>(() -> new S3Service(clock, clock, sqs.queueSink(), DeferredPorts.topics(sns)));
        this.ses = new OnFirstUse<>(() -> SesModule.create(clock, clock, DeferredPorts.topics(sns),
                DeferredPorts.objects(s3, S3Service::objectSink), sesConfig));
    }

    public static ServiceSet create(ServerClock clock) {
        return create(clock, SesConfig.defaults());
    }

    /** @param sesConfig SES's server-wide settings (auto-verify, outcome delay, quota, sent-mail bucket) */
    public static ServiceSet create(ServerClock clock, SesConfig sesConfig) {
        return new ServiceSet(clock, sesConfig);
    }

    /** The server's own base URL, for SNS messages that SES or S3 publish (no request names a host). */
    void ownEndpoint(String endpoint) {
        this.ownEndpoint = endpoint;
    }

    public SqsService sqs() {
        return sqs;
    }

    public SnsService sns() {
        return sns.get();
    }

    public SesModule ses() {
        return ses.get();
    }

    public S3Service s3() {
        return s3.get();
    }

    /** For what needs SNS made first, off the caller's thread; making it makes SES too. */
    OnFirstUse<SnsService> deferredSns() {
        return sns;
    }

    OnFirstUse<SesModule> deferredSes() {
        return ses;
    }

    OnFirstUse<S3Service> deferredS3() {
        return s3;
    }

    /** Every service as the front end routes to it; none is made by this. */
    public List<AwsService> all() {
        return List.of(sqs,
                DeferredService.of(SnsService.DESCRIPTOR, sns),
                new DeferredService<>(SesService.DESCRIPTOR, ses, SesModule::v1),
                new DeferredService<>(SesV2Service.DESCRIPTOR, ses, SesModule::v2),
                DeferredService.of(S3Service.DESCRIPTOR, s3));
    }

    /**
     * The services that keep state in a data directory, made if they were not (a data directory's state is
     * loaded at start). ServiceSetTest checks that no other service is persistent.
     */
    public List<Persistent> persistent() {
        return List.of(sqs, s3());
    }
}
