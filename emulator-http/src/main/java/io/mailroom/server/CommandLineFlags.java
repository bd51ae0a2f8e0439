package io.mailroom.server;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/**
 * The server's flags: each has a {@code MAILROOM_*} environment variable and a default; a flag on the
 * command line wins over the variable, the variable over the default. Parsed with Apache Commons CLI,
 * which loads a few dozen classes and no reflection: the parsing is on the path to the first request.
 */
final class CommandLineFlags {
    /** How a flag takes its value. */
    enum Arity {
        /** {@code --port 4566} or {@code --port=4566} */
        VALUE,
        /** {@code --ses-auto-verify}, or with a value, {@code --ses-auto-verify=false} */
        OPTIONAL_BOOLEAN,
        /** {@code --smtp-accept-any-credentials} and {@code --no-smtp-accept-any-credentials} */
        NEGATABLE
    }

    /**
     * @param defaultValue null when unset means "none"
     */
    record Flag(String name, String env, String defaultValue, Arity arity, String description) {
    }

    static final List<Flag> FLAGS = List.of(
            new Flag("host", "MAILROOM_HOST", "127.0.0.1", Arity.VALUE, "Address to bind."),
            new Flag("port", "MAILROOM_PORT", "4566", Arity.VALUE, "Port of the AWS API."),
            new Flag("region", "MAILROOM_REGION", "us-east-1", Arity.VALUE,
                    "Region for requests without a credential scope."),
            new Flag("account-id", "MAILROOM_ACCOUNT_ID", "000000000000", Arity.VALUE,
                    "Account for access keys that are not 12 digits."),
            new Flag("data-dir", "MAILROOM_DATA_DIR", null, Arity.VALUE,
                    "Directory for state kept on disk. Default: in memory only."),
            new Flag("log-level", "MAILROOM_LOG_LEVEL", "INFO", Arity.VALUE,
                    "TRACE, DEBUG, INFO, WARN or ERROR. DEBUG logs one line per request."),
            new Flag("public-url", "MAILROOM_PUBLIC_URL", null, Arity.VALUE,
                    "Base of URLs handed back, e.g. queue URLs. Default: the Host header of each request."),
            new Flag("max-body-mib", "MAILROOM_MAX_BODY_MIB", "64", Arity.VALUE,
                    "Largest request body accepted, in MiB (1-2047). The default takes SES v2's largest raw "
                            + "message (40 MB, ~54 MB as JSON); larger S3 uploads need multipart."),
            new Flag("config", "MAILROOM_CONFIG", null, Arity.VALUE,
                    "Setup file (YAML, or JSON for .json) of queues, topics, subscriptions and SES resources, "
                            + "applied at start and after every reset."),
            new Flag("ses-auto-verify", "MAILROOM_SES_AUTO_VERIFY", "false", Arity.OPTIONAL_BOOLEAN,
                    "Accept any sender without verifying its identity first; by default SES behaves as in the "
                            + "AWS sandbox."),
            new Flag("ses-sent-mail-bucket", "MAILROOM_SES_SENT_MAIL_BUCKET", null, Arity.VALUE,
                    "Keep a copy of every sent message in this bucket of the object store, under its message id."),
            new Flag("smtp-port", "MAILROOM_SMTP_PORT", "2525", Arity.VALUE,
                    "Port of SES's SMTP interface, on the same host; -1 turns it off."),
            new Flag("smtp-accept-any-credentials", "MAILROOM_SMTP_ACCEPT_ANY", "true", Arity.NEGATABLE,
                    "SMTP AUTH takes any user name and password; --no-smtp-accept-any-credentials requires the "
                            + "SES SMTP password derived from --smtp-secret."),
            new Flag("smtp-secret", "MAILROOM_SMTP_SECRET", "test", Arity.VALUE,
                    "Secret access key whose derived SES SMTP password is accepted when not any credentials are."),
            new Flag("smtp-tls-cert", "MAILROOM_SMTP_TLS_CERT", null, Arity.VALUE,
                    "PEM certificate chain for STARTTLS, with --smtp-tls-key. Default: a generated self-signed one."),
            new Flag("smtp-tls-key", "MAILROOM_SMTP_TLS_KEY", null, Arity.VALUE,
                    "PEM (PKCS#8) private key of --smtp-tls-cert."));

