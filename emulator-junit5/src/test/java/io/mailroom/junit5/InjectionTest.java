package io.mailroom.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailroom.core.time.ServerClock;
import io.mailroom.server.Mailroom;
import io.mailroom.server.ServerConfig;
import java.net.URI;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** What the extension injects, where, and how it is configured. */
class InjectionTest {
    @RegisterExtension
    static final MailroomExtension MAILROOM = MailroomExtension.perClass()
            .withConfig(ServerConfig.defaults().withPort(0).withRegion("eu-west-1"));

    private static URI endpointInBeforeAll;
    private final Mailroom fromConstructor;
    private ServerClock clockInBeforeEach;

    InjectionTest(Mailroom mailroom) {
        this.fromConstructor = mailroom;
    }

    @BeforeAll
    static void beforeAll(URI endpoint) {
        endpointInBeforeAll = endpoint;
    }

    @BeforeEach
    void beforeEach(ServerClock clock) {
        clockInBeforeEach = clock;
    }

    @Test
    void injectsTheServerItsEndpointAndItsClockEverywhere(Mailroom mailroom, URI endpoint, ServerClock clock) {
        assertThat(fromConstructor).isSameAs(mailroom).isSameAs(MAILROOM.mailroom());
        assertThat(endpoint).isEqualTo(mailroom.endpoint()).isEqualTo(endpointInBeforeAll);
        assertThat(endpoint.getPort()).isEqualTo(mailroom.port()).isNotZero();
        assertThat(clock).isSameAs(mailroom.clock()).isSameAs(clockInBeforeEach);
        assertThat(mailroom.config().region()).isEqualTo("eu-west-1");
    }

    @Test
    void injectsAnSqsClientForTheServerAndItsRegion(SqsClient sqs, URI endpoint) {
        String queueUrl = sqs.createQueue(b -> b.queueName("injected")).queueUrl();

        assertThat(queueUrl).isEqualTo(endpoint + "/000000000000/injected");
        assertThat(sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNamesWithStrings("QueueArn"))
                .attributesAsStrings()).containsEntry("QueueArn", "arn:aws:sqs:eu-west-1:000000000000:injected");
    }

    @Test
    void injectsAnSqsAsyncClient(SqsAsyncClient sqs, URI endpoint) {
        String queueUrl = sqs.createQueue(b -> b.queueName("injected-async")).join().queueUrl();

        assertThat(queueUrl).isEqualTo(endpoint + "/000000000000/injected-async");
    }

    @Test
    void injectsOneClientOfEachTypePerServer(SqsClient first, SqsClient second, SqsAsyncClient async) {
        assertThat(first).isSameAs(second);
        assertThat((Object) async).isNotSameAs(first);
    }

    @Test
    void injectsAnAwaitForTheServer(Await await, SqsClient sqs) {
        String queueUrl = sqs.createQueue(b -> b.queueName("awaited")).queueUrl();
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody("hello"));

        assertThat(await.timeout()).isEqualTo(Await.DEFAULT_TIMEOUT);
        assertThat(await.message(queueUrl).body()).isEqualTo("hello");
    }

    @Test
    void closesTheClientsItMadeWithTheServer() {
        Engine.runPassing(ClientKeeperCase.class, 1);

        assertThatThrownBy(() -> ClientKeeperCase.client.listQueues()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void leavesTypesItDoesNotKnowToOtherResolvers() {
        EngineExecutionResults results = Engine.run(UnknownTypesCase.class);

        assertThat(results.testEvents().failed().stream().map(Engine::describe))
                .anySatisfy(failure -> assertThat(failure).contains("No ParameterResolver registered for parameter [java.lang.String"))
                .anySatisfy(failure -> assertThat(failure).contains("No ParameterResolver registered for parameter [software.amazon.awssdk.core.SdkClient"));
    }

    @Test
    void perMethodServersCannotBeInjectedIntoTheConstructor() {
        EngineExecutionResults results = Engine.run(PerMethodConstructorCase.class);

        assertThat(results.testEvents().failed().stream().map(Engine::describe)).singleElement().asString()
                .contains("MailroomExtension.perMethod() starts a server for each test, so Mailroom can be injected "
                        + "into test and @BeforeEach/@AfterEach methods");
    }

    @Test
    void mailroomAccessorFailsOutsideTheTestsItRuns() {
        assertThatThrownBy(() -> MailroomExtension.perClass().mailroom())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no Mailroom server is running");
    }

    @Test
    void mailroomAccessorFindsTheClassServerFromAPerClassExtensionOnAnInstanceField() {
        Engine.runPassing(AccessorOnInstanceFieldCase.class, 2);
    }

    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class AccessorOnInstanceFieldCase {
        // Not static: JUnit registers a new extension instance with every test instance.
        @RegisterExtension
        final MailroomExtension extension = MailroomExtension.perClass();

        @Test
        @Order(1)
        void first(Mailroom mailroom) {
            assertThat(extension.mailroom()).isSameAs(mailroom);
        }

        @Test
        @Order(2)
        void second(Mailroom mailroom) {
            assertThat(extension.mailroom()).isSameAs(mailroom);
        }
    }

    static class ClientKeeperCase {
        @RegisterExtension
        static final MailroomExtension MAILROOM = MailroomExtension.perClass();
        static SqsClient client;

        @Test
        void keep(SqsClient sqs) {
            client = sqs;
        }
    }

    static class UnknownTypesCase {
        @RegisterExtension
        static final MailroomExtension MAILROOM = MailroomExtension.perClass();

        @Test
        void string(String notMine) {
        }

        @Test
        void notAServiceClient(SdkClient notMine) {
        }
    }

    static class PerMethodConstructorCase {
        @RegisterExtension
        static final MailroomExtension MAILROOM = MailroomExtension.perMethod();

        PerMethodConstructorCase(Mailroom mailroom) {
        }

        @Test
        void test() {
        }
    }
}
