package io.mailroom.protocol.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.error.AwsException;
import io.mailroom.core.model.Member;
import io.mailroom.core.model.OperationModel;
import io.mailroom.core.model.Shape;
import io.mailroom.core.model.ShapeType;
import io.mailroom.core.request.ExtendedRequestId;
import io.mailroom.core.time.HttpDate;
import io.mailroom.protocol.Canonical;
import io.mailroom.protocol.EncodedResponse;
import io.mailroom.protocol.XmlOutput;
import io.mailroom.protocol.XmlShapeReader;
import io.mailroom.protocol.XmlShapeWriter;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * AWS REST-XML (S3): members bound to the URI, query string and headers ({@code x-amz-meta-*} as a
 * map); the payload member is the raw body (a blob, carried as a binary node) or an XML document.
 * Errors are {@code <Error><Code>..</Code><Message>..</Message>[details]<RequestId>..</RequestId></Error>}.
 */
public final class RestXmlCodec {
    /** Services put this member in an output to answer with another status (206, 304). */
    public static final String STATUS_MEMBER = "__status";
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    /**
     * Root elements AWS answers with; the JSON models lost the XML names of these output shapes (see each
     * operation's response syntax in https://docs.aws.amazon.com/AmazonS3/latest/API/API_Operations_Amazon_Simple_Storage_Service.html).
     */
    private static final Map<String, String> ROOT_NAMES = Map.ofEntries(
            Map.entry("ListObjectsV2Output", "ListBucketResult"),
            Map.entry("ListObjectsOutput", "ListBucketResult"),
            Map.entry("ListBucketsOutput", "ListAllMyBucketsResult"),
            Map.entry("DeleteObjectsOutput", "DeleteResult"),
            Map.entry("CreateMultipartUploadOutput", "InitiateMultipartUploadResult"),
            Map.entry("CompleteMultipartUploadOutput", "CompleteMultipartUploadResult"),
            Map.entry("ListPartsOutput", "ListPartsResult"),
            Map.entry("ListMultipartUploadsOutput", "ListMultipartUploadsResult"),
            Map.entry("GetObjectTaggingOutput", "Tagging"),
            Map.entry("GetBucketTaggingOutput", "Tagging"),
            Map.entry("GetObjectAclOutput", "AccessControlPolicy"),
            Map.entry("GetBucketAclOutput", "AccessControlPolicy"),
            Map.entry("GetBucketVersioningOutput", "VersioningConfiguration"),
            Map.entry("GetBucketCorsOutput", "CORSConfiguration"),
            Map.entry("GetObjectAttributesOutput", "GetObjectAttributesResponse"));
    /**
     * Listings whose elements S3 writes in another order than the model's: the listing's header first, then
     * Contents and CommonPrefixes (the examples in
     * https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectsV2.html#API_ListObjectsV2_Examples and
     * API_ListObjects.html). Order-sensitive parsers depend on it: the SDK for Java v1 copies the
     * {@code Name} it has read so far into each object summary, so with Name after Contents every summary
     * had no bucket name.
     */
    private static final Map<String, List<String>> WIRE_ORDERS = Map.of(
            "ListObjectsOutput", List.of("Name", "Prefix", "Marker", "NextMarker", "MaxKeys", "Delimiter",
                    "EncodingType", "IsTruncated"),
            "ListObjectsV2Output", List.of("Name", "Prefix", "StartAfter", "ContinuationToken",
                    "NextContinuationToken", "KeyCount", "MaxKeys", "Delimiter", "EncodingType", "IsTruncated"));
    /** Outputs whose whole document is a single element holding the value. */
    private static final java.util.Set<String> SINGLE_VALUE_ROOTS = java.util.Set.of("GetBucketLocationOutput");

    private RestXmlCodec() {
    }

