package io.mailroom.http;

import io.mailroom.core.time.ServerClock;
import io.mailroom.http.dispatch.DispatchSettings;
import io.mailroom.http.dispatch.Dispatcher;
import io.mailroom.server.ServiceSet;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.LongFunction;

/**
 * Not a test: a measuring tool for the Java part of serving a request, without sockets, so without the
 * kernel's share and the load client's noise. It drives the server's own Netty pipeline (HTTP codec,
 * aggregator, dispatcher, SQS) in one thread with requests shaped like the AWS SDK's, and prints the
 * wall time of each operation and the thread's CPU time and allocation per call (those two include the
 * tool's own building of requests and reading of answers).
 *
 * <pre>
 * ./mvnw -q -pl emulator-http -am test-compile package -DskipTests
 * java -Dio.netty.leakDetection.level=disabled -cp emulator-http/target/test-classes:emulator-http/target/mailroom.jar \
 *     io.mailroom.http.PipelineBench batch 10
 * </pre>
 * To compare two builds, {@code ab} loads both into one JVM and measures them in alternating slices
 * (the machine's other load then weighs on both alike):
 * <pre>
 * java -Dio.netty.leakDetection.level=disabled -cp emulator-http/target/test-classes \
 *     io.mailroom.http.PipelineBench ab batch 2 10 OLD/test-classes:OLD/mailroom.jar NEW/test-classes:NEW/mailroom.jar
 * </pre>
 * Scenarios: {@code batch} (the benchmark's SendMessageBatch of 10 × 1 KiB, ReceiveMessage of 10,
 * DeleteMessageBatch), {@code single} (the benchmark's {@code latency} scenario: SendMessage of 1 KiB,
 * ReceiveMessage, DeleteMessage) and {@code trivial} (GetQueueUrl: the fixed cost of any call).
 * {@code -Dpipelinebench.evictKiB=8192} pushes the tool's data out of the caches before each call (outside the
 * timed part), as a server woken from idle on a shared machine finds them (docs/performance.md, "The machine's floor").
 */
public final class PipelineBench {
    private static final String QUEUE_URL = "http://127.0.0.1:4566/000000000000/bench";
    private static final long WARM_UP_NANOS = 5_000_000_000L;
    private static final byte[] EVICTION = new byte[Integer.getInteger("pipelinebench.evictKiB", 0) * 1024];
    private static int evictionSink;

    private final EmbeddedChannel channel;

    private PipelineBench(EmbeddedChannel channel) {
        this.channel = channel;
    }

    public static void main(String[] args) throws Exception {
        String scenario = args.length > 0 ? args[0] : "batch";
        if (scenario.equals("ab")) {
            abInOneJvm(args);
            return;
        }
        long nanos = (args.length > 1 ? Long.parseLong(args[1]) : 10) * 1_000_000_000L;
        LongFunction<long[]> run = session(scenario);
        run.apply(WARM_UP_NANOS);
        System.out.println(describe(scenario, run.apply(nanos)));
        System.exit(0);
    }

    /**
     * Two builds in one JVM, each in its own class loader, measured in alternating slices: whatever else
     * the machine is doing then weighs on both alike, which separate runs minutes apart cannot promise.
     * Arguments: {@code ab SCENARIO SLICE_SECONDS ROUNDS CLASSPATH_A CLASSPATH_B}.
     */
    private static void abInOneJvm(String[] args) throws Exception {
        String scenario = args[1];
        long slice = Long.parseLong(args[2]) * 1_000_000_000L;
        int rounds = Integer.parseInt(args[3]);
        List<LongFunction<long[]>> runs = new ArrayList<>();
        for (String classpath : List.of(args[4], args[5])) {
            List<java.net.URL> urls = new ArrayList<>();
            for (String entry : classpath.split(":")) {
                urls.add(java.nio.file.Path.of(entry).toUri().toURL());
            }
            ClassLoader loader = new java.net.URLClassLoader(urls.toArray(new java.net.URL[0]),
                    ClassLoader.getPlatformClassLoader());
            @SuppressWarnings("unchecked")
            LongFunction<long[]> run = (LongFunction<long[]>) loader.loadClass(PipelineBench.class.getName())
                    .getMethod("session", String.class).invoke(null, scenario);
            run.apply(WARM_UP_NANOS);
            runs.add(run);
        }
        long[][] totals = new long[2][];
        for (int round = 0; round < rounds; round++) {
            for (int side = 0; side < 2; side++) {
                long[] figures = runs.get(side).apply(slice);
                System.out.println((side == 0 ? "A " : "B ") + describe(scenario, figures));
                if (totals[side] == null) {
                    totals[side] = figures;
                } else {
                    for (int i = 0; i < figures.length; i++) {
                        totals[side][i] += figures[i];
                    }
                }
            }
        }
        System.out.println("A total " + describe(scenario, totals[0]));
        System.out.println("B total " + describe(scenario, totals[1]));
        System.exit(0);
    }

