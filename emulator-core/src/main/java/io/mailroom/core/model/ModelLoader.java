package io.mailroom.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an AWS service model (the JSON format published for the SDKs, in its full or its minified
 * form where shapes may be written inline and a shape without a type is a string).
 */
public final class ModelLoader {
    private final Map<String, Shape> named = new HashMap<>();
    private int inlineCount;

    private ModelLoader() {
    }

    /**
     * Loads a model bundled as a class-path resource: its compiled form ({@code .model}, made by the
     * build, see {@link ModelCompiler}) when there is one, else the JSON.
     */
    public static ServiceModel fromResource(Class<?> anchor, String resource) {
        try (InputStream compiled = anchor.getResourceAsStream(compiledName(resource))) {
            if (compiled != null) {
                return CompiledModelReader.read(compiled);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read compiled model of " + resource, e);
        }
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("model resource not found: " + resource);
            }
            return parse(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model " + resource, e);
        }
    }

    static String compiledName(String jsonResource) {
        String base = jsonResource.endsWith(".json")
                ? jsonResource.substring(0, jsonResource.length() - ".json".length()) : jsonResource;
        return base + ".model";
    }

    static java.nio.file.Path compiledName(java.nio.file.Path json) {
        return json.resolveSibling(compiledName(json.getFileName().toString()));
    }

    public static ServiceModel parse(JsonNode root) {
        JsonNode shapes = root.path("shapes");
        ModelLoader loader = new ModelLoader();
        shapes.fieldNames().forEachRemaining(name -> loader.named.put(name, new Shape(name)));
        shapes.fields().forEachRemaining(e -> loader.fill(loader.named.get(e.getKey()), e.getValue()));

        Map<String, OperationModel> operations = new LinkedHashMap<>();
        root.path("operations").fields().forEachRemaining(e -> operations.put(e.getKey(),
                loader.operation(e.getKey(), e.getValue())));

        JsonNode meta = root.path("metadata");
        return new ServiceModel(
                meta.path("serviceId").asText(meta.path("endpointPrefix").asText()),
                meta.path("protocol").asText(),
                meta.path("apiVersion").asText(),
                meta.path("endpointPrefix").asText(),
                meta.path("signingName").asText(meta.path("endpointPrefix").asText()),
                textOrNull(meta, "targetPrefix"),
                textOrNull(meta, "jsonVersion"),
                textOrNull(meta, "xmlNamespace"),
                meta.has("awsQueryCompatible"),
                Collections.unmodifiableMap(operations),
                Collections.unmodifiableMap(loader.named));
    }

    private OperationModel operation(String name, JsonNode op) {
        JsonNode input = op.path("input");
        JsonNode output = op.path("output");
        JsonNode http = op.path("http");
        List<String> errors = new ArrayList<>();
        op.path("errors").forEach(e -> errors.add(e.path("shape").asText()));
        return new OperationModel(name,
                input.isMissingNode() ? null : reference(input),
                output.isMissingNode() ? null : reference(output),
                textOrNull(output, "resultWrapper"),
                http.path("method").asText("POST"),
                http.path("requestUri").asText("/"),
                http.path("responseCode").asInt(200),
                List.copyOf(errors),
                op.path("deprecated").asBoolean(false));
    }

    /** A member-like node: either {@code {"shape": "Name", ...traits}} or an inline shape. */
    private Shape reference(JsonNode node) {
        if (node.has("shape")) {
            Shape target = named.get(node.get("shape").asText());
            if (target == null) {
                throw new IllegalStateException("unknown shape " + node.get("shape"));
            }
            return target;
        }
        Shape inline = new Shape("inline#" + (++inlineCount));
        fill(inline, node);
        return inline;
    }

    private Member member(String name, JsonNode node) {
        return new Member(name, reference(node), textOrNull(node, "locationName"), textOrNull(node, "location"),
                node.path("flattened").asBoolean(false), node.path("xmlAttribute").asBoolean(false), false);
    }

    private void fill(Shape shape, JsonNode node) {
        ShapeType type = ShapeType.of(node.path("type").asText("string"));
        shape.type(type);
        shape.flattened(node.path("flattened").asBoolean(false));
        shape.locationName(textOrNull(node, "locationName"));
        shape.exception(node.path("exception").asBoolean(false), errorTrait(node.path("error")));
        shape.document(node.path("document").asBoolean(false));
        switch (type) {
            case STRUCTURE -> {
                String payload = textOrNull(node, "payload");
                LinkedHashMap<String, Member> members = new LinkedHashMap<>();
                node.path("members").fields().forEachRemaining(e -> {
                    Member m = member(e.getKey(), e.getValue());
                    if (e.getKey().equals(payload)) {
                        m = new Member(m.name(), m.shape(), m.locationName(), m.location(), m.flattened(),
                                m.xmlAttribute(), true);
                    }
                    members.put(e.getKey(), m);
                });
                shape.members(members);
                Set<String> required = new LinkedHashSet<>();
                node.path("required").forEach(r -> required.add(r.asText()));
                shape.required(required);
            }
            case LIST -> shape.listMember(member("member", node.path("member")));
            case MAP -> shape.mapEntry(member("key", node.path("key")), member("value", node.path("value")));
            default -> {
                List<String> values = new ArrayList<>();
                node.path("enum").forEach(v -> values.add(v.asText()));
                shape.enumValues(values);
                shape.range(number(node, "min"), number(node, "max"));
                shape.pattern(textOrNull(node, "pattern"));
                shape.timestampFormat(textOrNull(node, "timestampFormat"));
            }
        }
        if (type == ShapeType.LIST || type == ShapeType.MAP) {
            shape.range(number(node, "min"), number(node, "max"));
        }
    }

    private static ErrorTrait errorTrait(JsonNode node) {
        if (node.isMissingNode()) {
            return null;
        }
        return new ErrorTrait(textOrNull(node, "code"), node.path("httpStatusCode").asInt(400),
                node.path("senderFault").asBoolean(false));
    }

    private static Long number(JsonNode node, String field) {
        JsonNode n = node.get(field);
        return n == null ? null : n.asLong();
    }

    private static String textOrNull(JsonNode node, String field) {
        JsonNode n = node.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }
}
