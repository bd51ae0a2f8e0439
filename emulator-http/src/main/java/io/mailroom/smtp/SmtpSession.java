package io.mailroom.smtp;

import io.mailroom.core.error.AwsException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of one SMTP connection (RFC 5321 4.1.4 command order, RFC 3207 STARTTLS, RFC 4954 AUTH), free
 * of Netty: lines and message data in, replies and what the connection must do next out.
 *
 * <p>Two kinds of mail transaction: after AUTH a message is a submission, sent as SendRawEmail sends it;
 * without AUTH only recipients a receipt rule accepts are taken, as SES's inbound endpoints take mail from
 * the internet.
 */
final class SmtpSession {
    private static final Logger LOG = LoggerFactory.getLogger(SmtpSession.class);
    /** RFC 5321 4.5.3.1.4: a command line is at most 512 octets, CRLF included... */
    static final int MAX_COMMAND_LINE = 512;
    /** ...except AUTH and its responses (RFC 4954 4), which carry Base64 credentials: 12288 octets. */
    static final int MAX_AUTH_LINE = 12288;
    /** After this many errors in a row a client is more likely garbage than a mailer: hang up. */
    static final int MAX_CONSECUTIVE_ERRORS = 10;

    enum Effect { NONE, CLOSE, START_TLS, START_DATA }

    record Outcome(SmtpReply reply, Effect effect) {
        static Outcome of(SmtpReply reply) {
            return new Outcome(reply, Effect.NONE);
        }
    }

    private enum Greeting { NONE, HELO, EHLO }

    private final SmtpEnvironment env;
    private final String remoteIp;
    private Greeting greeting = Greeting.NONE;
    private boolean tls;
    private String account;
    private AuthExchange auth;
    private int consecutiveErrors;
    // The mail transaction: a sender while one is open.
    private String mailFrom;
    private boolean smtpUtf8;
    private final List<String> recipients = new ArrayList<>();

    SmtpSession(SmtpEnvironment env, String remoteIp) {
        this.env = env;
        this.remoteIp = remoteIp;
    }

    SmtpReply greeting() {
        // SES greets as "220 email-smtp.amazonaws.com ESMTP SimpleEmailService-...".
        return SmtpReply.of(220, env.hostname() + " ESMTP Mailroom");
    }

    boolean authenticated() {
        return account != null;
    }

    /**
     * One line from the client.
     *
     * @param line   the line without its line ending
     * @param octets its length on the wire, line ending included
     * @param bareLf whether it ended in LF alone rather than CRLF
     */
    Outcome line(String line, int octets, boolean bareLf) {
        Outcome outcome = handle(line, octets, bareLf);
        if (!outcome.reply().isError()) {
            consecutiveErrors = 0;
        } else if (++consecutiveErrors >= MAX_CONSECUTIVE_ERRORS) {
            return new Outcome(SmtpReply.TOO_MANY_ERRORS, Effect.CLOSE);
        }
        return outcome;
    }

    private Outcome handle(String line, int octets, boolean bareLf) {
        if (bareLf) {
            // RFC 5321 2.3.8: a bare LF is not a line ending; accepting it invites smuggling ambiguities.
            auth = null;
            return Outcome.of(SmtpReply.BARE_LF_IN_COMMAND);
        }
        if (auth != null) {
            return authStep(auth.respond(line));
        }
        if (octets > MAX_COMMAND_LINE && !line.regionMatches(true, 0, "AUTH ", 0, 5)) {
            return Outcome.of(SmtpReply.LINE_TOO_LONG);
        }
        return dispatch(SmtpCommand.parse(line));
    }

