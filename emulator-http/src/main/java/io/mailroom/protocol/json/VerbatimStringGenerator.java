package io.mailroom.protocol.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes long strings that need no escaping (see {@link VerbatimText}) as ready UTF-8 bytes, and
 * everything else as Jackson does. Responses carry message bodies of up to 256 KiB, ten at a time, and
 * character-by-character escaping of those was the largest single cost of writing them.
 */
final class VerbatimStringGenerator extends JsonGeneratorDelegate {
    /** Below this, encoding the string separately costs more than it saves. */
    private static final int MIN_LENGTH = 64;

    VerbatimStringGenerator(JsonGenerator target) {
        super(target, false);
    }

    @Override
    public void writeString(String text) throws IOException {
        if (text != null && text.length() >= MIN_LENGTH) {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            if (VerbatimText.copiesVerbatim(text, utf8)) {
                delegate.writeRawUTF8String(utf8, 0, utf8.length);
                return;
            }
        }
        delegate.writeString(text);
    }
}
