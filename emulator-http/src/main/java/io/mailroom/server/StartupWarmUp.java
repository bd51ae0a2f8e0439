package io.mailroom.server;

import com.github.jknack.handlebars.Handlebars;
import io.mailroom.protocol.json.JsonCodec;
import io.mailroom.s3.S3Model;
import io.mailroom.ses.SesModels;
import io.mailroom.sns.SnsModel;
import io.mailroom.sqs.SqsModels;
import jakarta.mail.Session;
import java.util.List;
import java.util.Properties;

/**
 * Reads the bundled service models, and loads the mail libraries SES sets up, on spare cores while the
 * command line is parsed: together they are most of what start-up costs, and the models are shared by
 * every server in the JVM once read. Two threads, because the models and the libraries do not wait for
 * each other.
 */
final class StartupWarmUp {

    private StartupWarmUp() {
    }

    static void start() {
        // Each reference runs a class initializer that parses one model; the result is what callers get later.
        thread("mailroom-warm-up-models", () -> List.of(JsonCodec.MAPPER, SqsModels.JSON, SqsModels.QUERY,
                SnsModel.MODEL).forEach(Object::hashCode));
        thread("mailroom-warm-up-mail", () -> {
            List.of(SesModels.V1, SesModels.V2, S3Model.MODEL).forEach(Object::hashCode);
            new Handlebars().hashCode();
            Session.getInstance(new Properties()).hashCode();
        });
    }

    private static void thread(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }
}
