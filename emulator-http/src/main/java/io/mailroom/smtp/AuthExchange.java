package io.mailroom.smtp;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * One SASL exchange after AUTH (RFC 4954): PLAIN (RFC 4616, {@code authzid NUL authcid NUL passwd} in one
 * response) or LOGIN (user name and password in two responses, after the challenges "Username:" and
 * "Password:"). Each step takes one client line and says what comes next.
 */
final class AuthExchange {

    sealed interface Step {}

    /** Send this 334 challenge and wait for the next line. */
    record Challenge(SmtpReply reply) implements Step {}

    record Credentials(String username, String password) implements Step {}

    record Failed(SmtpReply reply) implements Step {}

    private static final SmtpReply EMPTY_CHALLENGE = SmtpReply.of(334, "");
    private static final SmtpReply USERNAME = SmtpReply.of(334, base64("Username:"));
    private static final SmtpReply PASSWORD = SmtpReply.of(334, base64("Password:"));

    private final boolean plain;
    private String username;

    private AuthExchange(boolean plain) {
        this.plain = plain;
    }

    /** The first step of AUTH: null exchange for an unknown mechanism, reported by the caller as 504. */
    static AuthExchange forMechanism(String mechanism) {
        return switch (mechanism) {
            case "PLAIN" -> new AuthExchange(true);
            case "LOGIN" -> new AuthExchange(false);
            default -> null;
        };
    }

    /** The AUTH command itself, with its initial response or without (null). */
    Step start(String initialResponse) {
        if (initialResponse == null) {
            return new Challenge(plain ? EMPTY_CHALLENGE : USERNAME);
        }
        return respond(initialResponse);
    }

    /** One client response line. */
    Step respond(String line) {
        if (line.equals("*")) {
            return new Failed(SmtpReply.AUTH_CANCELLED); // RFC 4954 4: the client gave up
        }
        byte[] decoded;
        try {
            // "=" is an empty initial response (RFC 4954 4).
            decoded = line.equals("=") ? new byte[0] : Base64.getDecoder().decode(line.strip());
        } catch (IllegalArgumentException e) {
            return new Failed(SmtpReply.INVALID_BASE64);
        }
        String text = new String(decoded, StandardCharsets.UTF_8);
        if (plain) {
            String[] parts = text.split("\0", -1);
            if (parts.length != 3 || parts[1].isEmpty()) {
                return new Failed(SmtpReply.AUTH_INVALID);
            }
            return new Credentials(parts[1], parts[2]);
        }
        if (username == null) {
            username = text;
            return new Challenge(PASSWORD);
        }
        return new Credentials(username, text);
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }
}
