package io.mailroom.http;

import io.mailroom.core.time.ServerClock;
import io.mailroom.http.dispatch.DispatchSettings;
import io.mailroom.http.dispatch.Dispatcher;
import io.mailroom.server.ServiceSet;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Not a test: a measuring tool for the Java part of serving a request, without sockets, so without the
 * kernel's share and the load client's noise. It drives the server's own Netty pipeline (HTTP codec,
 * aggregator, dispatcher, SQS) in one thread with requests shaped like the AWS SDK's, and prints the
 * wall time per call; run it on a quiet machine, alternating the jars being compared.
 *
 * <pre>
 * ./mvnw -q -pl emulator-http -am test-compile package -DskipTests
 * java -Dio.netty.leakDetection.level=disabled -cp emulator-http/target/test-classes:emulator-http/target/mailroom.jar \
 *     io.mailroom.http.PipelineBench batch 10
 * </pre>
 * Scenarios: {@code batch} (the benchmark's SendMessageBatch of 10 × 1 KiB, ReceiveMessage of 10,
 * DeleteMessageBatch) and {@code trivial} (GetQueueUrl: the fixed cost of any call).
 */
public final class PipelineBench {
    private static final String QUEUE_URL = "http://127.0.0.1:4566/000000000000/bench";
    private static final long WARM_UP_NANOS = 5_000_000_000L;

    private final EmbeddedChannel channel;

    private PipelineBench(EmbeddedChannel channel) {
        this.channel = channel;
    }

    public static void main(String[] args) {
        String scenario = args.length > 0 ? args[0] : "batch";
        long nanos = (args.length > 1 ? Long.parseLong(args[1]) : 10) * 1_000_000_000L;
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        ServiceSet services = ServiceSet.create(ServerClock.system());
        Dispatcher dispatcher = new Dispatcher(services.all(), List.of(),
                new DispatchSettings("000000000000", "us-east-1", null, "127.0.0.1:4566"));
        EmbeddedChannel channel = new EmbeddedChannel(new HttpServerCodec(64 * 1024, 64 * 1024, 64 * 1024),
                new HttpObjectAggregator(1024 * 1024, true), new ApiChannelHandler(dispatcher));
        PipelineBench bench = new PipelineBench(channel);
        bench.call("CreateQueue", "{\"QueueName\":\"bench\"}");
        if (scenario.equals("trivial")) {
            bench.trivial(WARM_UP_NANOS);
            System.out.println(bench.trivial(nanos));
        } else {
            bench.batch(WARM_UP_NANOS);
            System.out.println(bench.batch(nanos));
        }
        System.exit(0);
    }

    private String trivial(long nanos) {
        String request = "{\"QueueName\":\"bench\"}";
        long spent = 0;
        long calls = 0;
        for (long end = System.nanoTime() + nanos; System.nanoTime() < end; calls++) {
            spent += call("GetQueueUrl", request).nanos();
        }
        return String.format("trivial: GetQueueUrl %.2f µs/call (%d calls)", spent / 1e3 / calls, calls);
    }

    private String batch(long nanos) {
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
        return String.format("batch: SendMessageBatch %.2f, ReceiveMessage %.2f, DeleteMessageBatch %.2f,"
                        + " mean %.2f µs/call (%d cycles)", sending / 1e3 / cycles, receiving / 1e3 / cycles,
                deleting / 1e3 / cycles, (sending + receiving + deleting) / 1e3 / (3 * cycles), cycles);
    }

    private static String sendBatchRequest() {
        Random random = new Random(42);
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 1024; i++) {
            body.append((char) ('a' + random.nextInt(26)));
        }
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

    private record Answer(long nanos, String body) {
    }
}
