package io.mailroom.http.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.protocol.Canonical;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * An XML answer as JSON the way LocalStack's developer endpoints give it with {@code Accept:
 * application/json}: their XML run through Python's xmltodict without attributes. An element with
 * child elements becomes an object, a name repeated among siblings an array, an element with only text
 * that string, an empty element null; the root element is the one key of the result. So one message
 * is {@code "Message": {...}}, two are {@code "Message": [{...}, {...}]}, none is
 * {@code "ReceiveMessageResult": null}, as tests written against LocalStack expect.
 */
final class XmlAsJson {

    private XmlAsJson() {
    }

    static ObjectNode convert(byte[] xml) {
        Element root;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            root = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml)).getDocumentElement();
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalStateException("Mailroom's own XML did not parse", e);
        }
        ObjectNode result = Canonical.NODES.objectNode();
        result.set(root.getTagName(), value(root));
        return result;
    }

    private static JsonNode value(Element element) {
        ObjectNode children = null;
        StringBuilder text = new StringBuilder();
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                if (children == null) {
                    children = Canonical.NODES.objectNode();
                }
                add(children, child.getTagName(), value(child));
            } else if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(n.getNodeValue());
            }
        }
        if (children != null) {
            return children;
        }
        return text.length() == 0 ? Canonical.NODES.nullNode() : Canonical.NODES.textNode(text.toString());
    }

    private static void add(ObjectNode object, String name, JsonNode value) {
        JsonNode existing = object.get(name);
        if (existing == null) {
            object.set(name, value);
        } else if (existing instanceof ArrayNode list) {
            list.add(value);
        } else {
            object.putArray(name).add(existing).add(value);
        }
    }
}
