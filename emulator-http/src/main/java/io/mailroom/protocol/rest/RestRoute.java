package io.mailroom.protocol.rest;

import io.mailroom.core.model.OperationModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * An operation's HTTP binding compiled from its {@code requestUri} template:
 * {@code /v2/email/identities/{EmailIdentity}}, with greedy labels ({@code {Key+}}) and literal query
 * parameters ({@code /{Bucket}?uploads}).
 */
final class RestRoute {
    private final OperationModel operation;
    private final String method;
    private final List<Segment> segments;
    private final List<String> requiredQuery;
    private final List<String> requiredHeaders;
    private final int literalCount;
    private final boolean greedy;

    private sealed interface Segment permits Literal, Label {
    }

    private record Literal(String text) implements Segment {
    }

    private record Label(String name, boolean greedy) implements Segment {
    }

    RestRoute(OperationModel operation) {
        this.operation = operation;
        this.method = operation.httpMethod();
        String template = operation.requestUri();
        int q = template.indexOf('?');
        String path = q < 0 ? template : template.substring(0, q);
        this.requiredQuery = new ArrayList<>();
        if (q >= 0) {
            for (String part : template.substring(q + 1).split("&")) {
                if (!part.isEmpty()) {
                    requiredQuery.add(part.contains("=") ? part.substring(0, part.indexOf('=')) : part);
                }
            }
        }
        // Operations sharing a method and path are told apart by a header they require
        // (S3 CopyObject is PutObject plus x-amz-copy-source).
        this.requiredHeaders = new ArrayList<>();
        if (operation.input() != null) {
            for (String name : operation.input().required()) {
                io.mailroom.core.model.Member member = operation.input().member(name);
                if (member != null && "header".equals(member.location())) {
                    requiredHeaders.add(member.wireName());
                }
                // ... or a query parameter they require (S3 AbortMultipartUpload is DeleteObject plus uploadId).
                if (member != null && "querystring".equals(member.location())) {
                    requiredQuery.add(member.wireName());
                }
            }
        }
        this.segments = new ArrayList<>();
        int literals = 0;
        boolean anyGreedy = false;
        for (String part : split(path)) {
            if (part.startsWith("{") && part.endsWith("}")) {
                String name = part.substring(1, part.length() - 1);
                boolean g = name.endsWith("+");
                anyGreedy |= g;
                segments.add(new Label(g ? name.substring(0, name.length() - 1) : name, g));
            } else {
                segments.add(new Literal(part));
                literals++;
            }
        }
        this.literalCount = literals;
        this.greedy = anyGreedy;
    }

    OperationModel operation() {
        return operation;
    }

    /**
     * More literal segments and query parameters win; greedy labels lose to exact ones; a deprecated
     * operation loses to its successor on the same route.
     */
    int specificity() {
        return literalCount * 100 + requiredQuery.size() * 10 + requiredHeaders.size() * 10 + segments.size()
                - (greedy ? 50 : 0) - (operation.deprecated() ? 5 : 0);
    }

    /** The label values when this route matches, else null. */
    Map<String, String> match(String requestMethod, List<String> pathSegments, Map<String, List<String>> query,
                              Function<String, String> headers) {
        if (!method.equals(requestMethod)) {
            return null;
        }
        for (String header : requiredHeaders) {
            if (headers.apply(header) == null) {
                return null;
            }
        }
        for (String name : requiredQuery) {
            if (!query.containsKey(name)) {
                return null;
            }
        }
        Map<String, String> labels = new HashMap<>(4);
        int i = 0;
        for (int s = 0; s < segments.size(); s++) {
            Segment segment = segments.get(s);
            if (segment instanceof Label label && label.greedy()) {
                if (i >= pathSegments.size()) {
                    return null;
                }
                List<String> rest = new ArrayList<>();
                for (; i < pathSegments.size(); i++) {
                    rest.add(decode(pathSegments.get(i)));
                }
                labels.put(label.name(), String.join("/", rest));
                return s == segments.size() - 1 ? labels : null;
            }
            if (i >= pathSegments.size()) {
                return null;
            }
            String actual = pathSegments.get(i++);
            if (segment instanceof Literal literal) {
                if (!literal.text().equals(actual)) {
                    return null;
                }
            } else if (segment instanceof Label label) {
                if (actual.isEmpty()) {
                    return null;
                }
                labels.put(label.name(), decode(actual));
            }
        }
        return i == pathSegments.size() ? labels : null;
    }

    static List<String> split(String path) {
        List<String> parts = new ArrayList<>();
        int start = path.startsWith("/") ? 1 : 0;
        if (start >= path.length()) {
            return parts;
        }
        while (true) {
            int slash = path.indexOf('/', start);
            if (slash < 0) {
                parts.add(path.substring(start));
                return parts;
            }
            parts.add(path.substring(start, slash));
            start = slash + 1;
        }
    }

    private static String decode(String segment) {
        return PathSegment.decode(segment);
    }
}
