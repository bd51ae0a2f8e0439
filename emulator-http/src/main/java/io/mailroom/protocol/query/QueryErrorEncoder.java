package io.mailroom.protocol.query;

import com.ctc.wstx.api.WstxOutputProperties;
import com.ctc.wstx.stax.WstxOutputFactory;
import io.mailroom.core.error.AwsException;
import java.io.ByteArrayOutputStream;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Query protocol errors:
 * {@code <ErrorResponse><Error><Type>Sender</Type><Code>..</Code><Message>..</Message><Detail/></Error><RequestId>}.
 */
public final class QueryErrorEncoder {
    private static final WstxOutputFactory FACTORY = new WstxOutputFactory();

    static {
        FACTORY.setProperty(WstxOutputProperties.P_OUTPUT_ESCAPE_CR, true);
    }

    private QueryErrorEncoder() {
    }

    public static byte[] encode(String xmlNamespace, AwsException error, String requestId) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try {
            XMLStreamWriter w = FACTORY.createXMLStreamWriter(bytes, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("ErrorResponse");
            if (xmlNamespace != null) {
                w.writeDefaultNamespace(xmlNamespace);
            }
            w.writeStartElement("Error");
            text(w, "Type", error.error().fault().wireName());
            text(w, "Code", error.error().code());
            text(w, "Message", error.getMessage() == null ? "" : error.getMessage());
            w.writeEmptyElement("Detail");
            w.writeEndElement();
            text(w, "RequestId", requestId);
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write XML error", e);
        }
        return bytes.toByteArray();
    }

    private static void text(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(text);
        w.writeEndElement();
    }
}
