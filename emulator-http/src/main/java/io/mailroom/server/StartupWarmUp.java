package io.mailroom.server;

import io.mailroom.protocol.json.JsonCodec;
import io.mailroom.s3.S3Model;
import io.mailroom.ses.SesModels;
import io.mailroom.sns.SnsModel;
import io.mailroom.sqs.SqsModels;
import java.util.List;

/**
 * Reads the bundled service models (their compiled form) and sets up Jackson's object mapper on spare
 * cores while the command line is parsed: they are the largest pieces of start-up that do not depend on
 * each other, and both are shared by every server in the JVM once made. The mail libraries SES uses
 * (Angus Mail, Handlebars) are not warmed up: they load with the first mail or template, so a server that
 * sends none never pays for them.
 */
final class StartupWarmUp {

    private StartupWarmUp() {
    }

    static void start() {
        thread("mailroom-warm-up-json", () -> JsonCodec.MAPPER.hashCode());
        // Each reference runs a class initializer that reads one model; the result is what callers get later.
        thread("mailroom-warm-up-models", () -> List.of(SqsModels.JSON, SqsModels.QUERY, SnsModel.MODEL,
                SesModels.V1, SesModels.V2, S3Model.MODEL).forEach(Object::hashCode));
    }

    private static void thread(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }
}
