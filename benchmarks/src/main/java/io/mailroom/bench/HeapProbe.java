package io.mailroom.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Java heap in use by the server after a full GC, i.e. its live set, via {@code jcmd GC.run} and
 * {@code GC.heap_info}. RSS alone cannot tell live data from heap the JVM merely reserved.
 */
final class HeapProbe {
    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    private HeapProbe() {
    }

    /** Bytes in use after a full GC, or -1 if jcmd is missing or the server is not a HotSpot JVM. */
    static long liveBytesAfterFullGc(long pid) {
        if (pid <= 0) {
            return -1;
        }
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!Files.isExecutable(jcmd)) {
            return -1;
        }
        jcmd(jcmd, pid, "GC.run");
        Matcher m = USED.matcher(jcmd(jcmd, pid, "GC.heap_info"));
        return m.find() ? Long.parseLong(m.group(1)) * 1024 : -1;
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
