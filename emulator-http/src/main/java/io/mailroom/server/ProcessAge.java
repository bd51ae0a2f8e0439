package io.mailroom.server;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How long ago this process started, for the server's ready line. On Linux it comes from the kernel:
 * {@code /proc/uptime} and the start time in {@code /proc/self/stat} both count from boot, in hundredths
 * of a second. The JVM's RuntimeMXBean knows it to the millisecond but loading it costs some 30 ms of CPU
 * just as the first requests arrive, and ProcessHandle's start instant can be a second off (it adds a boot
 * time given in whole seconds).
 */
final class ProcessAge {
    /** USER_HZ: the unit of /proc's clock-tick fields, 100 on every Linux architecture the JDK runs on. */
    private static final int TICKS_PER_SECOND = 100;

    private ProcessAge() {
    }

    static long millis() {
        try {
            String uptime = Files.readString(Path.of("/proc/uptime"));
            String stat = Files.readString(Path.of("/proc/self/stat"));
            return millis(uptime, stat);
        } catch (IOException | RuntimeException e) {
            return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        }
    }

    /** From the two files' text; IllegalArgumentException if either is not what Linux writes. */
    static long millis(String uptime, String stat) {
        double sinceBoot = Double.parseDouble(uptime.substring(0, uptime.indexOf(' ')));
        // The command name (field 2) is in parentheses and may itself hold spaces and parentheses.
        int commandEnd = stat.lastIndexOf(')');
        if (commandEnd < 0) {
            throw new IllegalArgumentException("not a /proc/PID/stat line: " + stat);
        }
        String[] fields = stat.substring(commandEnd + 2).trim().split(" ");
        long startTicks = Long.parseLong(fields[22 - 3]); // field 22, starttime; fields[0] is field 3
        return Math.max(0, Math.round(sinceBoot * 1000) - startTicks * 1000 / TICKS_PER_SECOND);
    }
}
