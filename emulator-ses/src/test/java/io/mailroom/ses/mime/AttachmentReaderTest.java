package io.mailroom.ses.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttachmentReaderTest {
    /** Text and HTML bodies, a nested second text part, an inline image without a name and a named file. */
    private static final byte[] RAW = String.join("\r\n",
            "From: a@example.com",
            "To: b@example.com",
            "Subject: parts",
            "MIME-Version: 1.0",
            "Content-Type: multipart/mixed; boundary=\"outer\"",
            "",
            "--outer",
            "Content-Type: multipart/alternative; boundary=\"alt\"",
            "",
            "--alt",
            "Content-Type: text/plain",
            "",
            "plain body",
            "--alt",
            "Content-Type: text/html",
            "",
            "<p>html body</p>",
            "--alt--",
            "--outer",
            "Content-Type: text/plain",
            "",
            "a second text part",
            "--outer",
            "Content-Type: image/png",
            "Content-Transfer-Encoding: base64",
            "Content-ID: <logo>",
            "",
            "iVBORw0KGgo=",
            "--outer",
            "Content-Type: text/csv; name=\"r\u00e9sum\u00e9.csv\"",
            "Content-Disposition: attachment; filename=\"=?UTF-8?Q?r=C3=A9sum=C3=A9.csv?=\"",
            "",
            "a,b",
            "--outer--",
            "").getBytes(StandardCharsets.UTF_8);

    @Test
    void numbersAttachmentsAsTheParserListsThem() {
        List<ParsedMessage.AttachmentInfo> listed = MimeParser.parse(RAW).attachments();
        assertThat(listed).hasSize(3);
        for (int i = 0; i < listed.size(); i++) {
            AttachmentReader.Attachment read = AttachmentReader.read(RAW, i).orElseThrow();
            assertThat(read.fileName()).as("name of %d", i).isEqualTo(listed.get(i).fileName());
            assertThat(read.contentType()).as("type of %d", i).isEqualTo(listed.get(i).contentType());
            assertThat(read.data()).as("size of %d", i).hasSize(listed.get(i).size());
        }
        assertThat(AttachmentReader.read(RAW, 3)).isEmpty();
        assertThat(AttachmentReader.read(RAW, -1)).isEmpty();
    }

    @Test
    void decodesTheContent() {
        assertThat(new String(AttachmentReader.read(RAW, 0).orElseThrow().data(), StandardCharsets.UTF_8))
                .isEqualTo("a second text part");
        assertThat(AttachmentReader.read(RAW, 1).orElseThrow().data())
                .startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        AttachmentReader.Attachment csv = AttachmentReader.read(RAW, 2).orElseThrow();
        assertThat(csv.fileName()).isEqualTo("r\u00e9sum\u00e9.csv");
        assertThat(new String(csv.data(), StandardCharsets.UTF_8)).isEqualTo("a,b");
    }
}
