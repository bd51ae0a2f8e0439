package io.mailroom.http.internal;

import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.List;

/** Reading single query parameters of developer endpoints. */
final class Params {
    private Params() {
    }

    static String get(QueryStringDecoder uri, String name) {
        List<String> values = uri.parameters().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    static String getOr(QueryStringDecoder uri, String name, String fallback) {
        String value = get(uri, name);
        return value == null || value.isEmpty() ? fallback : value;
    }
}
