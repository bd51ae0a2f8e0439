package io.mailroom.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AsciiWordsTest {
    private static final int[] LIMITS = {0x01, 0x09, 0x20, 0x22, 0x3F, 0x5C, 0x7F, 0x80};

    private static long wordWith(int filler, int lane, int b) {
        byte[] bytes = new byte[AsciiWords.BYTES];
        Arrays.fill(bytes, (byte) filler);
        bytes[lane] = (byte) b;
        return AsciiWords.read(bytes, 0);
    }

    @Test
    void oneOddByteInAnyLaneIsFlaggedExactly() {
        for (int lane = 0; lane < AsciiWords.BYTES; lane++) {
            for (int b = 0; b < 0x80; b++) {
                for (int limit : LIMITS) {
                    int filler = limit < 0x7F ? 0x7E : 0x7F; // not below limit, unless limit is 0x80
                    boolean expected = b < limit || filler < limit;
                    assertThat(AsciiWords.below(wordWith(filler, lane, b), limit) != 0)
                            .as("byte %02x in lane %d below %02x", b, lane, limit).isEqualTo(expected);
                }
                for (int c : new int[] {'"', '\\', '?', 0}) {
                    assertThat(AsciiWords.equalTo(wordWith('a', lane, b), c) != 0)
                            .as("byte %02x in lane %d equal to %02x", b, lane, c).isEqualTo(b == c);
                }
            }
        }
    }

    @Test
    void neverMissesAByteInRandomWords() {
        Random random = new Random(11);
        byte[] bytes = new byte[AsciiWords.BYTES + 3];
        for (int n = 0; n < 200_000; n++) {
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) (random.nextBoolean() ? random.nextInt(0x80) : 0x20 + random.nextInt(0x60));
            }
            int at = random.nextInt(4);
            long word = AsciiWords.read(bytes, at);
            boolean anyControl = false;
            boolean anyQuote = false;
            for (int i = at; i < at + AsciiWords.BYTES; i++) {
                anyControl |= bytes[i] < 0x20;
                anyQuote |= bytes[i] == '"';
            }
            if (anyControl) {
                assertThat(AsciiWords.below(word, 0x20)).isNotZero();
            }
            if (anyQuote) {
                assertThat(AsciiWords.equalTo(word, '"')).isNotZero();
            }
        }
    }

    @Test
    void readsLittleEndianFromAnyOffset() {
        byte[] bytes = "xabcdefgh".getBytes(StandardCharsets.US_ASCII);
        assertThat(AsciiWords.read(bytes, 1) & 0xFF).isEqualTo('a');
        assertThat(AsciiWords.read(bytes, 1) >>> 56).isEqualTo('h');
    }
}
