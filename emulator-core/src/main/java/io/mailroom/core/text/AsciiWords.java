package io.mailroom.core.text;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Eight bytes of ASCII text tested at once (SWAR: SIMD within a register). Message bodies of up to
 * 256 KiB are checked on every send and again on every receive; a byte at a time, those checks cost as
 * much as the MD5 the protocol requires.
 *
 * <p>Every byte of a word given here must be below 0x80. Then subtracting {@code k} from each byte sets
 * its high bit iff the byte was below {@code k}; a borrow from a lower byte can set a high bit too, so a
 * flagged word is only a candidate, which the caller checks byte by byte. An unflagged word is certain.
 */
public final class AsciiWords {
    public static final int BYTES = Long.BYTES;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101_0101_0101_0101L;
    private static final long HIGHS = 0x8080_8080_8080_8080L;

    private AsciiWords() {
    }

    /** The eight bytes at {@code index}, which must leave eight bytes in {@code bytes}. */
    public static long read(byte[] bytes, int index) {
        return (long) LONGS.get(bytes, index);
    }

    /** Non-zero if some byte of {@code word} may be below {@code limit} (at most 0x80). */
    public static long below(long word, int limit) {
        return (word - limit * ONES) & HIGHS;
    }

    /** Non-zero if some byte of {@code word} may be {@code c} (below 0x80). */
    public static long equalTo(long word, int c) {
        return ((word ^ c * ONES) - ONES) & HIGHS;
    }
}