    /**
     * A fresh pipeline with the scenario's queue, as a function from a duration to figures: {calls, CPU
     * ns of this thread, allocated bytes, then the wall ns of each operation of the scenario}. Public and
     * typed with JDK interfaces only, so that another class loader's copy can be driven.
     */
    public static LongFunction<long[]> session(String scenario) {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        ServerClock clock = ServerClock.system();
        ServiceSet services = ServiceSet.create(clock);
        Dispatcher dispatcher = new Dispatcher(services.all(), List.of(),
                new DispatchSettings("000000000000", "us-east-1", null, "127.0.0.1:4566"), clock);
        EmbeddedChannel channel = new EmbeddedChannel();
        HttpServer.configure(channel.pipeline(), 1024 * 1024, dispatcher, new DateHeader(clock));
        PipelineBench bench = new PipelineBench(channel);
        bench.call("CreateQueue", "{\"QueueName\":\"bench\"}");
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        return nanos -> {
            long cpu = threads.getCurrentThreadCpuTime();
            long allocated = threads.getCurrentThreadAllocatedBytes();
            long[] figures = switch (scenario) {
                case "trivial" -> bench.trivial(nanos);
                case "single" -> bench.single(nanos);
                case "batch" -> bench.batch(nanos);
                default -> throw new IllegalArgumentException("scenarios: batch, single, trivial; not " + scenario);
            };
            figures[1] = threads.getCurrentThreadCpuTime() - cpu;
            figures[2] = threads.getCurrentThreadAllocatedBytes() - allocated;
            return figures;
        };
    }

    private static String describe(String scenario, long[] f) {
        String common = String.format("%.2f µs CPU/call, %.1f KiB allocated/call (%d calls)",
                f[1] / 1e3 / f[0], f[2] / 1024.0 / f[0], f[0]);
        if (scenario.equals("trivial")) {
            return String.format("trivial: GetQueueUrl %.2f µs/call; ", f[3] / 1e3 / f[0]) + common;
        }
        long cycles = f[0] / 3;
        if (scenario.equals("single")) {
            return String.format("single: SendMessage %.2f, ReceiveMessage %.2f, DeleteMessage %.2f µs; ",
                    f[3] / 1e3 / cycles, f[4] / 1e3 / cycles, f[5] / 1e3 / cycles) + common;
        }
        return String.format("batch: SendMessageBatch %.2f, ReceiveMessage %.2f, DeleteMessageBatch %.2f µs; ",
                f[3] / 1e3 / cycles, f[4] / 1e3 / cycles, f[5] / 1e3 / cycles) + common;
    }

    private long[] trivial(long nanos) {
        String request = "{\"QueueName\":\"bench\"}";
        long spent = 0;
        long calls = 0;
        for (long end = System.nanoTime() + nanos; System.nanoTime() < end; calls++) {
            spent += call("GetQueueUrl", request).nanos();
        }
        return new long[] {calls, 0, 0, spent};
    }

    private long[] batch(long nanos) {
        String send = sendBatchRequest();
        String receive = "{\"QueueUrl\":\"" + QUEUE_URL + "\",\"MaxNumberOfMessages\":10,\"WaitTimeSeconds\":0}";
        long sending = 0;
        long receiving = 0;
        long deleting = 0;
        long cycles = 0;
        for (long end = System.nanoTime() + nanos; System.nanoTime() < end; cycles++) {
            sending += call("SendMessageBatch", send).nanos();
            Answer received = call("ReceiveMessage", receive);
            receiving += received.nanos();
            Answer deleted = call("DeleteMessageBatch", deleteBatchRequest(received.body()));
            deleting += deleted.nanos();
            if (!deleted.body().contains("\"Failed\":[]")) {
                throw new IllegalStateException("delete failed: " + deleted.body());
            }
        }
        return new long[] {3 * cycles, 0, 0, sending, receiving, deleting};
    }

