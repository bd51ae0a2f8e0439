package io.mailroom.bench;

import java.util.Random;

/** Message bodies: 1 KiB of printable ASCII (so 1 KiB on the wire and in UTF-8), fixed seed for repeatable runs. */
final class Payload {
    static final int BODY_BYTES = 1024;
    static final String BODY_1KIB = body(BODY_BYTES);

    private Payload() {
    }

    private static String body(int length) {
        Random random = new Random(42);
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append((char) ('a' + random.nextInt(26)));
        }
        return sb.toString();
    }
}
