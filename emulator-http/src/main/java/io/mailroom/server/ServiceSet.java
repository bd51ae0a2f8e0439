package io.mailroom.server;

import io.mailroom.core.service.AwsService;
import io.mailroom.core.time.ServerClock;
import io.mailroom.sqs.SqsService;
import java.util.List;

/** The services this server emulates, wired to one clock. */
public record ServiceSet(SqsService sqs) {

    public static ServiceSet create(ServerClock clock) {
        return new ServiceSet(new SqsService(clock, clock));
    }

    public List<AwsService> all() {
        return List.of(sqs);
    }
}
