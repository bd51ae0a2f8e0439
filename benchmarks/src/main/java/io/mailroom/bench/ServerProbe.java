package io.mailroom.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads another process's CPU time and resident memory from /proc. CPU comes from utime+stime in
 * /proc/PID/stat, which counts every thread of the process (event loops, GC, JIT), so it is what a
 * call really costs the server, not only the request handler.
 */
final class ServerProbe {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final long pid;
    private final long clockTicksPerSecond;

    ServerProbe(long pid) {
        this.pid = pid;
        this.clockTicksPerSecond = pid > 0 ? ClockTicks.perSecond() : 100;
    }

    boolean enabled() {
        return pid > 0;
    }

    long pid() {
        return pid;
    }

    /** Server CPU time (user + system) in nanoseconds, or -1 without a PID. */
    long cpuNanos() {
        if (!enabled()) {
            return -1;
        }
        String stat = read("stat");
        // The command name (field 2) is in parentheses and may hold spaces: fields are counted after its ')'.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        long utime = Long.parseLong(fields[11]); // field 14 of proc(5)
        long stime = Long.parseLong(fields[12]); // field 15
        return (utime + stime) * NANOS_PER_SECOND / clockTicksPerSecond;
    }

    /** Resident set size in bytes (VmRSS), or -1 without a PID. */
    long rssBytes() {
        if (!enabled()) {
            return -1;
        }
        for (String line : read("status").split("\n")) {
            if (line.startsWith("VmRSS:")) {
                String kb = line.substring("VmRSS:".length()).replace("kB", "").trim();
                return Long.parseLong(kb) * 1024;
            }
        }
        return -1;
    }

    boolean alive() {
        return enabled() && Files.exists(Path.of("/proc", Long.toString(pid), "stat"));
    }

    private String read(String file) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc/" + pid + "/" + file + " (has the server exited?)", e);
        }
    }
}