    /** The benchmark's {@code latency} scenario: one message sent, received and deleted. */
    private long[] single(long nanos) {
        String send = "{\"QueueUrl\":\"" + QUEUE_URL + "\",\"MessageBody\":\"" + body1KiB() + "\"}";
        String receive = "{\"QueueUrl\":\"" + QUEUE_URL + "\",\"MaxNumberOfMessages\":1,\"WaitTimeSeconds\":0}";
        String key = "\"ReceiptHandle\":\"";
        long sending = 0;
        long receiving = 0;
        long deleting = 0;
        long cycles = 0;
        for (long end = System.nanoTime() + nanos; System.nanoTime() < end; cycles++) {
            sending += call("SendMessage", send).nanos();
            Answer received = call("ReceiveMessage", receive);
            receiving += received.nanos();
            int at = received.body().indexOf(key) + key.length();
            String handle = received.body().substring(at, received.body().indexOf('"', at));
            deleting += call("DeleteMessage", "{\"QueueUrl\":\"" + QUEUE_URL + "\",\"ReceiptHandle\":\"" + handle + "\"}")
                    .nanos();
        }
        return new long[] {3 * cycles, 0, 0, sending, receiving, deleting};
    }

    private static String body1KiB() {
        Random random = new Random(42);
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 1024; i++) {
            body.append((char) ('a' + random.nextInt(26)));
        }
        return body.toString();
    }

    private static String sendBatchRequest() {
        String body = body1KiB();
        StringBuilder request = new StringBuilder("{\"QueueUrl\":\"" + QUEUE_URL + "\",\"Entries\":[");
        for (int i = 0; i < 10; i++) {
            request.append(i > 0 ? "," : "").append("{\"Id\":\"m").append(i).append("\",\"MessageBody\":\"")
                    .append(body).append("\"}");
        }
        return request.append("]}").toString();
    }

    private static String deleteBatchRequest(String receiveAnswer) {
        StringBuilder request = new StringBuilder("{\"QueueUrl\":\"" + QUEUE_URL + "\",\"Entries\":[");
        String key = "\"ReceiptHandle\":\"";
        int at = 0;
        for (int i = 0; (at = receiveAnswer.indexOf(key, at)) >= 0; i++) {
            at += key.length();
            request.append(i > 0 ? "," : "").append("{\"Id\":\"d").append(i).append("\",").append(key)
                    .append(receiveAnswer, at, receiveAnswer.indexOf('"', at)).append("\"}");
        }
        return request.append("]}").toString();
    }

    /** One request with the headers the SDK v2 sends (signature not checked), timed until its answer is out. */
    private Answer call(String operation, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = "POST / HTTP/1.1\r\nHost: 127.0.0.1:4566\r\n"
                + "amz-sdk-invocation-id: 3f1c9a5e-6b7d-4e2a-9c1f-2d8e7a6b5c4d\r\namz-sdk-request: attempt=1; max=1\r\n"
                + "Authorization: AWS4-HMAC-SHA256 Credential=bench/20261121/us-east-1/sqs/aws4_request,"
                + " SignedHeaders=amz-sdk-invocation-id;amz-sdk-request;content-length;content-type;host;x-amz-date;"
                + "x-amz-target;x-amzn-query-mode, Signature=" + "0123456789abcdef".repeat(4) + "\r\n"
                + "Content-Type: application/x-amz-json-1.0\r\n"
                + "User-Agent: aws-sdk-java/2.50.2 md/io#sync md/http#Apache ua/2.1 os/Linux#6.1 lang/java#17.0.15"
                + " md/OpenJDK_64-Bit_Server_VM#17.0.15+6 m/D,N\r\n"
                + "X-Amz-Date: 20261121T120000Z\r\nX-Amz-Target: AmazonSQS." + operation + "\r\n"
                + "x-amzn-query-mode: true\r\nContent-Length: " + body.length + "\r\nConnection: Keep-Alive\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        ByteBuf request = PooledByteBufAllocator.DEFAULT.directBuffer(headBytes.length + body.length);
        request.writeBytes(headBytes).writeBytes(body);
        evictCaches();
        long started = System.nanoTime();
        channel.writeInbound(request);
        channel.runPendingTasks();
        List<ByteBuf> written = new ArrayList<>();
        for (ByteBuf out; (out = channel.readOutbound()) != null; ) {
            written.add(out);
        }
        long nanos = System.nanoTime() - started;
        StringBuilder answer = new StringBuilder();
        for (ByteBuf out : written) {
            answer.append(out.toString(StandardCharsets.ISO_8859_1));
            out.release();
        }
        if (!answer.toString().startsWith("HTTP/1.1 200")) {
            throw new IllegalStateException(operation + " failed: " + answer);
        }
        return new Answer(nanos, answer.substring(answer.indexOf("\r\n\r\n") + 4));
    }

    /** Writes one byte per cache line of a large array, so that the call finds its data out of the caches, as in a server woken from idle. */
    private static void evictCaches() {
        for (int i = 0; i < EVICTION.length; i += 64) {
            EVICTION[i]++;
            evictionSink += EVICTION[i];
        }
    }

    private record Answer(long nanos, String body) {
    }
}