    // Java 17 has no pattern matching in switch; the sealed interface still makes the list complete.
    private Outcome dispatch(SmtpCommand command) {
        if (command instanceof SmtpCommand.Helo h) {
            return greet(Greeting.HELO, h.domain());
        } else if (command instanceof SmtpCommand.Ehlo e) {
            return greet(Greeting.EHLO, e.domain());
        } else if (command instanceof SmtpCommand.Mail m) {
            return mail(m.path(), m.parameters());
        } else if (command instanceof SmtpCommand.Rcpt r) {
            return rcpt(r.path(), r.parameters());
        } else if (command instanceof SmtpCommand.Data) {
            return data();
        } else if (command instanceof SmtpCommand.Rset) {
            resetTransaction();
            return Outcome.of(SmtpReply.OK);
        } else if (command instanceof SmtpCommand.Noop) {
            return Outcome.of(SmtpReply.OK);
        } else if (command instanceof SmtpCommand.Quit) {
            return new Outcome(SmtpReply.CLOSING, Effect.CLOSE);
        } else if (command instanceof SmtpCommand.StartTls) {
            return startTls();
        } else if (command instanceof SmtpCommand.Auth a) {
            return auth(a.mechanism(), a.initialResponse());
        } else if (command instanceof SmtpCommand.Vrfy) {
            return Outcome.of(SmtpReply.CANNOT_VRFY);
        } else if (command instanceof SmtpCommand.Help) {
            return Outcome.of(SmtpReply.of(214,
                    "Commands: EHLO HELO STARTTLS AUTH MAIL RCPT DATA RSET NOOP QUIT VRFY HELP"));
        } else if (command instanceof SmtpCommand.NotImplemented) {
            return Outcome.of(SmtpReply.NOT_IMPLEMENTED);
        } else if (command instanceof SmtpCommand.Malformed m) {
            return Outcome.of(m.reply());
        }
        return Outcome.of(SmtpReply.UNRECOGNIZED);
    }

    /** EHLO and HELO also reset any transaction (RFC 5321 4.1.4). */
    private Outcome greet(Greeting kind, String clientDomain) {
        greeting = kind;
        resetTransaction();
        if (kind == Greeting.HELO) {
            return Outcome.of(SmtpReply.of(250, env.hostname()));
        }
        List<String> lines = new ArrayList<>();
        lines.add(env.hostname());
        lines.add("8BITMIME");
        lines.add("SMTPUTF8");
        lines.add("PIPELINING");
        lines.add("SIZE " + env.maxMessageBytes());
        if (env.tlsAvailable() && !tls) {
            lines.add("STARTTLS");
        }
        if (!authenticated()) {
            lines.add("AUTH PLAIN LOGIN");
        }
        lines.add("Ok");
        return Outcome.of(new SmtpReply(250, lines));
    }

    private Outcome startTls() {
        if (greeting == Greeting.NONE) {
            return Outcome.of(SmtpReply.BAD_SEQUENCE);
        }
        if (tls) {
            return Outcome.of(SmtpReply.of(503, "TLS already active"));
        }
        if (!env.tlsAvailable()) {
            return Outcome.of(SmtpReply.of(454, "TLS not available"));
        }
        return new Outcome(SmtpReply.of(220, "Ready to start TLS"), Effect.START_TLS);
    }

    /** RFC 3207 4.2: after the handshake the client starts over with EHLO; nothing from before counts. */
    void tlsStarted() {
        tls = true;
        greeting = Greeting.NONE;
        account = null;
        auth = null;
        resetTransaction();
    }

    private Outcome auth(String mechanism, String initialResponse) {
        // RFC 4954 4: not before EHLO, not twice, not inside a mail transaction.
        if (greeting == Greeting.NONE || authenticated() || mailFrom != null) {
            return Outcome.of(SmtpReply.BAD_SEQUENCE);
        }
        AuthExchange exchange = AuthExchange.forMechanism(mechanism);
        if (exchange == null) {
            return Outcome.of(SmtpReply.UNRECOGNIZED_AUTH);
        }
        auth = exchange;
        return authStep(exchange.start(initialResponse));
    }

    private Outcome authStep(AuthExchange.Step step) {
        if (step instanceof AuthExchange.Challenge c) {
            return Outcome.of(c.reply());
        }
        auth = null;
        if (step instanceof AuthExchange.Failed f) {
            return Outcome.of(f.reply());
        }
        AuthExchange.Credentials c = (AuthExchange.Credentials) step;
        if (!env.credentials().accepts(c.username(), c.password())) {
            return Outcome.of(SmtpReply.AUTH_INVALID);
        }
        account = SmtpCredentials.accountFor(c.username(), env.defaultAccount());
        return Outcome.of(SmtpReply.AUTH_OK);
    }

