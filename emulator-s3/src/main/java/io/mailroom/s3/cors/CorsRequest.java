package io.mailroom.s3.cors;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a cross-origin request asks of a bucket: its {@code Origin}, the method (a preflight's
 * {@code Access-Control-Request-Method}) and the headers of {@code Access-Control-Request-Headers}, lower-cased
 * and without empty items, as S3 echoes them.
 */
public record CorsRequest(String origin, String method, List<String> headers) {

    public CorsRequest {
        headers = List.copyOf(headers);
    }

    /** The names of an {@code Access-Control-Request-Headers} value; none for null. */
    public static List<String> headerNames(String requested) {
        if (requested == null) {
            return List.of();
        }
        return Arrays.stream(requested.split(","))
                .map(name -> name.trim().toLowerCase(Locale.ROOT))
                .filter(name -> !name.isEmpty())
                .toList();
    }
}
