package io.mailroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** Whether a tool some tests drive (python3 with boto3, node, npm) is installed on this machine. */
final class LocalTools {
    private LocalTools() {
    }

    /** Whether the command runs and exits with status 0 within 30 s. */
    static boolean runs(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs the script with python3 and answers what it printed; the script must finish within 60 s and succeed. */
    static String python(String script) throws IOException, InterruptedException {
        Process python = new ProcessBuilder("python3", "-").redirectErrorStream(true).start();
        python.getOutputStream().write(script.getBytes(StandardCharsets.UTF_8));
        python.getOutputStream().close();
        String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(python.waitFor(60, TimeUnit.SECONDS)).as("python3 finishes").isTrue();
        assertThat(python.exitValue()).as(output).isZero();
        return output;
    }
}
