package io.mailroom.it;

import java.io.IOException;
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
}
