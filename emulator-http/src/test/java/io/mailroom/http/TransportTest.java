package io.mailroom.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TransportTest {
    @AfterEach
    void clearProperty() {
        System.clearProperty(Transport.THREADS_PROPERTY);
    }

    @Test
    void oneEventLoopPerFourCoresAndAtLeastOne() {
        assertThat(Transport.threadsFor(1)).isEqualTo(1);
        assertThat(Transport.threadsFor(2)).isEqualTo(1);
        assertThat(Transport.threadsFor(7)).isEqualTo(1);
        assertThat(Transport.threadsFor(8)).isEqualTo(2);
        assertThat(Transport.threadsFor(64)).isEqualTo(16);
    }

    @Test
    void nettysEventLoopThreadsPropertyOverridesTheDefault() {
        System.setProperty(Transport.THREADS_PROPERTY, "3");
        assertThat(Transport.defaultThreads()).isEqualTo(3);
        System.setProperty(Transport.THREADS_PROPERTY, "0");
        assertThat(Transport.defaultThreads()).isEqualTo(Transport.threadsFor(Runtime.getRuntime().availableProcessors()));
    }

    @Test
    void theGroupHasTheThreadsAskedFor() {
        Transport transport = Transport.create(1);
        try {
            assertThat(transport.group()).hasSize(1);
        } finally {
            transport.group().shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
        }
    }
}
