package io.mailroom.ses;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailroom.core.service.Handler;
import io.mailroom.core.time.ServerClock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every operation of both models is served or explicitly unsupported with a reason; nothing else is listed. */
class OperationCoverageTest {
    private final SesModule ses = SesModule.create(ServerClock.manual(Instant.EPOCH), ServerClock.manual(Instant.EPOCH),
            new FakeTopics());

    @Test
    void v1TableMatchesModelAndImplementsEverything() {
        assertThat(ses.v1().operations().all().keySet())
                .containsExactlyInAnyOrderElementsOf(SesModels.V1.operations().keySet());
        // The table is the service's index: alphabetical, so a missing or misplaced line stands out.
        assertThat(List.copyOf(ses.v1().operations().all().keySet())).isSorted();
        assertThat(ses.v1().operations().all().values()).allMatch(h -> h instanceof Handler.Sync);
        assertThat(ses.v1().descriptor().signingName()).isEqualTo("email");
        assertThat(ses.v1().descriptor().queryModel()).isPresent();
    }

    @Test
    void v2TableMatchesModelAndUnsupportedOnesGiveReasons() {
        Map<String, Handler> all = ses.v2().operations().all();
        assertThat(all.keySet()).containsExactlyInAnyOrderElementsOf(SesModels.V2.operations().keySet());
        assertThat(List.copyOf(all.keySet())).isSorted();
        Map<String, String> unsupported = all.entrySet().stream()
                .filter(e -> e.getValue() instanceof Handler.Unsupported)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> ((Handler.Unsupported) e.getValue()).reason()));
        assertThat(unsupported.values()).allMatch(r -> r.length() > 20);
        assertThat(unsupported).doesNotContainKeys("SendEmail", "CreateEmailIdentity", "CreateContactList",
                "PutSuppressedDestination", "TestRenderEmailTemplate");
        assertThat(ses.v2().descriptor().signingName()).isEqualTo("ses");
        assertThat(ses.v2().descriptor().jsonModel()).isPresent();
    }

    @Test
    void errorsComeFromTheModels() {
        assertThat(ses.v1().descriptor().errors().get("TemplateDoesNotExistException").code())
                .isEqualTo("TemplateDoesNotExist");
        assertThat(ses.v2().descriptor().errors().get("NotFoundException").status()).isEqualTo(404);
        assertThat(ses.v2().descriptor().errors().get("TooManyRequestsException").status()).isEqualTo(429);
        assertThat(ses.v2().descriptor().errors().get("ConcurrentModificationException").status()).isEqualTo(500);
    }
}
