package io.mailroom.ses.api;

import java.util.Locale;

/**
 * v1 spells enum values in CamelCase ({@code UseDefaultValue}, {@code Success}), v2 in UPPER_SNAKE
 * ({@code USE_DEFAULT_VALUE}, {@code SUCCESS}). State keeps the v2 spelling; v1 handlers convert.
 */
public final class WireEnums {
    private WireEnums() {
    }

    /** {@code UseDefaultValue} → {@code USE_DEFAULT_VALUE}. */
    public static String toV2(String camel) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                out.append('_');
            }
            out.append(Character.toUpperCase(c));
        }
        return out.toString();
    }

    /** {@code USE_DEFAULT_VALUE} → {@code UseDefaultValue}. */
    public static String toV1(String snake) {
        StringBuilder out = new StringBuilder();
        for (String part : snake.toLowerCase(Locale.ROOT).split("_")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.toString();
    }
}
