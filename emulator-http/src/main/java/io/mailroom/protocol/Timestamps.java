package io.mailroom.protocol;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Canonical timestamps are epoch seconds (what the JSON protocols send); the Query and XML protocols
 * spell them in ISO 8601 with milliseconds, as AWS does.
 */
public final class Timestamps {
    private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    public static double parseToEpochSeconds(String text) {
        String t = text.trim();
        if (!t.isEmpty() && (Character.isDigit(t.charAt(0)) && !t.contains("-"))) {
            return new BigDecimal(t).doubleValue();
        }
        if (!t.isEmpty() && Character.isLetter(t.charAt(0))) {
            // A member whose timestampFormat is rfc822, as S3's response-expires, comes as an HTTP-date.
            return Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(t)).toEpochMilli() / 1000.0;
        }
        Instant instant = t.endsWith("Z") && !t.contains("+") ? Instant.parse(t) : OffsetDateTime.parse(t).toInstant();
        return instant.toEpochMilli() / 1000.0;
    }

    public static String iso(double epochSeconds) {
        return ISO_MILLIS.format(Instant.ofEpochMilli(Math.round(epochSeconds * 1000)));
    }
}
