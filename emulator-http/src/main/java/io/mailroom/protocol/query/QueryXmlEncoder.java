package io.mailroom.protocol.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.mailroom.core.model.OperationModel;
import io.mailroom.protocol.XmlOutput;
import io.mailroom.protocol.XmlShapeWriter;
import java.io.ByteArrayOutputStream;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a canonical output tree as a Query protocol response:
 * {@code <OpResponse xmlns=...><OpResult>...</OpResult><ResponseMetadata><RequestId>}.
 * Element names follow the model exactly as the SDKs' parsers read them.
 */
public final class QueryXmlEncoder {
    private QueryXmlEncoder() {
    }

    public static byte[] encode(String xmlNamespace, OperationModel operation, JsonNode output, String requestId) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try {
            XMLStreamWriter w = XmlOutput.writer(bytes);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement(operation.name() + "Response");
            w.writeDefaultNamespace(xmlNamespace);
            if (operation.output() != null && operation.resultWrapper() != null) {
                w.writeStartElement(operation.resultWrapper());
                if (output != null) {
                    XmlShapeWriter.writeMembers(w, operation.output(), output);
                }
                w.writeEndElement();
            }
            writeResponseMetadata(w, requestId);
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write XML response", e);
        }
        return bytes.toByteArray();
    }

    static void writeResponseMetadata(XMLStreamWriter w, String requestId) throws XMLStreamException {
        w.writeStartElement("ResponseMetadata");
        w.writeStartElement("RequestId");
        w.writeCharacters(requestId);
        w.writeEndElement();
        w.writeEndElement();
    }

}
