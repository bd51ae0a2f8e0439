package io.mailroom.ses.sending;

import java.util.Locale;
import java.util.UUID;

/**
 * SES message ids: four hex digits naming the sending region's fleet, the send time as twelve hex
 * digits of epoch milliseconds, a random UUID and {@code -000000}, e.g.
 * {@code 0100018c7b1b5d4f-5f3a0c1e-2b4d-4e8f-9a1b-3c5d7e9f1a2b-000000} (us-east-1). The Message-ID header
 * SES writes is that id at {@code email.amazonses.com} (us-east-1) or {@code <region>.amazonses.com}.
 */
public final class MessageIds {
    private MessageIds() {
    }

    public static String next(String region, long millis) {
        return String.format(Locale.ROOT, "%s%012x-%s-000000", fleet(region), millis, UUID.randomUUID());
    }

    public static String header(String messageId, String region) {
        String host = "us-east-1".equals(region) ? "email.amazonses.com" : region + ".amazonses.com";
        return "<" + messageId + "@" + host + ">";
    }

    /** Prefixes observed on ids from the oldest regions; other regions share us-east-1's form. */
    private static String fleet(String region) {
        return switch (region) {
            case "us-west-2" -> "0101";
            case "eu-west-1" -> "0102";
            default -> "0100";
        };
    }
}
