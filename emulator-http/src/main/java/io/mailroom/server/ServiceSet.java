package io.mailroom.server;

import io.mailroom.core.service.AwsService;
import io.mailroom.core.time.ServerClock;
import io.mailroom.http.outbound.JdkHttpPoster;
import io.mailroom.sns.SnsService;
import io.mailroom.sqs.SqsService;
import java.util.List;

/** The services this server emulates, wired to one clock and to each other through the core ports. */
public record ServiceSet(SqsService sqs, SnsService sns) {

    public static ServiceSet create(ServerClock clock) {
        SqsService sqs = new SqsService(clock, clock);
        SnsService sns = new SnsService(clock, clock, sqs.queueSink(), new JdkHttpPoster());
        return new ServiceSet(sqs, sns);
    }

    public List<AwsService> all() {
        return List.of(sqs, sns);
    }
}
