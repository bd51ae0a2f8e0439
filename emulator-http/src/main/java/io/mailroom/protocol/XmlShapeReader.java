package io.mailroom.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.error.AwsException;
import io.mailroom.core.error.ErrorCode;
import io.mailroom.core.model.Member;
import io.mailroom.core.model.Shape;
import io.mailroom.core.model.ShapeType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Reads an XML request body (REST-XML payloads such as S3's {@code <Delete>} or
 * {@code <NotificationConfiguration>}) into the canonical tree, naming elements as the model does.
 * External entities and DTDs are refused.
 */
public final class XmlShapeReader {
    /** S3's answer to a body that is not the XML it expects. */
    public static final ErrorCode MALFORMED_XML = ErrorCode.sender("MalformedXML", 400);
    private static final DocumentBuilderFactory FACTORY = factory();

    private XmlShapeReader() {
    }

    public static ObjectNode read(Shape shape, byte[] xml) {
        Element root;
        try {
            DocumentBuilder builder = FACTORY.newDocumentBuilder();
            builder.setErrorHandler(null);
            root = builder.parse(new ByteArrayInputStream(xml)).getDocumentElement();
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw malformed();
        }
        ObjectNode out = Canonical.NODES.objectNode();
        readStructure(shape, root, out);
        return out;
    }

    private static void readStructure(Shape shape, Element element, ObjectNode out) {
        for (Member member : shape.members().values()) {
            if (member.location() != null) {
                continue;
            }
            if (member.xmlAttribute()) {
                String local = member.wireName().substring(member.wireName().indexOf(':') + 1);
                Attr attribute = attribute(element, local);
                if (attribute != null) {
                    out.put(member.name(), attribute.getValue());
                }
                continue;
            }
            Shape target = member.shape();
            if (target.type() == ShapeType.LIST && member.isFlattened()) {
                String name = target.listMember().locationName() != null ? target.listMember().locationName()
                        : member.wireName();
                List<Element> items = children(element, name);
                if (!items.isEmpty()) {
                    ArrayNode list = out.putArray(member.name());
                    for (Element item : items) {
                        list.add(value(target.listMember().shape(), item));
                    }
                }
                continue;
            }
            List<Element> found = children(element, member.wireName());
            if (!found.isEmpty()) {
                out.set(member.name(), value(target, found.get(0)));
            }
        }
    }

    private static JsonNode value(Shape shape, Element element) {
        switch (shape.type()) {
            case STRUCTURE -> {
                ObjectNode struct = Canonical.NODES.objectNode();
                readStructure(shape, element, struct);
                return struct;
            }
            case LIST -> {
                ArrayNode list = Canonical.NODES.arrayNode();
                String itemName = shape.listMember().locationName() != null ? shape.listMember().locationName() : "member";
                for (Element item : children(element, itemName)) {
                    list.add(value(shape.listMember().shape(), item));
                }
                return list;
            }
            case MAP -> {
                ObjectNode map = Canonical.NODES.objectNode();
                String keyName = shape.mapKey().locationName() != null ? shape.mapKey().locationName() : "key";
                String valueName = shape.mapValue().locationName() != null ? shape.mapValue().locationName() : "value";
                for (Element entry : children(element, "entry")) {
                    List<Element> keys = children(entry, keyName);
                    List<Element> values = children(entry, valueName);
                    if (!keys.isEmpty() && !values.isEmpty()) {
                        map.set(keys.get(0).getTextContent(), value(shape.mapValue().shape(), values.get(0)));
                    }
                }
                return map;
            }
            default -> {
                try {
                    return ScalarText.parse(shape, element.getTextContent().trim(), element.getTagName());
                } catch (AwsException e) {
                    throw malformed();
                }
            }
        }
    }

    /** The attribute of that local name, in whatever namespace (S3's {@code xsi:type}). */
    private static Attr attribute(Element element, String localName) {
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr a = (Attr) attributes.item(i);
            if (localName.equals(a.getLocalName() != null ? a.getLocalName() : a.getName())) {
                return a;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> result = new ArrayList<>(2);
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName() != null ? e.getLocalName() : e.getTagName())) {
                result.add(e);
            }
        }
        return result;
    }

    private static AwsException malformed() {
        return MALFORMED_XML.exception(
                "The XML you provided was not well-formed or did not validate against our published schema");
    }

    private static DocumentBuilderFactory factory() {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        try {
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser without secure processing", e);
        }
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        return f;
    }
}
