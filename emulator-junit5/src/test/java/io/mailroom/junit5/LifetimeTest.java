package io.mailroom.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailroom.server.Mailroom;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sqs.SqsClient;

/** How long servers live and when their state is dropped, checked by running test classes through JUnit. */
class LifetimeTest {

    @Test
    void extendWithSharesOneServerAcrossTheClassAndClosesItAfterwards() {
        List<Seen> seen = Seen.clear();
        Engine.runPassing(DefaultCase.class, 2);

        assertThat(seen).extracting(Seen::test).containsExactly("first", "second");
        assertThat(seen.get(1).server()).isSameAs(seen.get(0).server());
        assertThat(seen.get(1).queues()).containsExactly("first");
        assertThat(Ports.listening(seen.get(0).server().port())).isFalse();
    }

    @Test
    void perMethodStartsAFreshServerForEachTestAndClosesEach() {
        List<Seen> seen = Seen.clear();
        Engine.runPassing(PerMethodCase.class, 2);

        Mailroom first = seen.get(0).server();
        Mailroom second = seen.get(1).server();
        assertThat(second).isNotSameAs(first);
        assertThat(second.port()).isNotEqualTo(first.port());
        assertThat(seen.get(1).queues()).isEmpty();
        assertThat(Ports.listening(first.port())).isFalse();
        assertThat(Ports.listening(second.port())).isFalse();
    }

    @Test
    void perMethodWorksOnAnInstanceField() {
        List<Seen> seen = Seen.clear();
        Engine.runPassing(PerMethodInstanceFieldCase.class, 2);

        assertThat(seen.get(1).server()).isNotSameAs(seen.get(0).server());
        assertThat(seen.get(1).queues()).isEmpty();
    }

    @Test
    void resetBeforeEachTestKeepsTheServerButDropsItsState() {
        List<Seen> seen = Seen.clear();
        Engine.runPassing(ResetEachCase.class, 2);

        assertThat(seen.get(1).server()).isSameAs(seen.get(0).server());
        assertThat(seen.get(1).queues()).isEmpty();
    }

    @Test
    void resetMailroomOnAMethodResetsBeforeThatTestOnly() {
        List<Seen> seen = Seen.clear();
        Engine.runPassing(ResetOneMethodCase.class, 3);

        assertThat(seen.get(1).queues()).isEmpty();
        assertThat(seen.get(2).queues()).containsExactly("second");
    }

    @Test
    void resetMailroomOnAClassResetsBeforeEachOfItsTestsAndItsNestedTests() {
        List<Seen> seen = Seen.clear();
        Engine.runPassing(ResetClassCase.class, 2);

        assertThat(seen).extracting(Seen::test).containsExactly("outer", "inner");
        assertThat(seen.get(1).server()).isSameAs(seen.get(0).server());
        assertThat(seen.get(1).queues()).isEmpty();
    }

    @Test
    void nestedClassesShareTheOuterClassServer() {
        List<Seen> seen = Seen.clear();
        Engine.runPassing(NestedCase.class, 2);

        assertThat(seen).extracting(Seen::test).containsExactly("outer", "inner");
        assertThat(seen.get(1).server()).isSameAs(seen.get(0).server());
        assertThat(seen.get(1).queues()).containsExactly("outer");
    }

    @Test
    void perClassOnAnInstanceFieldStillSharesOneServer() {
        List<Seen> seen = Seen.clear();
        Engine.runPassing(PerClassInstanceFieldCase.class, 2);

        assertThat(seen.get(1).server()).isSameAs(seen.get(0).server());
        assertThat(Ports.listening(seen.get(0).server().port())).isFalse();
    }

    @ExtendWith(MailroomExtension.class)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class DefaultCase {
        @Test
        @Order(1)
        void first(Mailroom mailroom, SqsClient sqs) {
            Seen.record("first", mailroom, sqs);
        }

        @Test
        @Order(2)
        void second(Mailroom mailroom, SqsClient sqs) {
            Seen.record("second", mailroom, sqs);
        }
    }

    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class PerMethodCase {
        @RegisterExtension
        static final MailroomExtension MAILROOM = MailroomExtension.perMethod();

        @Test
        @Order(1)
        void first(Mailroom mailroom, SqsClient sqs) {
            Seen.record("first", mailroom, sqs);
        }

        @Test
        @Order(2)
        void second(Mailroom mailroom, SqsClient sqs) {
            Seen.record("second", mailroom, sqs);
        }
    }

    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class PerMethodInstanceFieldCase {
        @RegisterExtension
        final MailroomExtension mailroom = MailroomExtension.perMethod();

        @Test
        @Order(1)
        void first(Mailroom mailroom, SqsClient sqs) {
            Seen.record("first", mailroom, sqs);
        }

        @Test
        @Order(2)
        void second(Mailroom mailroom, SqsClient sqs) {
            Seen.record("second", mailroom, sqs);
        }
    }

    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class PerClassInstanceFieldCase {
        @RegisterExtension
        final MailroomExtension mailroom = MailroomExtension.perClass();

        @Test
        @Order(1)
        void first(Mailroom mailroom, SqsClient sqs) {
            Seen.record("first", mailroom, sqs);
        }

        @Test
        @Order(2)
        void second(Mailroom mailroom, SqsClient sqs) {
            Seen.record("second", mailroom, sqs);
        }
    }

    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class ResetEachCase {
        @RegisterExtension
        static final MailroomExtension MAILROOM = MailroomExtension.perClass().resetBeforeEachTest();

        @Test
        @Order(1)
        void first(Mailroom mailroom, SqsClient sqs) {
            Seen.record("first", mailroom, sqs);
        }

        @Test
        @Order(2)
        void second(Mailroom mailroom, SqsClient sqs) {
            Seen.record("second", mailroom, sqs);
        }
    }

    @ExtendWith(MailroomExtension.class)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class ResetOneMethodCase {
        @Test
        @Order(1)
        void first(Mailroom mailroom, SqsClient sqs) {
            Seen.record("first", mailroom, sqs);
        }

        @Test
        @Order(2)
        @ResetMailroom
        void second(Mailroom mailroom, SqsClient sqs) {
            Seen.record("second", mailroom, sqs);
        }

        @Test
        @Order(3)
        void third(Mailroom mailroom, SqsClient sqs) {
            Seen.record("third", mailroom, sqs);
        }
    }

    @ExtendWith(MailroomExtension.class)
    @ResetMailroom
    static class ResetClassCase {
        @Test
        void outer(Mailroom mailroom, SqsClient sqs) {
            Seen.record("outer", mailroom, sqs);
        }

        @Nested
        class Inner {
            @Test
            void inner(Mailroom mailroom, SqsClient sqs) {
                Seen.record("inner", mailroom, sqs);
            }
        }
    }

    @ExtendWith(MailroomExtension.class)
    static class NestedCase {
        @Test
        void outer(Mailroom mailroom, SqsClient sqs) {
            Seen.record("outer", mailroom, sqs);
        }

        @Nested
        class Inner {
            @Test
            void inner(Mailroom mailroom, SqsClient sqs) {
                Seen.record("inner", mailroom, sqs);
            }
        }
    }
}