    private Outcome mail(String path, Map<String, String> parameters) {
        if (greeting == Greeting.NONE || mailFrom != null) {
            return Outcome.of(SmtpReply.BAD_SEQUENCE);
        }
        boolean utf8 = false;
        for (Map.Entry<String, String> p : parameters.entrySet()) {
            String value = p.getValue();
            switch (p.getKey()) {
                case "SIZE" -> { // RFC 1870: refuse early what would be refused after DATA
                    if (value == null || !value.matches("\\d{1,18}")) {
                        return Outcome.of(SmtpReply.SYNTAX);
                    }
                    if (Long.parseLong(value) > env.maxMessageBytes()) {
                        return Outcome.of(SmtpReply.MESSAGE_TOO_LONG);
                    }
                }
                case "BODY" -> { // RFC 6152; BINARYMIME would need CHUNKING, which is not offered
                    String body = value == null ? "" : value.toUpperCase(Locale.ROOT);
                    if (!body.equals("7BIT") && !body.equals("8BITMIME")) {
                        return Outcome.of(SmtpReply.BODY_NOT_SUPPORTED);
                    }
                }
                case "SMTPUTF8" -> { // RFC 6531 3.4: no value
                    if (value != null) {
                        return Outcome.of(SmtpReply.SYNTAX);
                    }
                    utf8 = true;
                }
                case "AUTH" -> { // RFC 4954 5: the original submitter; nothing to do with it here
                }
                default -> {
                    return Outcome.of(SmtpReply.PARAMETER_NOT_RECOGNIZED);
                }
            }
        }
        if (!utf8 && !MailAddress.isAscii(path)) {
            return Outcome.of(SmtpReply.UTF8_NEEDS_SMTPUTF8);
        }
        if (path.isEmpty() && authenticated()) {
            // The null reverse-path is for bounces from the internet; SendRawEmail needs a source.
            return Outcome.of(SmtpReply.INVALID_MAIL_FROM);
        }
        mailFrom = path;
        smtpUtf8 = utf8;
        return Outcome.of(SmtpReply.OK);
    }

    private Outcome rcpt(String path, Map<String, String> parameters) {
        if (mailFrom == null) {
            return Outcome.of(SmtpReply.BAD_SEQUENCE);
        }
        if (!parameters.isEmpty()) {
            return Outcome.of(SmtpReply.PARAMETER_NOT_RECOGNIZED); // DSN's NOTIFY/ORCPT are not offered
        }
        if (!smtpUtf8 && !MailAddress.isAscii(path)) {
            return Outcome.of(SmtpReply.UTF8_NEEDS_SMTPUTF8);
        }
        if (recipients.size() >= env.maxRecipients()) {
            return Outcome.of(SmtpReply.TOO_MANY_RECIPIENTS); // RFC 5321 4.5.3.1.10
        }
        if (!authenticated() && !env.backend().acceptsInbound(path)) {
            // Not mail for a receipt rule, so it is a submission, and those need AUTH (SES answers 530).
            return Outcome.of(SmtpReply.AUTH_REQUIRED);
        }
        recipients.add(path);
        return Outcome.of(SmtpReply.OK);
    }

    private Outcome data() {
        if (mailFrom == null) {
            return Outcome.of(SmtpReply.BAD_SEQUENCE);
        }
        if (recipients.isEmpty()) {
            return Outcome.of(SmtpReply.NO_VALID_RECIPIENTS); // RFC 5321 3.3: 503 or 554
        }
        return new Outcome(SmtpReply.START_DATA, Effect.START_DATA);
    }

    /** The message after DATA, read to its end; whatever the answer, the transaction is over. */
    SmtpReply endOfData(DataCollector.Result data) {
        try {
            SmtpReply reply = switch (data.problem()) {
                case TOO_LARGE -> SmtpReply.MESSAGE_TOO_LONG;
                case BARE_LINE_ENDING -> SmtpReply.BARE_LINE_ENDING_IN_DATA;
                case LINE_TOO_LONG -> SmtpReply.DATA_LINE_TOO_LONG;
                case NONE -> deliver(data.message());
            };
            consecutiveErrors = reply.isError() ? consecutiveErrors + 1 : 0;
            return reply;
        } finally {
            resetTransaction();
        }
    }

    private SmtpReply deliver(byte[] message) {
        List<String> to = List.copyOf(recipients);
        try {
            if (authenticated()) {
                String messageId = env.backend().submitRaw(account, env.region(), mailFrom, to, message);
                return SmtpReply.of(250, "Ok " + messageId);
            }
            SmtpBackend.Delivery delivery = env.backend().receiveInbound(mailFrom, to, message, remoteIp, tls);
            if (delivery.accepted().isEmpty()) {
                return SmtpReply.NO_INBOUND_RECIPIENT;
            }
            return SmtpReply.of(250, "Ok " + delivery.messageId());
        } catch (AwsException e) {
            return SmtpFailures.reply(e);
        } catch (RuntimeException e) {
            LOG.warn("SMTP message from {} could not be processed", remoteIp, e);
            return SmtpReply.TEMPORARY_FAILURE;
        }
    }

    private void resetTransaction() {
        mailFrom = null;
        smtpUtf8 = false;
        recipients.clear();
    }
}
