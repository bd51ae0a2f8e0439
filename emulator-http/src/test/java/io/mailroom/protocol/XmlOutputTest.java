package io.mailroom.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.stream.XMLStreamWriter;
import org.junit.jupiter.api.Test;

class XmlOutputTest {
    private static String written(String text) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XMLStreamWriter w = XmlOutput.writer(out);
        w.writeStartDocument("UTF-8", "1.0");
        w.writeStartElement("Value");
        w.writeCharacters(text);
        w.writeEndElement();
        w.writeEndDocument();
        w.close();
        return out.toString(StandardCharsets.UTF_8);
    }

    /** What an XML parser (the JDK's, as the SDKs use one) reads back. */
    private static String parsed(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getDocumentElement().getTextContent();
    }

    @Test
    void charactersXmlCannotCarryAreWrittenAsReplacementCharacters() throws Exception {
        assertThat(parsed(written("a\u0000b\u0001c\u001fd\ufffee\uffff"))).isEqualTo("a\ufffdb\ufffdc\ufffdd\ufffde\ufffd");
        assertThat(parsed(written("x\ud800y\udc00z\ud800"))).isEqualTo("x\ufffdy\ufffdz\ufffd");
    }

    @Test
    void everythingElseIsKeptAsItIs() throws Exception {
        String text = "tab\tline\ncarriage\rreturn <&> \"quotes\" 'apostrophes' caf\u00e9 \ud83d\ude00 \u007f";
        assertThat(parsed(written(text))).isEqualTo(text);
        assertThat(written("a\rb")).contains("a&#xd;b"); // a bare CR would be normalised away by the parser
        String plain = "plain";
        assertThat(XmlOutput.writable(plain)).isSameAs(plain);
    }
}
