package io.mailroom.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Server CPU split by thread group (thread names with their numbers folded, e.g. "GC Thread#")
 * and into user and kernel time, from /proc/PID/task/TID/stat. It tells whether a call's cost is
 * request handling, garbage collection, JIT compilation or system calls — the first question when
 * a CPU-per-call figure misses its target.
 */
record ThreadCpu(Map<String, Long> ticksByGroup, long userTicks, long systemTicks) {
    static final ThreadCpu NONE = new ThreadCpu(Map.of(), 0, 0);

    static ThreadCpu read(long pid) {
        if (pid <= 0) {
            return NONE;
        }
        Map<String, Long> groups = new HashMap<>();
        long user = 0;
        long system = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException e) {
                    continue; // the thread ended between listing and reading
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
                long u = Long.parseLong(f[11]);
                long s = Long.parseLong(f[12]);
                user += u;
                system += s;
                groups.merge(name.replaceAll("[0-9]+", "#"), u + s, Long::sum);
            }
        } catch (IOException e) {
            return NONE;
        }
        return new ThreadCpu(groups, user, system);
    }

    /** A one-line summary of where the CPU between {@code before} and this snapshot went. */
    String describeSince(ThreadCpu before) {
        long user = userTicks - before.userTicks;
        long system = systemTicks - before.systemTicks;
        long total = user + system;
        if (total <= 0) {
            return "no server CPU ticks in the window";
        }
        Map<String, Long> delta = new HashMap<>();
        ticksByGroup.forEach((group, ticks) -> delta.put(group, ticks - before.ticksByGroup.getOrDefault(group, 0L)));
        String groups = delta.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(6)
                .map(e -> String.format(Locale.ROOT, "%s %d%%", e.getKey(), Math.round(100.0 * e.getValue() / total)))
                .collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "server CPU: user %d%% / kernel %d%%; by thread: %s",
                Math.round(100.0 * user / total), Math.round(100.0 * system / total), groups);
    }
}
