package io.mailroom.s3.listing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * How S3 URL-encodes keys where it is asked to ({@code encoding-type=url} listings) or always does (event
 * records): form encoding of the UTF-8 bytes (a space becomes {@code +}) with {@code /} left as is, so
 * that {@code unquote_plus} and {@code URLDecoder} give the key back
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html).
 */
public final class KeyEncoding {
    private KeyEncoding() {
    }

    public static String url(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("%2F", "/");
    }
}
