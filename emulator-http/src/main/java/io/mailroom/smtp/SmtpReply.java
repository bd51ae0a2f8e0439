package io.mailroom.smtp;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One server reply (RFC 5321 4.2): a code and one or more text lines, sent as {@code 250-first ... 250 last}.
 * Texts follow the replies SES's SMTP interface documents ("SMTP response codes returned by Amazon SES")
 * where it has one for the case, and RFC 5321's wording elsewhere.
 */
public record SmtpReply(int code, List<String> lines) {

    // Sorted by code.
    static final SmtpReply CLOSING = of(221, "Bye");
    static final SmtpReply AUTH_OK = of(235, "Authentication successful.");
    static final SmtpReply OK = of(250, "Ok");
    static final SmtpReply CANNOT_VRFY = of(252, "Cannot VRFY user, but will accept message and attempt delivery");
    static final SmtpReply START_DATA = of(354, "End data with <CR><LF>.<CR><LF>");
    static final SmtpReply TOO_MANY_ERRORS = of(421, "Too many errors, closing connection");
    static final SmtpReply SHUTTING_DOWN = of(421, "Service not available, closing transmission channel");
    static final SmtpReply TEMPORARY_FAILURE = of(451, "Temporary service failure");
    static final SmtpReply TIMEOUT = of(451, "Timeout waiting for data from client.");
    static final SmtpReply TOO_MANY_RECIPIENTS = of(452, "Too many recipients");
    static final SmtpReply LINE_TOO_LONG = of(500, "Line too long.");
    static final SmtpReply UNRECOGNIZED = of(500, "Unrecognized command");
    static final SmtpReply BARE_LF_IN_COMMAND = of(500, "Bare <LF> received; lines end with <CR><LF> (RFC 5321 2.3.8)");
    static final SmtpReply SYNTAX = of(501, "Syntax error in parameters or arguments");
    static final SmtpReply INVALID_MAIL_FROM = of(501, "Invalid MAIL FROM address provided");
    static final SmtpReply INVALID_RCPT_TO = of(501, "Invalid RCPT TO address provided");
    static final SmtpReply INVALID_BASE64 = of(501, "Invalid base64 data");
    static final SmtpReply AUTH_CANCELLED = of(501, "Authentication cancelled");
    static final SmtpReply NOT_IMPLEMENTED = of(502, "Command not implemented");
    static final SmtpReply BAD_SEQUENCE = of(503, "Bad sequence of commands");
    static final SmtpReply UNRECOGNIZED_AUTH = of(504, "Unrecognized authentication type.");
    static final SmtpReply BODY_NOT_SUPPORTED = of(504, "BODY type not supported");
    static final SmtpReply AUTH_REQUIRED = of(530, "Authentication required");
    static final SmtpReply AUTH_INVALID = of(535, "Authentication Credentials Invalid");
    static final SmtpReply NO_INBOUND_RECIPIENT = of(550, "Mailbox unavailable: no receipt rule accepts this recipient");
    static final SmtpReply MESSAGE_TOO_LONG = of(552, "Message size exceeds fixed maximum message size");
    static final SmtpReply UTF8_NEEDS_SMTPUTF8 = of(553, "Non-ASCII address requires SMTPUTF8 (RFC 6531)");
    static final SmtpReply NO_VALID_RECIPIENTS = of(554, "No valid recipients");
    static final SmtpReply BARE_LINE_ENDING_IN_DATA =
            of(554, "Transaction failed: bare <CR> or <LF> in message; lines end with <CR><LF> (RFC 5321 2.3.8)");
    static final SmtpReply DATA_LINE_TOO_LONG =
            of(500, "Line too long. Text lines are limited to 1000 octets including <CR><LF> (RFC 5321 4.5.3.1.6)");
    static final SmtpReply PARAMETER_NOT_RECOGNIZED = of(555, "MAIL FROM/RCPT TO parameters not recognized or not implemented");

    public SmtpReply {
        if (code < 200 || code > 599 || lines.isEmpty()) {
            throw new IllegalArgumentException("bad reply " + code + " " + lines);
        }
        lines = List.copyOf(lines);
    }

    public static SmtpReply of(int code, String text) {
        return new SmtpReply(code, List.of(text));
    }

    public boolean isError() {
        return code >= 400;
    }

    /** The wire form: every line but the last has a hyphen after the code (RFC 5321 4.2.1). */
    public byte[] encode() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            out.append(code).append(i == lines.size() - 1 ? ' ' : '-').append(lines.get(i)).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return code + " " + String.join(" / ", lines);
    }
}
