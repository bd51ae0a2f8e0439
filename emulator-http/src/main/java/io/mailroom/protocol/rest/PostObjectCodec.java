package io.mailroom.protocol.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.model.OperationModel;
import io.mailroom.core.model.ServiceModel;
import io.mailroom.protocol.Canonical;
import io.mailroom.protocol.EncodedResponse;
import io.mailroom.protocol.XmlOutput;
import io.mailroom.protocol.XmlShapeReader;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * S3's POST Object, which no SDK model describes: the form's fields become PutObject's members as the headers
 * of the same names would (the model binds them), and the answer is S3's: {@code 204} with the object's
 * {@code ETag} and {@code Location}, {@code 200} or {@code 201} with a {@code <PostResponse>} document as
 * {@code success_action_status} asks, or a {@code 303} to {@code success_action_redirect}.
 */
public final class PostObjectCodec {
    /** The operation name the S3 service answers the form under. */
    public static final String OPERATION = "PostObject";

    private PostObjectCodec() {
    }

    /** The canonical input of {@link #OPERATION}: see {@code io.mailroom.s3.api.PostObjectOperations}. */
    public static ObjectNode decode(ServiceModel s3, String bucket, HtmlForm form) {
        ObjectNode in = Canonical.NODES.objectNode();
        in.put("Bucket", bucket);
        ObjectNode fields = in.putObject("Fields");
        form.fields().forEach(fields::put);
        in.put("FileCount", form.fileCount());
        if (form.fileName() != null) {
            in.put("FileName", form.fileName());
        }
        in.set("Body", Canonical.NODES.binaryNode(form.file()));
        OperationModel putObject = s3.operations().get("PutObject");
        // The form's "acl" is the x-amz-acl header; its "tagging" is an XML document, not x-amz-tagging's query string.
        Function<String, String> field = name -> {
            String lower = name.toLowerCase(Locale.ROOT);
            return switch (lower) {
                case "x-amz-acl" -> form.fields().get("acl");
                case "x-amz-tagging" -> null;
                default -> form.fields().get(lower);
            };
        };
        List<Map.Entry<String, String>> all = List.copyOf(form.fields().entrySet());
        ObjectNode put = RestXmlCodec.decode(putObject, Map.of(), Map.of(), field, all, new byte[0]);
        put.remove("Body");
        in.set("Put", put);
        String tagging = form.fields().get("tagging");
        if (tagging != null) {
            OperationModel putTagging = s3.operations().get("PutObjectTagging");
            in.set("Tagging", XmlShapeReader.read(putTagging.input().members().get("Tagging").shape(),
                    tagging.getBytes(StandardCharsets.UTF_8)));
        }
        return in;
    }

    /** The answer to a stored upload; {@code output} is the service's. */
    public static EncodedResponse success(JsonNode output, String requestId) {
        int status = output.path(RestXmlCodec.STATUS_MEMBER).asInt(204);
        Map<String, String> headers = RestXmlCodec.requestIdHeaders(requestId);
        if (status == 303) {
            headers.put("Location", output.path("Redirect").asText());
            return new EncodedResponse(status, "application/xml", new byte[0], headers);
        }
        headers.put("ETag", output.path("ETag").asText());
        headers.put("Location", output.path("Location").asText());
        byte[] body = status == 201 ? postResponse(output) : new byte[0];
        return new EncodedResponse(status, "application/xml", body, headers);
    }

    private static byte[] postResponse(JsonNode output) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try {
            XMLStreamWriter w = XmlOutput.writer(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("PostResponse");
            for (String member : List.of("Location", "Bucket", "Key", "ETag")) {
                w.writeStartElement(member);
                w.writeCharacters(output.path(member).asText());
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write PostResponse", e);
        }
        return out.toByteArray();
    }
}