    public static ObjectNode decode(OperationModel operation, Map<String, String> labels,
                                    Map<String, List<String>> query, Function<String, String> header,
                                    Iterable<Map.Entry<String, String>> allHeaders, byte[] body) {
        Shape input = operation.input();
        ObjectNode tree = Canonical.NODES.objectNode();
        if (input == null) {
            return tree;
        }
        for (Member member : input.members().values()) {
            String location = member.location();
            if (member.payload()) {
                if (member.shape().type() == ShapeType.BLOB || member.shape().type() == ShapeType.STRING) {
                    tree.set(member.name(), Canonical.NODES.binaryNode(body));
                } else if (body.length > 0) {
                    tree.set(member.name(), XmlShapeReader.read(member.shape(), body));
                }
                continue;
            }
            if (location == null) {
                continue;
            }
            switch (location) {
                case "uri" -> put(tree, member, labels.get(member.wireName()));
                case "querystring" -> {
                    List<String> values = query.get(member.wireName());
                    // S3 takes an empty number (max-keys=, part-number-marker=) as absent.
                    if (!(isNumber(member.shape()) && values != null && values.size() == 1 && values.get(0).isEmpty())) {
                        BoundValues.bind(tree, member, values);
                    }
                }
                case "header" -> put(tree, member, member.shape().type() == ShapeType.LIST
                        ? everyLine(allHeaders, member.wireName(), header) : header.apply(member.wireName()));
                case "headers" -> {
                    // Headers of one name in any case are one entry, their values in a comma-delimited list, as
                    // S3 keeps repeated x-amz-meta-* (https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingMetadata.html).
                    ObjectNode map = Canonical.NODES.objectNode();
                    String prefix = member.wireName().toLowerCase(java.util.Locale.ROOT);
                    for (Map.Entry<String, String> h : allHeaders) {
                        String name = h.getKey().toLowerCase(java.util.Locale.ROOT);
                        if (name.startsWith(prefix)) {
                            String key = name.substring(prefix.length());
                            JsonNode earlier = map.get(key);
                            map.put(key, earlier == null ? h.getValue() : earlier.asText() + "," + h.getValue());
                        }
                    }
                    if (!map.isEmpty()) {
                        tree.set(member.name(), map);
                    }
                }
                default -> {
                }
            }
        }
        return tree;
    }

    /**
     * A list bound to a header may come as one comma-separated line or as one line per item (the AWS SDK for
     * Java sends {@code x-amz-object-attributes} that way): all lines, joined.
     */
    private static String everyLine(Iterable<Map.Entry<String, String>> allHeaders, String name,
                                    Function<String, String> header) {
        List<String> lines = new java.util.ArrayList<>();
        for (Map.Entry<String, String> h : allHeaders) {
            if (h.getKey().equalsIgnoreCase(name)) {
                lines.add(h.getValue());
            }
        }
        return lines.isEmpty() ? header.apply(name) : String.join(",", lines);
    }

    private static void put(ObjectNode tree, Member member, String text) {
        if (text == null) {
            return;
        }
        if (member.shape().type() == ShapeType.TIMESTAMP && "header".equals(member.location())) {
            try {
                tree.put(member.name(), Instant.from(HTTP_DATE.parse(text)).toEpochMilli() / 1000.0);
                return;
            } catch (java.time.DateTimeException e) {
                // not an HTTP date: fall through to ISO 8601 / epoch parsing
            }
        }
        tree.set(member.name(), BoundValues.parse(member, List.of(text)));
    }

    public static EncodedResponse success(OperationModel operation, JsonNode output, String xmlNamespace,
                                          boolean head, String requestId) {
        Shape shape = operation.output();
        int status = operation.successCode();
        Map<String, String> headers = requestIdHeaders(requestId);
        byte[] body = new byte[0];
        String contentType = "application/xml";
        if (shape == null || output == null) {
            return new EncodedResponse(status, contentType, body, headers);
        }
        if (SINGLE_VALUE_ROOTS.contains(shape.name())) {
            // The whole document is one element holding the value: <LocationConstraint>eu-west-1</LocationConstraint>,
            // and an empty element for us-east-1.
            Member only = shape.members().values().iterator().next();
            JsonNode value = output.get(only.name());
            return new EncodedResponse(status, contentType, valueDocument(only.wireName(), xmlNamespace,
                    value == null || value.isNull() ? "" : value.asText()), headers);
        }
        if (output.has(STATUS_MEMBER)) {
            status = output.get(STATUS_MEMBER).asInt();
        }
        Member payload = null;
        boolean bodyMembers = false;
        for (Member member : shape.members().values()) {
            JsonNode value = output.get(member.name());
            if (member.payload()) {
                payload = member;
            } else if ("header".equals(member.location()) && value != null && !value.isNull()) {
                headers.put(member.wireName(), headerText(member.shape(), value));
            } else if ("headers".equals(member.location()) && value != null && value.isObject()) {
                Iterator<Map.Entry<String, JsonNode>> entries = value.fields();
                while (entries.hasNext()) {
                    Map.Entry<String, JsonNode> e = entries.next();
                    headers.put(member.wireName() + e.getKey(), e.getValue().asText());
                }
            } else if ("statusCode".equals(member.location()) && value != null) {
                status = value.asInt();
            } else if (member.location() == null) {
                // S3 answers a document whenever the output has one, empty or not (<VersioningConfiguration/>).
                bodyMembers = true;
            }
        }
        if (headers.containsKey("Content-Type")) {
            contentType = headers.remove("Content-Type");
        }
        if (payload != null) {
            JsonNode value = output.get(payload.name());
            if (payload.shape().type() == ShapeType.BLOB || payload.shape().type() == ShapeType.STRING) {
                if (!headers.containsKey("Content-Type") && contentType.equals("application/xml")) {
                    contentType = "binary/octet-stream";
                }
                body = value == null ? new byte[0] : blob(value);
            } else if (value != null) {
                String root = payload.locationName() != null ? payload.locationName() : payload.shape().name();
                body = document(root, xmlNamespace, payload.shape(), value);
            }
        } else if (bodyMembers) {
            body = document(ROOT_NAMES.getOrDefault(shape.name(), shape.name()), xmlNamespace, shape, output);
        }
        if (head) {
            headers.putIfAbsent("Content-Length", Integer.toString(body.length));
            body = new byte[0];
        }
        return new EncodedResponse(status, contentType, body, headers);
    }

