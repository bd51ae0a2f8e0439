package io.mailroom.server;

import ch.qos.logback.classic.Level;
import io.mailroom.http.ListenException;
import io.mailroom.ses.SesConfig;
import io.mailroom.server.CommandLineFlags.Help;
import io.mailroom.server.CommandLineFlags.Request;
import io.mailroom.server.CommandLineFlags.Run;
import io.mailroom.server.CommandLineFlags.Version;
import io.mailroom.server.config.ConfigException;
import io.mailroom.smtp.SmtpSettings;
import io.netty.util.ResourceLeakDetector;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.apache.commons.cli.ParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The runnable server: {@code java -jar mailroom.jar [options]}. Each flag has a MAILROOM_* variable. */
public final class Main {
    /** As for other command-line tools: 2 for a usage error. */
    private static final int USAGE = 2;
    private static final int CANNOT_LISTEN = 1;
    /** The data directory cannot be used, is held by another server, or holds state that cannot be read. */
    private static final int DATA_DIRECTORY = 3;

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (System.getProperty("slf4j.provider") == null) {
            System.setProperty("slf4j.provider", ServerLogging.class.getName());
            if (System.getProperty("slf4j.internal.verbosity") == null) {
                // SLF4J announces a provider named by property on stderr; the server's first line is its own.
                System.setProperty("slf4j.internal.verbosity", "WARN");
            }
        }
        // Logging starts on a second core while the command line is parsed.
        Thread logging = new Thread(LoggerFactory::getILoggerFactory, "mailroom-logging-init");
        logging.start();
        StartupWarmUp.start();
        Request request;
        ServerConfig config;
        try {
            request = CommandLineFlags.parse(args, System.getenv());
            config = request instanceof Run run ? config(run) : null;
        } catch (ParseException | IllegalArgumentException e) {
            System.err.println("mailroom: " + e.getMessage());
            CommandLineFlags.printHelp(new PrintWriter(System.err, false, Charset.defaultCharset()));
            System.exit(USAGE);
            return;
        }
        if (request instanceof Help) {
            CommandLineFlags.printHelp(new PrintWriter(System.out, false, Charset.defaultCharset()));
            return;
        }
        if (request instanceof Version) {
            System.out.println("Mailroom " + version());
            return;
        }
        // Until that thread is done, SLF4J hands out substitute loggers, not Logback's.
        logging.join();
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME))
                .setLevel(Level.toLevel(config.logLevel()));
        if (System.getProperty("io.netty.leakDetection.level") == null) {
            // Netty tracks one buffer in 128 for leaks, capturing a stack trace for each: about 1 % of a
            // batch call's CPU in a profile. That is a development aid; a -D setting still turns it on.
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        }
        int code = serve(config);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** The server's configuration from the flags; IllegalArgumentException names a value that is wrong. */
    static ServerConfig config(Run run) {
        Level level = Level.toLevel(run.get("log-level"), null);
        if (level == null) {
            throw new IllegalArgumentException("unknown log level: " + run.get("log-level"));
        }
        return ServerConfig.defaults()
                .withHost(run.get("host"))
                .withPort(integer(run, "port"))
                .withRegion(run.get("region"))
                .withAccountId(run.get("account-id"))
                .withDataDir(path(run, "data-dir"))
                .withLogLevel(level.toString())
                .withPublicBaseUrl(run.get("public-url"))
                .withMaxBodyBytes(mebibytes(run, "max-body-mib"))
                .withConfigFile(path(run, "config"))
                .withSmtp(SmtpSettings.defaults()
                        .withPort(integer(run, "smtp-port"))
                        .withAcceptAnyCredentials(bool(run, "smtp-accept-any-credentials"))
                        .withSecret(run.get("smtp-secret"))
                        .withTls(path(run, "smtp-tls-cert"), path(run, "smtp-tls-key")))
                .withSes(SesConfig.defaults()
                        .withAutoVerify(bool(run, "ses-auto-verify"))
                        .withSentMailBucket(run.get("ses-sent-mail-bucket")));
    }

    private static int serve(ServerConfig config) throws InterruptedException {
        Mailroom mailroom;
        try {
            mailroom = Mailroom.start(config);
        } catch (ConfigException e) {
            // The message names the file, line and field: a stack trace would only bury it.
            System.err.println("mailroom: " + e.getMessage());
            return USAGE;
        } catch (ListenException e) {
            System.err.println("mailroom: " + e.getMessage() + " (another port: "
                    + ("SMTP".equals(e.listener()) ? "--smtp-port or MAILROOM_SMTP_PORT" : "--port or MAILROOM_PORT")
                    + ")");
            return CANNOT_LISTEN;
        } catch (DataDirectoryException e) {
            System.err.println("mailroom: " + e.getMessage());
            return DATA_DIRECTORY;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            mailroom.close();
            stopped.countDown();
        }, "mailroom-shutdown"));
        long startMillis = ProcessAge.millis();
        // Concatenated, not formatted: java.util.Formatter would load locale data for this one line. It ends in
        // "Ready." as LocalStack's does: Testcontainers' LocalStack module waits for a line matching .*Ready\.\n
        System.out.println("Mailroom " + version() + " on " + mailroom.endpoint()
                + (config.smtp().enabled() ? ", SMTP on port " + mailroom.smtpPort() : "")
                + " (region " + config.region() + ", account " + config.accountId() + "), started in " + startMillis
                + " ms. Ready.");
        System.out.flush();
        StartupWarmUp.settleAfter(java.time.Duration.ofSeconds(1));
        stopped.await();
        return 0;
    }

    private static int integer(Run run, String flag) {
        try {
            return Integer.parseInt(run.get(flag));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + flag + " takes a number, not '" + run.get(flag) + "'");
        }
    }

    /** true or false, from the flag or its environment variable alike (the flag's own check misses the latter). */
    private static boolean bool(Run run, String flag) {
        String value = run.get(flag);
        if ("true".equalsIgnoreCase(value) || "false".equalsIgnoreCase(value)) {
            return Boolean.parseBoolean(value);
        }
        throw new IllegalArgumentException("--" + flag + " takes true or false, not '" + value + "'");
    }

    /** 2047 MiB is the most a Java array, and so an aggregated body, can hold. */
    private static int mebibytes(Run run, String flag) {
        int value = integer(run, flag);
        if (value < 1 || value > 2047) {
            throw new IllegalArgumentException("--" + flag + " takes 1 to 2047, not " + value);
        }
        return value * 1024 * 1024;
    }

    private static Path path(Run run, String flag) {
        String value = run.get(flag);
        return value == null || value.isEmpty() ? null : Path.of(value);
    }

    static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