    private static final String NEGATION = "no-";

    /** What the command line asked for. */
    sealed interface Request {
    }

    /** Run the server with these values, by flag name (absent: no value and no default). */
    record Run(Map<String, String> values) implements Request {
        String get(String flag) {
            return values.get(flag);
        }
    }

    record Help() implements Request {
    }

    record Version() implements Request {
    }

    private CommandLineFlags() {
    }

    /**
     * @throws ParseException for an unknown flag, a missing or a malformed value
     */
    static Request parse(String[] args, Map<String, String> environment) throws ParseException {
        CommandLine line = new DefaultParser().parse(options(), args);
        if (!line.getArgList().isEmpty()) {
            throw new ParseException("Unexpected argument: " + line.getArgList().get(0));
        }
        if (line.hasOption("help")) {
            return new Help();
        }
        if (line.hasOption("version")) {
            return new Version();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Flag flag : FLAGS) {
            String value = switch (flag.arity()) {
                case VALUE -> line.getOptionValue(flag.name());
                case OPTIONAL_BOOLEAN -> line.hasOption(flag.name())
                        ? bool(flag.name(), line.getOptionValue(flag.name(), "true")) : null;
                case NEGATABLE -> negatable(flag, line);
            };
            if (value == null) {
                String fromEnvironment = environment.get(flag.env());
                value = fromEnvironment != null ? fromEnvironment : flag.defaultValue();
            }
            if (value != null) {
                values.put(flag.name(), value);
            }
        }
        return new Run(values);
    }

    static void printHelp(PrintWriter out) {
        HelpFormatter help = new HelpFormatter();
        help.setOptionComparator(null);
        help.printHelp(out, 100, "java -jar mailroom.jar [options]",
                "Local emulator of AWS SQS, SNS and SES. Every flag has an environment variable.", options(),
                2, 2, "", false);
        out.flush();
    }

    private static String negatable(Flag flag, CommandLine line) throws ParseException {
        boolean on = line.hasOption(flag.name());
        boolean off = line.hasOption(NEGATION + flag.name());
        if (on && off) {
            throw new ParseException("--" + flag.name() + " and --" + NEGATION + flag.name() + " contradict each other");
        }
        return on ? "true" : off ? "false" : null;
    }

    private static String bool(String flag, String value) throws ParseException {
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new ParseException("--" + flag + " takes true or false, not '" + value + "'");
        }
        return value.toLowerCase(java.util.Locale.ROOT);
    }

    private static Options options() {
        Options options = new Options();
        for (Flag flag : FLAGS) {
            String description = flag.description() + " (env " + flag.env() + ")"
                    + (flag.defaultValue() != null ? " Default: " + flag.defaultValue() : "");
            switch (flag.arity()) {
                case VALUE -> options.addOption(Option.builder().longOpt(flag.name()).hasArg()
                        .argName(flag.name().replace('-', '_')).desc(description).build());
                case OPTIONAL_BOOLEAN -> options.addOption(Option.builder().longOpt(flag.name()).hasArg()
                        .optionalArg(true).argName("true|false").desc(description).build());
                case NEGATABLE -> {
                    options.addOption(Option.builder().longOpt(flag.name()).desc(description).build());
                    options.addOption(Option.builder().longOpt(NEGATION + flag.name())
                            .desc("Turns --" + flag.name() + " off.").build());
                }
            }
        }
        options.addOption(Option.builder("h").longOpt("help").desc("Show this help and exit.").build());
        options.addOption(Option.builder("V").longOpt("version").desc("Print the version and exit.").build());
        return options;
    }
}
