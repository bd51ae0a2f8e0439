package io.mailroom.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailroom.core.service.Persistent;
import io.mailroom.core.time.ServerClock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceSetTest {

    @Test
    void persistentListsEveryServiceThatKeepsStateOnDisk() {
        ServiceSet services = ServiceSet.create(ServerClock.manual(Instant.EPOCH));
        List<Object> all = List.of(services.sqs(), services.sns(), services.ses().v1(), services.ses().v2(),
                services.s3());

        assertThat(services.persistent()).containsExactlyInAnyOrderElementsOf(
                all.stream().filter(Persistent.class::isInstance).map(Persistent.class::cast).toList());
    }

    @Test
    void makingSnsMakesSesWhichItsEmailSubscriptionsSendThroughAndNothingElse() {
        ServiceSet services = ServiceSet.create(ServerClock.manual(Instant.EPOCH));
        assertThat(services.deferredSes().made()).isFalse();

        services.sns();

        assertThat(services.deferredSes().made()).isTrue();
        assertThat(services.deferredS3().made()).isFalse();
    }
}
