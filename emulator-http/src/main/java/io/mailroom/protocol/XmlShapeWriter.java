package io.mailroom.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import io.mailroom.core.model.Member;
import io.mailroom.core.model.Shape;
import io.mailroom.core.model.ShapeType;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes canonical trees as XML elements named the way the Query and REST-XML protocols name them:
 * {@code locationName} overrides, flattened lists and maps repeated in place, wrapped ones inside
 * {@code member}/{@code entry} elements, timestamps in ISO 8601, {@code xmlAttribute} members as attributes.
 */
public final class XmlShapeWriter {

    private XmlShapeWriter() {
    }

    public static void writeMembers(XMLStreamWriter w, Shape shape, JsonNode node) throws XMLStreamException {
        for (Member member : shape.members().values()) {
            writeBodyMember(w, member, node);
        }
    }

    /** The members named in {@code first} in that order, then the others in the model's order. */
    public static void writeMembers(XMLStreamWriter w, Shape shape, JsonNode node, List<String> first)
            throws XMLStreamException {
        if (first.isEmpty()) {
            writeMembers(w, shape, node);
            return;
        }
        for (String name : first) {
            Member member = shape.members().get(name);
            if (member != null) {
                writeBodyMember(w, member, node);
            }
        }
        for (Member member : shape.members().values()) {
            if (!first.contains(member.name())) {
                writeBodyMember(w, member, node);
            }
        }
    }

    private static void writeBodyMember(XMLStreamWriter w, Member member, JsonNode node) throws XMLStreamException {
        JsonNode value = node.get(member.name());
        if (value != null && !value.isNull() && member.location() == null && !member.xmlAttribute()) {
            writeMember(w, member, value);
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

    public static void writeValue(XMLStreamWriter w, String name, Shape shape, JsonNode value)
            throws XMLStreamException {
        if (shape.type() == ShapeType.STRUCTURE) {
            w.writeStartElement(name);
            writeAttributes(w, shape, value);
            writeMembers(w, shape, value);
            w.writeEndElement();
        } else if (shape.type() == ShapeType.LIST || shape.type() == ShapeType.MAP) {
            writeMember(w, new Member(name, shape, name, null, false, false, false), value);
        } else {
            writeText(w, name, scalarText(shape, value));
        }
    }

    /**
     * Members the model marks {@code xmlAttribute}. The one such member in the AWS models is S3's
     * {@code Grantee/@xsi:type}, so a {@code xsi:} name declares the XML Schema instance namespace.
     */
    private static void writeAttributes(XMLStreamWriter w, Shape shape, JsonNode node) throws XMLStreamException {
        for (Member member : shape.members().values()) {
            JsonNode value = member.xmlAttribute() ? node.get(member.name()) : null;
            if (value == null || value.isNull()) {
                continue;
            }
            String name = member.wireName();
            if (name.startsWith("xsi:")) {
                w.writeNamespace("xsi", XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI);
                w.writeAttribute("xsi", XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI, name.substring(4), value.asText());
            } else {
                w.writeAttribute(name, value.asText());
            }
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
