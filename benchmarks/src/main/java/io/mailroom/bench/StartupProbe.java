package io.mailroom.bench;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Starts a server process and measures process start → first served request: from just before the
 * spawn until {@code GET /_mailroom/health} first answers 200, polled every 2 ms over a raw socket; then
 * until a first SQS call (ListQueues over the JSON protocol) is answered.
 * A JVM-resident poller costs far less CPU per poll than forking curl, which on 2 cores would slow
 * the very startup being measured. The server is left running; its PID goes to a file.
 */
final class StartupProbe {
    private static final long POLL_NANOS = Duration.ofMillis(2).toNanos();
    private static final Duration START_LIMIT = Duration.ofSeconds(60);
    private static final byte[] HEALTH_REQUEST =
            "GET /_mailroom/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII);
    /** An SQS call as the SDK sends it (JSON protocol), minus the signature the server does not check. */
    private static final byte[] LIST_QUEUES_REQUEST = ("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
            + "X-Amz-Target: AmazonSQS.ListQueues\r\nContent-Type: application/x-amz-json-1.0\r\n"
            + "Content-Length: 2\r\n\r\n{}").getBytes(StandardCharsets.US_ASCII);

    private StartupProbe() {
    }

    /** @return the started process; startup time and idle RSS are added to {@code result} */
    static Process start(List<String> command, int port, Path log, Duration idle, ScenarioResult.Builder result)
            throws IOException, InterruptedException {
        if (healthy(port)) {
            throw new IllegalStateException("something already answers on 127.0.0.1:" + port);
        }
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(new File("/dev/null"));
        long t0 = System.nanoTime();
        Process server = pb.start();
        long deadline = t0 + START_LIMIT.toNanos();
        while (!healthy(port)) {
            if (!server.isAlive()) {
                throw new IllegalStateException("server exited during startup (code " + server.exitValue() + "); see " + log);
            }
            if (System.nanoTime() > deadline) {
                server.destroy();
                throw new IllegalStateException("server not healthy after " + START_LIMIT.toSeconds() + " s; see " + log);
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
        double startupMillis = (System.nanoTime() - t0) / 1e6;
        // CPU used to get there: unlike wall time, barely moved by other work on a shared machine.
        long startupCpu = new ServerProbe(server.pid()).cpuNanos();
        String startupThreads = ThreadCpu.read(server.pid()).describeSince(ThreadCpu.NONE);
        // The health endpoint needs none of SQS's request path; the first real call shows what remains.
        boolean sqsAnswered = answers(port, LIST_QUEUES_REQUEST);
        double firstSqsMillis = (System.nanoTime() - t0) / 1e6;
        if (!sqsAnswered) {
            throw new IllegalStateException("the first ListQueues was not answered with 200; see " + log);
        }
        // Idle means after startup work (JIT of the startup path, lazy init) has settled.
        Thread.sleep(idle.toMillis());
        long rss = new ServerProbe(server.pid()).rssBytes();
        result.add("startup_ms", startupMillis, "ms")
                .add("first_sqs_ms", firstSqsMillis, "ms")
                .add("startup_cpu_ms", startupCpu / 1e6, "ms")
                .add("idle_rss_mib", rss / (1024.0 * 1024.0), "MiB")
                .note("until first served request, " + startupThreads);
        return server;
    }

    private static boolean healthy(int port) {
        return answers(port, HEALTH_REQUEST);
    }

    private static boolean answers(int port, byte[] request) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            s.setSoTimeout(1_000);
            OutputStream out = s.getOutputStream();
            out.write(request);
            out.flush();
            InputStream in = s.getInputStream();
            byte[] head = in.readNBytes(12); // "HTTP/1.1 200"
            return new String(head, StandardCharsets.US_ASCII).endsWith(" 200");
        } catch (IOException e) {
            return false;
        }
    }

    static void writePid(Path pidFile, Process server) throws IOException {
        Files.writeString(pidFile, server.pid() + "\n");
    }
}
