package io.mailroom.smtp;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** One command line from the client (RFC 5321 4.1), parsed; anything unparseable becomes {@link Malformed}. */
sealed interface SmtpCommand {

    record Helo(String domain) implements SmtpCommand {}

    record Ehlo(String domain) implements SmtpCommand {}

    /** {@code path} is the address without angle brackets, empty for the null reverse-path {@code <>}. */
    record Mail(String path, Map<String, String> parameters) implements SmtpCommand {}

    record Rcpt(String path, Map<String, String> parameters) implements SmtpCommand {}

    record Data() implements SmtpCommand {}

    record Rset() implements SmtpCommand {}

    record Noop() implements SmtpCommand {}

    record Quit() implements SmtpCommand {}

    record StartTls() implements SmtpCommand {}

    /** {@code initialResponse} is null when the client sent none (RFC 4954 4). */
    record Auth(String mechanism, String initialResponse) implements SmtpCommand {}

    record Vrfy() implements SmtpCommand {}

    record Help() implements SmtpCommand {}

    /** A known verb this server does not implement (EXPN, BDAT, ...): 502. */
    record NotImplemented(String verb) implements SmtpCommand {}

    /** Not a command at all: 500. */
    record Unknown(String verb) implements SmtpCommand {}

    /** A known verb with arguments that do not parse: the reply says what is wrong. */
    record Malformed(SmtpReply reply) implements SmtpCommand {}

    /** Parses one line, without its CRLF. */
    static SmtpCommand parse(String line) {
        int space = line.indexOf(' ');
        String verb = (space < 0 ? line : line.substring(0, space)).toUpperCase(Locale.ROOT);
        String args = space < 0 ? "" : line.substring(space + 1).strip();
        return switch (verb) {
            case "HELO" -> args.isEmpty() ? new Malformed(SmtpReply.of(501, "Syntax: HELO hostname")) : new Helo(args);
            case "EHLO" -> args.isEmpty() ? new Malformed(SmtpReply.of(501, "Syntax: EHLO hostname")) : new Ehlo(args);
            case "MAIL" -> parsePath(args, "FROM:", true);
            case "RCPT" -> parsePath(args, "TO:", false);
            case "DATA" -> noArguments(args, new Data());
            case "RSET" -> noArguments(args, new Rset());
            case "QUIT" -> noArguments(args, new Quit());
            case "STARTTLS" -> noArguments(args, new StartTls());
            // NOOP and HELP take an optional argument that changes nothing (RFC 5321 4.1.1.9, 4.1.1.8).
            case "NOOP" -> new Noop();
            case "HELP" -> new Help();
            case "VRFY" -> args.isEmpty() ? new Malformed(SmtpReply.SYNTAX) : new Vrfy();
            case "AUTH" -> parseAuth(args);
            case "EXPN", "BDAT", "TURN", "ETRN", "ATRN", "SEND", "SOML", "SAML" -> new NotImplemented(verb);
            default -> new Unknown(verb);
        };
    }

    private static SmtpCommand noArguments(String args, SmtpCommand command) {
        return args.isEmpty() ? command : new Malformed(SmtpReply.SYNTAX);
    }

    private static SmtpCommand parseAuth(String args) {
        if (args.isEmpty()) {
            return new Malformed(SmtpReply.SYNTAX);
        }
        String[] parts = args.split(" +");
        if (parts.length > 2) {
            return new Malformed(SmtpReply.SYNTAX);
        }
        return new Auth(parts[0].toUpperCase(Locale.ROOT), parts.length == 2 ? parts[1] : null);
    }

    /**
     * {@code MAIL FROM:<path> [params]} and {@code RCPT TO:<path> [params]}. Lenient where real clients are
     * (a space after the colon, an address without brackets, which SES also takes), strict on the address.
     */
    private static SmtpCommand parsePath(String args, String keyword, boolean mail) {
        SmtpReply invalid = mail ? SmtpReply.INVALID_MAIL_FROM : SmtpReply.INVALID_RCPT_TO;
        if (!args.regionMatches(true, 0, keyword, 0, keyword.length())) {
            return new Malformed(SmtpReply.of(501, mail ? "Syntax: MAIL FROM:<address>" : "Syntax: RCPT TO:<address>"));
        }
        String rest = args.substring(keyword.length()).stripLeading();
        String path;
        String params;
        if (rest.startsWith("<")) {
            int close = rest.indexOf('>');
            if (close < 0) {
                return new Malformed(invalid);
            }
            path = rest.substring(1, close);
            params = rest.substring(close + 1);
            if (!params.isEmpty() && !params.startsWith(" ")) {
                return new Malformed(invalid);
            }
        } else {
            int space = rest.indexOf(' ');
            path = space < 0 ? rest : rest.substring(0, space);
            params = space < 0 ? "" : rest.substring(space);
            if (path.isEmpty()) {
                return new Malformed(invalid);
            }
        }
        // A source route (@relay,@relay:user@domain) is obsolete; RFC 5321 4.1.1.3 says to ignore it.
        if (path.startsWith("@")) {
            int colon = path.indexOf(':');
            if (colon < 0) {
                return new Malformed(invalid);
            }
            path = path.substring(colon + 1);
        }
        boolean valid = path.isEmpty() ? mail : MailAddress.isValid(path) || (!mail && path.equalsIgnoreCase("postmaster"));
        if (!valid) {
            return new Malformed(invalid);
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String param : params.strip().split(" +")) {
            if (param.isEmpty()) {
                continue;
            }
            int eq = param.indexOf('=');
            String name = (eq < 0 ? param : param.substring(0, eq)).toUpperCase(Locale.ROOT);
            if (name.isEmpty() || !name.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-')) {
                return new Malformed(SmtpReply.SYNTAX);
            }
            parameters.put(name, eq < 0 ? null : param.substring(eq + 1));
        }
        return mail ? new Mail(path, parameters) : new Rcpt(path, parameters);
    }
}
