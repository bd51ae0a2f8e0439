package io.mailroom.http.dispatch;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Request ids in AWS's forms, made without the cost of {@link java.util.UUID#randomUUID}: a random UUID for
 * the query and JSON services, sixteen upper-case hex digits for S3 (its {@code x-amz-request-id}).
 */
public final class RequestIds {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final char[] UPPER_HEX = "0123456789ABCDEF".toCharArray();

    private RequestIds() {
    }

    public static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long hi = (random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
        long lo = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        char[] out = new char[36];
        int p = 0;
        for (int i = 60; i >= 0; i -= 4) {
            if (p == 8 || p == 13) {
                out[p++] = '-';
            }
            out[p++] = HEX[(int) (hi >>> i) & 0xf];
        }
        out[p++] = '-';
        for (int i = 60; i >= 0; i -= 4) {
            if (p == 23) {
                out[p++] = '-';
            }
            out[p++] = HEX[(int) (lo >>> i) & 0xf];
        }
        return new String(out);
    }

    public static String nextObjectStore() {
        long bits = ThreadLocalRandom.current().nextLong();
        char[] out = new char[16];
        for (int i = 0; i < 16; i++) {
            out[i] = UPPER_HEX[(int) (bits >>> (60 - 4 * i)) & 0xf];
        }
        return new String(out);
    }
}
