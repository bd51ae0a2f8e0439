package io.mailroom.protocol.query;

import com.ctc.wstx.api.WstxOutputProperties;
import com.ctc.wstx.stax.WstxOutputFactory;
import com.fasterxml.jackson.databind.JsonNode;
import io.mailroom.core.model.Member;
import io.mailroom.core.model.OperationModel;
import io.mailroom.core.model.Shape;
import io.mailroom.core.model.ShapeType;
import io.mailroom.protocol.Timestamps;
import java.io.ByteArrayOutputStream;
import java.util.Iterator;
import java.util.Map;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a canonical output tree as a Query protocol response:
 * {@code <OpResponse xmlns=...><OpResult>...</OpResult><ResponseMetadata><RequestId>}.
 * Element names follow the model exactly as the SDKs' parsers read them.
 */
public final class QueryXmlEncoder {
    private static final WstxOutputFactory FACTORY = new WstxOutputFactory();

    static {
        // A carriage return in a message body must survive the client's XML parser, which would
        // otherwise normalise it away; AWS escapes it too.
        FACTORY.setProperty(WstxOutputProperties.P_OUTPUT_ESCAPE_CR, true);
    }

    private QueryXmlEncoder() {
    }

    public static byte[] encode(String xmlNamespace, OperationModel operation, JsonNode output, String requestId) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try {
            XMLStreamWriter w = FACTORY.createXMLStreamWriter(bytes, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement(operation.name() + "Response");
            w.writeDefaultNamespace(xmlNamespace);
            if (operation.output() != null && operation.resultWrapper() != null) {
                w.writeStartElement(operation.resultWrapper());
                if (output != null) {
                    writeMembers(w, operation.output(), output);
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

    static void writeMembers(XMLStreamWriter w, Shape shape, JsonNode node) throws XMLStreamException {
        for (Member member : shape.members().values()) {
            JsonNode value = node.get(member.name());
            if (value != null && !value.isNull()) {
                writeMember(w, member, value);
            }
        }
    }

    private static void writeMember(XMLStreamWriter w, Member member, JsonNode value) throws XMLStreamException {
        Shape shape = member.shape();
        String name = member.locationName() != null ? member.locationName()
                : shape.locationName() != null ? shape.locationName() : member.name();
        switch (shape.type()) {
            case LIST -> {
                Member element = shape.listMember();
                if (member.isFlattened()) {
                    String elementName = element.locationName() != null ? element.locationName() : name;
                    for (JsonNode item : value) {
                        writeValue(w, elementName, element.shape(), item);
                    }
                } else {
                    w.writeStartElement(name);
                    String elementName = element.locationName() != null ? element.locationName() : "member";
                    for (JsonNode item : value) {
                        writeValue(w, elementName, element.shape(), item);
                    }
                    w.writeEndElement();
                }
            }
            case MAP -> {
                String keyName = shape.mapKey().locationName() != null ? shape.mapKey().locationName() : "key";
                String valueName = shape.mapValue().locationName() != null ? shape.mapValue().locationName() : "value";
                boolean flat = member.isFlattened();
                if (!flat) {
                    w.writeStartElement(name);
                }
                Iterator<Map.Entry<String, JsonNode>> entries = value.fields();
                while (entries.hasNext()) {
                    Map.Entry<String, JsonNode> entry = entries.next();
                    w.writeStartElement(flat ? name : "entry");
                    writeText(w, keyName, entry.getKey());
                    writeValue(w, valueName, shape.mapValue().shape(), entry.getValue());
                    w.writeEndElement();
                }
                if (!flat) {
                    w.writeEndElement();
                }
            }
            default -> writeValue(w, name, shape, value);
        }
    }

    private static void writeValue(XMLStreamWriter w, String name, Shape shape, JsonNode value)
            throws XMLStreamException {
        if (shape.type() == ShapeType.STRUCTURE) {
            w.writeStartElement(name);
            writeMembers(w, shape, value);
            w.writeEndElement();
        } else if (shape.type() == ShapeType.LIST || shape.type() == ShapeType.MAP) {
            writeMember(w, new Member(name, shape, name, null, false, false, false), value);
        } else {
            writeText(w, name, scalarText(shape, value));
        }
    }

    private static String scalarText(Shape shape, JsonNode value) {
        if (shape.type() == ShapeType.TIMESTAMP && value.isNumber()) {
            return Timestamps.iso(value.asDouble());
        }
        return value.asText();
    }

    private static void writeText(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(text);
        w.writeEndElement();
    }
}
