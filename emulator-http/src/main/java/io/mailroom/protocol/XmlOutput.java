package io.mailroom.protocol;

import com.ctc.wstx.api.WstxOutputProperties;
import com.ctc.wstx.stax.WstxOutputFactory;
import java.io.OutputStream;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.codehaus.stax2.util.StreamWriterDelegate;

/** The XML writer every XML answer (Query and REST-XML, results and errors) is written with. */
public final class XmlOutput {
    private static final WstxOutputFactory FACTORY = new WstxOutputFactory();

    static {
        // A carriage return in a message body must survive the client's XML parser, which would
        // otherwise normalise it away; AWS escapes it too.
        FACTORY.setProperty(WstxOutputProperties.P_OUTPUT_ESCAPE_CR, true);
    }

    private XmlOutput() {
    }

    /** A UTF-8 writer onto {@code out}. */
    public static XMLStreamWriter writer(OutputStream out) throws XMLStreamException {
        return new WritableTextWriter(FACTORY.createXMLStreamWriter(out, "UTF-8"));
    }

    /**
     * {@code text} with each character XML 1.0 cannot carry at all replaced by U+FFFD: NUL and the other
     * C0 controls but tab and line breaks, U+FFFE, U+FFFF and unpaired surrogates. Such text can reach an
     * answer from input no rule refuses (a tag value a JSON client stored, an invalid name quoted back in
     * an error message), and written as it is it would fail the answer or make one no parser reads
     * (Woodstox writes U+FFFF as a character reference that XML forbids too).
     */
    static String writable(String text) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            if (isSuspect(text.charAt(i))) {
                return replaceUnwritable(text, i);
            }
        }
        return text;
    }

    private static boolean isSuspect(char c) {
        return c < 0x20 ? c != '\t' && c != '\n' && c != '\r' : c >= Character.MIN_SURROGATE
                && (c <= Character.MAX_SURROGATE || c >= '\uFFFE');
    }

    private static String replaceUnwritable(String text, int from) {
        StringBuilder s = new StringBuilder(text.length()).append(text, 0, from);
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isSuspect(c)) {
                s.append(c);
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                s.append(c).append(text.charAt(++i));
            } else {
                s.append('\uFFFD');
            }
        }
        return s.toString();
    }

    private static final class WritableTextWriter extends StreamWriterDelegate {
        WritableTextWriter(XMLStreamWriter writer) {
            super(writer);
        }

        @Override
        public void writeCharacters(String text) throws XMLStreamException {
            super.writeCharacters(writable(text));
        }

        @Override
        public void writeCharacters(char[] text, int start, int len) throws XMLStreamException {
            writeCharacters(new String(text, start, len));
        }
    }
}
