package io.mailroom.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class ProcessAgeTest {
    // Field 22 (starttime) is 12345 ticks: 123.45 s after boot.
    private static final String STAT = "4242 (java (odd) name) S 1 4242 4242 0 -1 4194560 2911 0 0 0 12 3 0 0 20 0 "
            + "19 0 12345 3686400000 31000 18446744073709551615 1 1 0 0 0 0 0 4096 16384 0 0 0 17 1 0 0 0 0 0\n";

    @Test
    void theAgeIsTheUptimeLessTheStartTimeInTicks() {
        assertThat(ProcessAge.millis("125.95 201.20\n", STAT)).isEqualTo(2_500);
    }

    @Test
    void aCommandNameWithSpacesAndParenthesesDoesNotShiftTheFields() {
        assertThat(ProcessAge.millis("123.45 0.00\n", STAT)).isZero();
    }

    @Test
    void textThatIsNotProcStatIsRefused() {
        assertThatThrownBy(() -> ProcessAge.millis("1.00 1.00", "no parentheses here"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thisProcessIsAboutAsOldAsTheJvmSays() {
        long jvm = ManagementFactory.getRuntimeMXBean().getUptime();
        long age = ProcessAge.millis();
        long jvmAfter = ManagementFactory.getRuntimeMXBean().getUptime();
        // The kernel counts in hundredths of a second and from fork, a little before the JVM's own clock.
        assertThat(age).isBetween(jvm - 20, jvmAfter + 1_000);
    }
}
