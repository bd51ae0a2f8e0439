package io.mailroom.server;

import io.mailroom.protocol.json.JsonCodec;
import io.mailroom.s3.S3Model;
import io.mailroom.ses.SesModels;
import io.mailroom.sns.SnsModel;
import io.mailroom.sqs.SqsModels;
import java.util.List;

/**
 * Reads the bundled service models on a second core while the command line is parsed: it is most of
 * what start-up costs, and the models are shared by every server in the JVM once read.
 */
final class StartupWarmUp {

    private StartupWarmUp() {
    }

    static Thread start() {
        Thread thread = new Thread(StartupWarmUp::run, "mailroom-warm-up");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void run() {
        // Each reference runs a class initializer that parses one model; the result is what callers get later.
        List.of(JsonCodec.MAPPER, SqsModels.JSON, SqsModels.QUERY, SnsModel.MODEL, SesModels.V1, SesModels.V2,
                S3Model.MODEL).forEach(Object::hashCode);
    }
}
