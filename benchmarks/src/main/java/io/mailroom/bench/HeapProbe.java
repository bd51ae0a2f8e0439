package io.mailroom.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's live heap via jcmd: {@code GC.class_histogram} (which runs a full GC first, so it
 * counts only live objects) names what the queued messages are made of, and {@code GC.heap_info}
 * right after gives the heap in use. RSS alone cannot tell live data from heap the JVM merely holds.
 */
final class HeapProbe {
    private static final Pattern USED = Pattern.compile("used (\\d+)K");
    /** "   1:       1000000     1048000000  [B (java.base@17.0.15)" */
    private static final Pattern HISTOGRAM_ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+).*$");
    private static final int CLASSES_SHOWN = 8;

    private HeapProbe() {
    }

    /** Returns {@link HeapReport#UNKNOWN} if jcmd is missing or the server is not a HotSpot JVM. */
    static HeapReport afterFullGc(long pid) {
        if (pid <= 0) {
            return HeapReport.UNKNOWN;
        }
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!Files.isExecutable(jcmd)) {
            return HeapReport.UNKNOWN;
        }
        List<String> classes = new ArrayList<>();
        for (String line : jcmd(jcmd, pid, "GC.class_histogram").split("\n")) {
            Matcher row = HISTOGRAM_ROW.matcher(line);
            if (row.matches() && classes.size() < CLASSES_SHOWN) {
                classes.add(String.format(Locale.ROOT, "%s %,d objects %,d MiB", row.group(3),
                        Long.parseLong(row.group(1)), Long.parseLong(row.group(2)) >> 20));
            }
        }
        Matcher used = USED.matcher(jcmd(jcmd, pid, "GC.heap_info"));
        return new HeapReport(used.find() ? Long.parseLong(used.group(1)) * 1024 : -1, List.copyOf(classes));
    }

    private static String jcmd(Path jcmd, long pid, String command) {
        try {
            Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "";
            }
            return out;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
