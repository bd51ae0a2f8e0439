package io.mailroom.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** The kernel's USER_HZ, the unit of /proc/PID/stat CPU times; asked of {@code getconf CLK_TCK}. */
final class ClockTicks {
    private static final long LINUX_DEFAULT = 100;

    private ClockTicks() {
    }

    static long perSecond() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            if (p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0) {
                return Long.parseLong(out);
            }
        } catch (IOException | NumberFormatException e) {
            // fall through to the value every mainstream Linux build uses
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return LINUX_DEFAULT;
    }
}
