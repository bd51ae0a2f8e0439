package io.mailroom.server;

import ch.qos.logback.classic.Level;
import io.mailroom.ses.SesConfig;
import io.mailroom.server.config.ConfigException;
import io.mailroom.smtp.SmtpSettings;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The runnable server: {@code java -jar mailroom.jar [options]}. Each flag has a MAILROOM_* variable. */
@Command(name = "mailroom", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Local emulator of AWS SQS, SNS and SES.", sortOptions = false)
public final class Main implements Callable<Integer> {
    private final Thread loggingStart;

    @Option(names = "--host", defaultValue = "${env:MAILROOM_HOST:-127.0.0.1}",
            description = "Address to bind (env MAILROOM_HOST). Default: ${DEFAULT-VALUE}")
    String host;

    @Option(names = "--port", defaultValue = "${env:MAILROOM_PORT:-4566}",
            description = "Port of the AWS API (env MAILROOM_PORT). Default: ${DEFAULT-VALUE}")
    int port;

    @Option(names = "--region", defaultValue = "${env:MAILROOM_REGION:-us-east-1}",
            description = "Region for requests without a credential scope (env MAILROOM_REGION). Default: ${DEFAULT-VALUE}")
    String region;

    @Option(names = "--account-id", defaultValue = "${env:MAILROOM_ACCOUNT_ID:-000000000000}",
            description = "Account for access keys that are not 12 digits (env MAILROOM_ACCOUNT_ID). Default: ${DEFAULT-VALUE}")
    String accountId;

    @Option(names = "--data-dir", defaultValue = "${env:MAILROOM_DATA_DIR}",
            description = "Directory for state kept on disk (env MAILROOM_DATA_DIR). Default: in memory only")
    Path dataDir;

    @Option(names = "--log-level", defaultValue = "${env:MAILROOM_LOG_LEVEL:-INFO}",
            description = "TRACE, DEBUG, INFO, WARN or ERROR (env MAILROOM_LOG_LEVEL). DEBUG logs one line per request. Default: ${DEFAULT-VALUE}")
    String logLevel;

    @Option(names = "--public-url", defaultValue = "${env:MAILROOM_PUBLIC_URL}",
            description = "Base of URLs handed back, e.g. queue URLs (env MAILROOM_PUBLIC_URL). Default: the Host header of each request")
    String publicUrl;

    @Option(names = "--config", defaultValue = "${env:MAILROOM_CONFIG}",
            description = "Setup file (YAML, or JSON for .json) of queues, topics, subscriptions and SES resources, applied at start and after every reset (env MAILROOM_CONFIG). Default: none")
    Path configFile;

    @Option(names = "--ses-auto-verify", defaultValue = "${env:MAILROOM_SES_AUTO_VERIFY:-false}", arity = "0..1",
            description = "Accept any sender without verifying its identity first; by default SES behaves as in the AWS sandbox (env MAILROOM_SES_AUTO_VERIFY). Default: ${DEFAULT-VALUE}")
    boolean sesAutoVerify;

    @Option(names = "--ses-sent-mail-bucket", defaultValue = "${env:MAILROOM_SES_SENT_MAIL_BUCKET}",
            description = "Keep a copy of every sent message in this bucket of the object store, under its message id (env MAILROOM_SES_SENT_MAIL_BUCKET). Default: off")
    String sesSentMailBucket;

    @Option(names = "--smtp-port", defaultValue = "${env:MAILROOM_SMTP_PORT:-2525}",
            description = "Port of SES's SMTP interface, on the same host; -1 turns it off (env MAILROOM_SMTP_PORT). Default: ${DEFAULT-VALUE}")
    int smtpPort;

    @Option(names = "--smtp-accept-any-credentials", negatable = true,
            defaultValue = "${env:MAILROOM_SMTP_ACCEPT_ANY:-true}", fallbackValue = "true",
            description = "SMTP AUTH takes any user name and password; --no-smtp-accept-any-credentials requires the SES SMTP password derived from --smtp-secret (env MAILROOM_SMTP_ACCEPT_ANY). Default: ${DEFAULT-VALUE}")
    boolean smtpAcceptAny;

    @Option(names = "--smtp-secret", defaultValue = "${env:MAILROOM_SMTP_SECRET:-test}",
            description = "Secret access key whose derived SES SMTP password is accepted when not any credentials are (env MAILROOM_SMTP_SECRET). Default: ${DEFAULT-VALUE}")
    String smtpSecret;

    @Option(names = "--smtp-tls-cert", defaultValue = "${env:MAILROOM_SMTP_TLS_CERT}",
            description = "PEM certificate chain for STARTTLS, with --smtp-tls-key (env MAILROOM_SMTP_TLS_CERT). Default: a generated self-signed one")
    Path smtpTlsCert;

    @Option(names = "--smtp-tls-key", defaultValue = "${env:MAILROOM_SMTP_TLS_KEY}",
            description = "PEM (PKCS#8) private key of --smtp-tls-cert (env MAILROOM_SMTP_TLS_KEY)")
    Path smtpTlsKey;

    /** @param loggingStart the thread setting up logging; joined before the log level is set */
    Main(Thread loggingStart) {
        this.loggingStart = loggingStart;
    }

    public static void main(String[] args) {
        System.setProperty(ServerLogging.ACTIVE, "true");
        // Logging starts on a second core while the command line is parsed.
        Thread logging = new Thread(LoggerFactory::getILoggerFactory, "mailroom-logging-init");
        logging.start();
        StartupWarmUp.start();
        int code = new CommandLine(new Main(logging)).execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    @Override
    public Integer call() throws InterruptedException {
        Level level = Level.toLevel(logLevel, null);
        if (level == null) {
            throw new CommandLine.ParameterException(new CommandLine(this), "unknown log level: " + logLevel);
        }
        // Until that thread is done, SLF4J hands out substitute loggers, not Logback's.
        loggingStart.join();
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(level);
        ServerConfig config = ServerConfig.defaults()
                .withHost(host).withPort(port).withRegion(region).withAccountId(accountId)
                .withDataDir(dataDir).withLogLevel(level.toString()).withPublicBaseUrl(publicUrl)
                .withConfigFile(configFile)
                .withSmtp(config(smtpPort, smtpAcceptAny, smtpSecret, smtpTlsCert, smtpTlsKey))
                .withSes(SesConfig.defaults().withAutoVerify(sesAutoVerify).withSentMailBucket(sesSentMailBucket));
        Mailroom mailroom;
        try {
            mailroom = Mailroom.start(config);
        } catch (ConfigException e) {
            // The message names the file, line and field: a stack trace would only bury it.
            System.err.println("mailroom: " + e.getMessage());
            return 2;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            mailroom.close();
            stopped.countDown();
        }, "mailroom-shutdown"));
        long startMillis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.printf("Mailroom %s ready on %s%s (region %s, account %s) in %d ms%n",
                VersionProvider.version(), mailroom.endpoint(),
                config.smtp().enabled() ? ", SMTP on port " + mailroom.smtpPort() : "",
                config.region(), config.accountId(), startMillis);
        System.out.flush();
        stopped.await();
        return 0;
    }

    private SmtpSettings config(int port, boolean acceptAny, String secret, Path cert, Path key) {
        try {
            return SmtpSettings.defaults().withPort(port).withAcceptAnyCredentials(acceptAny).withSecret(secret)
                    .withTls(cert, key);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(new CommandLine(this), e.getMessage());
        }
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        static String version() {
            String v = Main.class.getPackage().getImplementationVersion();
            return v == null ? "dev" : v;
        }

        @Override
        public String[] getVersion() {
            return new String[] {"Mailroom " + version()};
        }
    }
}
