package io.mailroom.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DataCollectorTest {

    private static ByteBuf bytes(String s) {
        return Unpooled.copiedBuffer(s, StandardCharsets.ISO_8859_1);
    }

    private static String text(DataCollector.Result result) {
        return new String(result.message(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void unstuffsDotsAndStopsAtTheTerminator() {
        DataCollector data = new DataCollector(1000);
        ByteBuf in = bytes("a\r\n..b\r\n.\r\n\r\n.\r\nNEXT");
        DataCollector.Result result = data.feed(in);
        assertThat(result.problem()).isEqualTo(DataCollector.Problem.NONE);
        assertThat(text(result)).isEqualTo("a\r\n.b\r\n");
        assertThat(in.toString(StandardCharsets.ISO_8859_1)).isEqualTo("\r\n.\r\nNEXT");
    }

    @Test
    void emptyMessage() {
        DataCollector.Result result = new DataCollector(10).feed(bytes(".\r\n"));
        assertThat(result.message()).isEmpty();
    }

    @Test
    void terminatorSplitAcrossReads() {
        DataCollector data = new DataCollector(1000);
        String all = "Subject: x\r\n\r\nbody\r\n.\r\n";
        for (int i = 0; i < all.length() - 1; i++) {
            assertThat(data.feed(bytes(all.substring(i, i + 1)))).isNull();
        }
        assertThat(text(data.feed(bytes("\n")))).isEqualTo("Subject: x\r\n\r\nbody\r\n");
    }

    @Test
    void bareLineFeedsNeitherEndTheDataNorPass() {
        DataCollector data = new DataCollector(1000);
        // The smuggling shape: <LF>.<LF> and <LF>.<CR><LF> are not the end.
        assertThat(data.feed(bytes("a\n.\nb\n.\r\nc\r\n"))).isNull();
        DataCollector.Result result = data.feed(bytes(".\r\n"));
        assertThat(result.problem()).isEqualTo(DataCollector.Problem.BARE_LINE_ENDING);
    }

    @Test
    void bareCarriageReturn() {
        assertThat(new DataCollector(1000).feed(bytes("a\rb\r\n.\r\n")).problem())
                .isEqualTo(DataCollector.Problem.BARE_LINE_ENDING);
    }

    @Test
    void sizeLimitCountsUnstuffedBytesAndReadsToTheEnd() {
        assertThat(new DataCollector(5).feed(bytes("abc\r\n.\r\n")).problem()).isEqualTo(DataCollector.Problem.NONE);
        ByteBuf in = bytes("abcd\r\n" + "x".repeat(500) + "\r\n.\r\nQUIT\r\n");
        assertThat(new DataCollector(5).feed(in).problem()).isEqualTo(DataCollector.Problem.TOO_LARGE);
        assertThat(in.toString(StandardCharsets.ISO_8859_1)).isEqualTo("QUIT\r\n");
    }

    @Test
    void textLinesAreLimitedTo1000OctetsWithCrLf() {
        String ok = "x".repeat(998) + "\r\n.\r\n";
        assertThat(new DataCollector(5000).feed(bytes(ok)).problem()).isEqualTo(DataCollector.Problem.NONE);
        String tooLong = "x".repeat(999) + "\r\n.\r\n";
        assertThat(new DataCollector(5000).feed(bytes(tooLong)).problem())
                .isEqualTo(DataCollector.Problem.LINE_TOO_LONG);
    }
}
