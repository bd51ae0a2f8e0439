package io.mailroom.core.time;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * RFC 9110's IMF-fixdate ({@code Wed, 01 Jan 2031 00:00:00 GMT}), as S3 sends Last-Modified and Expires: a
 * two-digit day, which the JDK's RFC 1123 formatter does not pad.
 */
public final class HttpDate {
    private static final DateTimeFormatter IMF_FIXDATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'",
            Locale.US).withZone(ZoneOffset.UTC);

    private HttpDate() {
    }

    public static String format(long epochMillis) {
        return IMF_FIXDATE.format(Instant.ofEpochMilli(epochMillis));
    }
}
