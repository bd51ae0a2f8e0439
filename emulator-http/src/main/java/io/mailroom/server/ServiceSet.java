package io.mailroom.server;

import io.mailroom.core.service.AwsService;
import io.mailroom.core.time.ServerClock;
import io.mailroom.http.outbound.JdkHttpPoster;
import io.mailroom.s3.S3Service;
import io.mailroom.ses.SesConfig;
import io.mailroom.ses.SesModule;
import io.mailroom.sns.SnsService;
import io.mailroom.sqs.SqsService;
import java.util.List;

/**
 * The services this server emulates, wired to one clock and to each other through the core ports:
 * SNS delivers into SQS queues, SES publishes notifications to SNS topics, and SNS e-mail subscriptions
 * hand their mail to SES, bucket events go to queues and topics, and SES receipt rules store mail in buckets.
 */
public record ServiceSet(SqsService sqs, SnsService sns, SesModule ses, S3Service s3) {

    public static ServiceSet create(ServerClock clock) {
        return create(clock, SesConfig.defaults());
    }

    /** @param sesConfig SES's server-wide settings (auto-verify, outcome delay, quota, sent-mail bucket) */
    public static ServiceSet create(ServerClock clock, SesConfig sesConfig) {
        SqsService sqs = new SqsService(clock, clock);
        SnsService sns = new SnsService(clock, clock, sqs.queueSink(), new JdkHttpPoster());
        S3Service s3 = new S3Service(clock, sqs.queueSink(), sns);
        SesModule ses = SesModule.create(clock, clock, sns, s3.objectSink(), sesConfig);
        sns.connectMailSink(ses.mailSink());
        return new ServiceSet(sqs, sns, ses, s3);
    }

    public List<AwsService> all() {
        return List.of(sqs, sns, ses.v1(), ses.v2(), s3);
    }
}
