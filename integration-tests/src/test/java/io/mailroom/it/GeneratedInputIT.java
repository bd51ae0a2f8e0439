package io.mailroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.model.Member;
import io.mailroom.core.model.ModelLoader;
import io.mailroom.core.model.OperationModel;
import io.mailroom.core.model.ServiceModel;
import io.mailroom.core.model.Shape;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every operation of every bundled model, called with inputs generated from its input shape: required
 * members always, others at random, each value either of its type or something else (wrong types,
 * out-of-range numbers, characters XML cannot carry, long strings). Whatever the input, the answer is
 * an AWS error or a success, never a 5xx (but 501 for what is documented as unsupported) and never a
 * dropped connection. Seeded per service, so a failure names a request that can be replayed.
 */
class GeneratedInputIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final int REQUESTS = 800;
    private static final String[] ODD = {"", "x", "-1", "0", "true", "json", "\u0000", "\ud800", "\uffff", "\u00e9".repeat(200),
            "a".repeat(3000), "{}", "[]", "{\"default\":\"x\"}", "arn:aws:sns:us-east-1:000000000000:t",
            "arn:aws:sqs:us-east-1:000000000000:q", "a@example.com", "example.com", "http://127.0.0.1:1/x", "+15555550100",
            "99999999999999999999", "1.5", "2024-01-01T00:00:00Z", "AAE=", "***", "{{x}}", "{{#each}}"};
    /** Headers Java's HTTP client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("content-length", "host", "connection", "expect", "upgrade");

    private Random random;

    @ParameterizedTest
    @ValueSource(strings = {"sqs/sqs-2012-11-05.json", "sqs/sqs-2012-11-05.query-protocol.json", "sns/sns-2010-03-31.json",
            "ses/ses-2010-12-01.json", "ses/sesv2-2019-09-27.json", "s3/s3-2006-03-01.json"})
    void noGeneratedRequestGetsAServerErrorOrNoAnswer(String model) throws Exception {
        ServiceModel service = ModelLoader.fromResource(GeneratedInputIT.class, "/io/mailroom/" + model);
        random = new Random(model.hashCode());
        List<String> operations = new ArrayList<>(service.operations().keySet());
        operations.sort(null);
        for (int i = 0; i < REQUESTS; i++) {
            OperationModel operation = service.operations().get(operations.get(random.nextInt(operations.size())));
            JsonNode input = operation.input() == null ? NODES.objectNode() : value(operation.input(), 0);
            HttpRequest request = switch (service.protocol()) {
                case "json" -> json(service, operation, input);
                case "query" -> query(service, operation, input);
                default -> rest(service, operation, input);
            };
            HttpResponse<String> response;
            try {
                response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new AssertionError("no answer (" + e + ") to " + describe(request, operation, input), e);
            }
            assertThat(response.statusCode()).as("%s -> %s", describe(request, operation, input),
                    abbreviated(response.body())).satisfiesAnyOf(s -> assertThat(s).isBetween(200, 499),
                    s -> assertThat(s).isEqualTo(501));
        }
    }

    private JsonNode value(Shape shape, int depth) {
        if (random.nextInt(100) < 15) {
            return NODES.textNode(ODD[random.nextInt(ODD.length)]);
        }
        switch (shape.type()) {
            case STRUCTURE -> {
                ObjectNode object = NODES.objectNode();
                if (depth <= 4) {
                    for (Member member : shape.members().values()) {
                        if (shape.required().contains(member.name()) || random.nextBoolean()) {
                            object.set(member.name(), value(member.shape(), depth + 1));
                        }
                    }
                }
                return object;
            }
            case LIST -> {
                ArrayNode list = NODES.arrayNode();
                int size = depth > 4 ? 0 : new int[] {0, 1, 2, 3, 11}[random.nextInt(5)];
                for (int i = 0; i < size; i++) {
                    list.add(value(shape.listMember().shape(), depth + 1));
                }
                return list;
            }
            case MAP -> {
                ObjectNode map = NODES.objectNode();
                int size = depth > 4 ? 0 : random.nextInt(3);
                for (int i = 0; i < size; i++) {
                    map.set(ODD[random.nextInt(ODD.length)], value(shape.mapValue().shape(), depth + 1));
                }
                return map;
            }
            case STRING -> {
                List<String> values = shape.enumValues();
                return NODES.textNode(values != null && !values.isEmpty() && random.nextInt(10) < 7
                        ? values.get(random.nextInt(values.size())) : ODD[random.nextInt(ODD.length)]);
            }
            case INTEGER, LONG -> {
                return NODES.numberNode(new long[] {0, 1, -1, 10, 1L << 31, Long.MAX_VALUE}[random.nextInt(6)]);
            }
            case BOOLEAN -> {
                return NODES.booleanNode(random.nextBoolean());
            }
            case TIMESTAMP -> {
                return random.nextBoolean() ? NODES.numberNode(1_700_000_000) : NODES.textNode("2024-01-01T00:00:00Z");
            }
            case BLOB -> {
                return NODES.textNode(random.nextBoolean() ? "AAE=" : "***");
            }
            default -> {
                return NODES.numberNode(1.5);
            }
        }
    }

    private static HttpRequest.Builder base(URI uri, String service) {
        return HttpRequest.newBuilder(uri).header("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261121/"
                + "us-east-1/" + service + "/aws4_request, SignedHeaders=host, Signature=0");
    }

    private static HttpRequest json(ServiceModel service, OperationModel operation, JsonNode input) throws IOException {
        return base(TestServer.endpoint(), service.signingName())
                .header("X-Amz-Target", service.targetPrefix() + "." + operation.name())
                .header("Content-Type", "application/x-amz-json-" + service.jsonVersion())
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(input))).build();
    }

    private HttpRequest query(ServiceModel service, OperationModel operation, JsonNode input) {
        List<String> pairs = new ArrayList<>(List.of("Action=" + operation.name(), "Version=" + service.apiVersion()));
        if (operation.input() != null) {
            flatten("", operation.input(), input, pairs);
        }
        return base(TestServer.endpoint(), service.signingName())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(String.join("&", pairs))).build();
    }

    /** The Query protocol's names: members by wire name, lists as {@code .member.N} or flattened, maps as entries. */
    private void flatten(String prefix, Shape shape, JsonNode value, List<String> pairs) {
        String dot = prefix.isEmpty() ? "" : prefix + ".";
        switch (shape.type()) {
            case STRUCTURE -> {
                if (!value.isObject()) {
                    pairs.add(encode(prefix) + "=" + encode(value.asText()));
                    return;
                }
                for (Member member : shape.members().values()) {
                    JsonNode v = value.get(member.name());
                    if (v != null) {
                        flatten(dot + member.wireName(), member.shape(), v, pairs);
                    }
                }
            }
            case LIST -> {
                if (!value.isArray()) {
                    pairs.add(encode(prefix) + "=" + encode(value.asText()));
                    return;
                }
                Member element = shape.listMember();
                for (int i = 0; i < value.size(); i++) {
                    String name = shape.flattened() ? prefix + "." + (i + 1)
                            : dot + (element.locationName() != null ? element.locationName() : "member") + "." + (i + 1);
                    flatten(name, element.shape(), value.get(i), pairs);
                }
            }
            case MAP -> {
                if (!value.isObject()) {
                    pairs.add(encode(prefix) + "=" + encode(value.asText()));
                    return;
                }
                String entries = shape.flattened() ? prefix : dot + "entry";
                int i = 1;
                for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); i++) {
                    Map.Entry<String, JsonNode> e = it.next();
                    pairs.add(encode(entries + "." + i + "." + shape.mapKey().wireName()) + "=" + encode(e.getKey()));
                    flatten(entries + "." + i + "." + shape.mapValue().wireName(), shape.mapValue().shape(), e.getValue(),
                            pairs);
                }
            }
            default -> pairs.add(encode(prefix) + "=" + encode(value.isNull() ? "" : value.asText()));
        }
    }

    private HttpRequest rest(ServiceModel service, OperationModel operation, JsonNode input) throws IOException {
        String path = operation.requestUri();
        String literalQuery = "";
        int question = path.indexOf('?');
        if (question >= 0) {
            literalQuery = path.substring(question + 1);
            path = path.substring(0, question);
        }
        List<String> query = new ArrayList<>();
        if (!literalQuery.isEmpty()) {
            query.add(literalQuery);
        }
        ObjectNode body = NODES.objectNode();
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        Shape shape = operation.input();
        if (shape != null && input.isObject()) {
            for (Member member : shape.members().values()) {
                JsonNode v = input.get(member.name());
                String location = member.location();
                if ("uri".equals(location)) {
                    String label = v != null && v.isTextual() && !v.asText().isEmpty() ? v.asText() : "x";
                    path = path.replace("{" + member.wireName() + "+}", encode(label))
                            .replace("{" + member.wireName() + "}", encode(label));
                } else if (v == null) {
                    continue;
                } else if ("querystring".equals(location)) {
                    for (JsonNode item : v.isArray() ? v : List.of(v)) {
                        query.add(encode(member.wireName()) + "=" + encode(item.asText()));
                    }
                } else if ("header".equals(location)) {
                    String text = v.asText();
                    if (!RESTRICTED.contains(member.wireName().toLowerCase(java.util.Locale.ROOT))
                            && text.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
                        headers.put(member.wireName(), text);
                    }
                } else if (location == null && !member.payload()) {
                    body.set(member.name(), v);
                }
            }
        }
        URI uri = URI.create(TestServer.endpoint() + path.replaceAll("\\{[^}]+}", "x")
                + (query.isEmpty() ? "" : "?" + String.join("&", query)));
        HttpRequest.Builder request = base(uri, service.signingName()).header("x-amz-content-sha256", "UNSIGNED-PAYLOAD");
        headers.forEach(request::header);
        boolean json = service.protocol().equals("rest-json");
        byte[] payload = json && !body.isEmpty() ? JSON.writeValueAsBytes(body) : new byte[0];
        if (json) {
            request.header("Content-Type", "application/json");
        }
        return request.method(operation.httpMethod(), HttpRequest.BodyPublishers.ofByteArray(payload)).build();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s.replace('\ud800', '\ufffd'), StandardCharsets.UTF_8);
    }

    private static String describe(HttpRequest request, OperationModel operation, JsonNode input) {
        return abbreviated(request.method() + " " + request.uri() + " " + operation.name() + " " + input);
    }

    private static String abbreviated(String s) {
        return s.length() <= 600 ? s : s.substring(0, 600) + "... (" + s.length() + " characters)";
    }
}
