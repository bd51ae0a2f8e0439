package io.mailroom.sqs.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailroom.core.text.Utf8TextNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MessageBodyTest {
    @Test
    void theCharacterCheckAlsoTellsWhetherJsonMustEscapeAnything() {
        // ASCII bodies are checked eight bytes at a time: each position of a word and of the tail counts.
        String[] allowed = {"\t", "\n", "\r", " ", "\"", "\\", "?", "/", "~", "\u007f", "\u00e9", "\ud83d\ude00"};
        for (int at = 0; at < 20; at++) {
            for (String c : allowed) {
                for (String rest : new String[] {"a", "\"", "\u00e9"}) {
                    String text = rest.repeat(at) + c + "b".repeat(19 - at);
                    MessageBody body = MessageBody.of(text);
                    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
                    assertThat(body.utf8()).isEqualTo(utf8);
                    assertThat(body.text()).isEqualTo(text);
                    assertThat(body.escapeFree()).as("%s at %d after %s", c, at, rest)
                            .isEqualTo(Utf8TextNode.escapeFree(utf8))
                            .isEqualTo(text.chars().noneMatch(ch -> ch < 0x20 || ch == '"' || ch == '\\' || Character.isSurrogate((char) ch)));
                    assertThat(body.node().textValue()).isEqualTo(text);
                }
            }
        }
    }
}
