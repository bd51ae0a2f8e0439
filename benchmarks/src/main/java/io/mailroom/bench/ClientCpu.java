package io.mailroom.bench;

import java.lang.management.ManagementFactory;

/**
 * CPU time of this load-generator process. Reported beside the server's so that a reader can see
 * the client, not the server, is what saturates a 2-core machine.
 */
final class ClientCpu {
    private ClientCpu() {
    }

    static long nanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }
}