    static Map<String, String> requestIdHeaders(String requestId) {
        Map<String, String> headers = new LinkedHashMap<>();
        // S3 names its request ids differently from other services; the SDK reads them from these headers.
        headers.put("x-amz-request-id", requestId);
        headers.put("x-amz-id-2", ExtendedRequestId.of(requestId));
        return headers;
    }

    private static byte[] valueDocument(String root, String xmlNamespace, String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        try {
            XMLStreamWriter w = XmlOutput.writer(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement(root);
            w.writeDefaultNamespace(xmlNamespace);
            w.writeCharacters(text);
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write XML response", e);
        }
        return out.toByteArray();
    }

    public static EncodedResponse error(AwsException error, String requestId, boolean head) {
        byte[] body = new byte[0];
        if (!head) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(256);
            try {
                XMLStreamWriter w = XmlOutput.writer(out);
                w.writeStartDocument("UTF-8", "1.0");
                w.writeStartElement("Error");
                text(w, "Code", error.error().code());
                text(w, "Message", error.getMessage() == null ? "" : error.getMessage());
                for (var detail : error.details().entrySet()) {
                    text(w, detail.getKey(), detail.getValue() == null ? "" : detail.getValue());
                }
                text(w, "RequestId", requestId);
                text(w, "HostId", ExtendedRequestId.of(requestId)); // as in S3's errors: the x-amz-id-2 header's value
                w.writeEndElement();
                w.writeEndDocument();
                w.close();
            } catch (XMLStreamException e) {
                throw new IllegalStateException("cannot write XML error", e);
            }
            body = out.toByteArray();
        }
        return new EncodedResponse(error.error().status(), "application/xml", body, requestIdHeaders(requestId));
    }

    private static byte[] document(String root, String xmlNamespace, Shape shape, JsonNode value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try {
            XMLStreamWriter w = XmlOutput.writer(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement(root);
            if (xmlNamespace != null) {
                w.writeDefaultNamespace(xmlNamespace);
            }
            if (shape.type() == ShapeType.STRUCTURE) {
                XmlShapeWriter.writeMembers(w, shape, value, WIRE_ORDERS.getOrDefault(shape.name(), List.of()));
            } else {
                w.writeCharacters(value.asText());
            }
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write XML response", e);
        }
        return out.toByteArray();
    }

    private static byte[] blob(JsonNode value) {
        try {
            return value.isBinary() ? value.binaryValue() : value.asText().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String headerText(Shape shape, JsonNode value) {
        if (shape.type() == ShapeType.TIMESTAMP && value.isNumber()) {
            return HttpDate.format(Math.round(value.asDouble() * 1000));
        }
        return value.asText();
    }

    private static boolean isNumber(Shape shape) {
        return shape.type() == ShapeType.INTEGER || shape.type() == ShapeType.LONG;
    }

    private static void text(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(text);
        w.writeEndElement();
    }
}
