package io.mailroom.server;

import io.mailroom.protocol.json.JsonCodec;
import io.mailroom.s3.S3Model;
import io.mailroom.ses.SesModels;
import io.mailroom.sns.SnsModel;
import io.mailroom.sqs.SqsModels;
import java.util.List;

/**
 * Work taken off the start-up path: while the command line is parsed, a spare core reads the bundled
 * service models (their compiled form) and loads the JSON wire codec; both are shared by every server in
 * the JVM once made. What most requests never need is not warmed up at all but loads with its first use:
 * Jackson's object mapper (redrive and access policies, the developer endpoints; a fifth of a second of
 * CPU) and the mail libraries SES uses (Angus Mail, Handlebars).
 */
final class StartupWarmUp {

    private StartupWarmUp() {
    }

    static void start() {
        // Each reference runs a class initializer that reads one model; the result is what callers get later.
        // Only referenced: hashing the models (records) would walk every shape and link record hashing.
        thread("mailroom-warm-up", () -> {
            List.of(SqsModels.JSON, SqsModels.QUERY, SnsModel.MODEL, SesModels.V1, SesModels.V2, S3Model.MODEL);
            byte[] sample = "{\"warm\":[1]}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            JsonCodec.encode(JsonCodec.decode(null, sample, 0, sample.length));
        });
    }

    /**
     * Once the runnable server has answered for a moment, one full collection returns to the system the
     * heap that start-up filled with garbage (model bytes, class-loading buffers): some 20 MiB of resident
     * memory a server waiting for its first test would otherwise keep. Not for servers embedded in a
     * test's JVM, whose heap is the application's business.
     */
    static void settleAfter(java.time.Duration delay) {
        thread("mailroom-settle", () -> {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            System.gc();
        });
    }

    private static void thread(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }
}
