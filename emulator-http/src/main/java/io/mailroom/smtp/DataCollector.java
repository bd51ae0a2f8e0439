package io.mailroom.smtp;

import io.netty.buffer.ByteBuf;
import io.netty.util.ByteProcessor;
import java.util.Arrays;

/**
 * The message text after DATA (RFC 5321 4.1.1.4): bytes up to the terminating {@code <CRLF>.<CRLF>},
 * with dot-unstuffing (4.5.2: a leading period of a line is removed).
 *
 * <p>Only a real CRLF ends a line, so only {@code <CRLF>.<CRLF>} ends the data: a bare LF or CR never does
 * (RFC 5321 2.3.8), which is what keeps "SMTP smuggling" (a second message hidden behind {@code <LF>.<LF>})
 * out. A message with bare line endings is read to its real end and then refused as a whole.
 *
 * <p>Memory stays bounded: past the size limit the rest is counted but not kept, and the client still
 * gets its reply after the end of the data, as RFC 5321 4.5.3.1.10 wants.
 */
final class DataCollector implements ByteProcessor {
    /** RFC 5321 4.5.3.1.6: a text line is at most 1000 octets, CRLF included. */
    static final int MAX_TEXT_LINE = 1000;

    enum Problem { NONE, TOO_LARGE, BARE_LINE_ENDING, LINE_TOO_LONG }

    record Result(byte[] message, Problem problem) {}

    private enum State { LINE_START, DOT, DOT_CR, IN_LINE, CR, DONE }

    private final int maxBytes;
    private byte[] buffer = new byte[8192];
    private int size;
    private boolean tooLarge;
    private boolean bareLineEnding;
    private boolean lineTooLong;
    private int lineOctets;
    private State state = State.LINE_START;

    DataCollector(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * Consumes bytes from {@code in} up to and including the end of the data, or all of them.
     *
     * @return the message once its end has been read, else null (more bytes needed)
     */
    Result feed(ByteBuf in) {
        int end = in.forEachByte(this);
        if (end < 0) {
            in.skipBytes(in.readableBytes());
            return null;
        }
        in.readerIndex(end + 1);
        Problem problem = tooLarge ? Problem.TOO_LARGE
                : bareLineEnding ? Problem.BARE_LINE_ENDING
                : lineTooLong ? Problem.LINE_TOO_LONG
                : Problem.NONE;
        return new Result(problem == Problem.NONE ? Arrays.copyOf(buffer, size) : new byte[0], problem);
    }

    /** One byte; false stops the scan at the final LF of {@code <CRLF>.<CRLF>}. */
    @Override
    public boolean process(byte b) {
        if (++lineOctets > MAX_TEXT_LINE) {
            lineTooLong = true;
        }
        switch (state) {
            case LINE_START -> {
                if (b == '.') {
                    state = State.DOT;
                } else {
                    inLine(b);
                }
            }
            case DOT -> {
                if (b == '\r') {
                    state = State.DOT_CR;
                } else {
                    inLine(b); // the stuffed dot is dropped
                }
            }
            case DOT_CR -> {
                if (b == '\n') {
                    state = State.DONE;
                    return false;
                }
                // "." CR x: the dot was stuffing, the CR is bare.
                bareLineEnding = true;
                emit((byte) '\r');
                inLine(b);
            }
            case IN_LINE -> inLine(b);
            case CR -> {
                if (b == '\n') {
                    emit((byte) '\r');
                    emit((byte) '\n');
                    state = State.LINE_START;
                    lineOctets = 0;
                } else {
                    bareLineEnding = true;
                    emit((byte) '\r');
                    inLine(b);
                }
            }
            case DONE -> {
                return false;
            }
        }
        return true;
    }

    private void inLine(byte b) {
        if (b == '\r') {
            state = State.CR;
            return;
        }
        if (b == '\n') {
            // A bare LF neither ends the line nor lets a following "." end the data.
            bareLineEnding = true;
        }
        emit(b);
        state = State.IN_LINE;
    }

    private void emit(byte b) {
        if (tooLarge) {
            return;
        }
        if (size == maxBytes) {
            tooLarge = true;
            buffer = null; // nothing of it is kept any more
            return;
        }
        if (size == buffer.length) {
            buffer = Arrays.copyOf(buffer, (int) Math.min((long) buffer.length * 2, maxBytes));
        }
        buffer[size++] = b;
    }
}
