package io.mailroom.protocol.rest;

import io.mailroom.core.model.OperationModel;
import io.mailroom.core.model.ServiceModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Finds which operation of a REST service a method and path address. */
public final class RestRouter {
    private final List<RestRoute> routes = new ArrayList<>();
    private final String commonPrefix;

    public RestRouter(ServiceModel model) {
        String prefix = null;
        for (OperationModel operation : model.operations().values()) {
            RestRoute route = new RestRoute(operation);
            routes.add(route);
            String literal = literalPrefix(operation.requestUri());
            prefix = prefix == null ? literal : commonPrefix(prefix, literal);
        }
        routes.sort(Comparator.comparingInt(RestRoute::specificity).reversed());
        this.commonPrefix = prefix == null ? "/" : prefix;
    }

    /** Cheap pre-check: every operation's path starts with this. */
    public boolean mayServe(String path) {
        return path.startsWith(commonPrefix);
    }

    public Match find(String method, String path, Map<String, List<String>> query, Function<String, String> headers) {
        List<String> segments = RestRoute.split(path);
        for (RestRoute route : routes) {
            Map<String, String> labels = route.match(method, segments, query, headers);
            if (labels != null) {
                return new Match(route.operation(), labels);
            }
        }
        return null;
    }

    /** An operation and the values of its URI labels. */
    public record Match(OperationModel operation, Map<String, String> labels) {
    }

    private static String literalPrefix(String template) {
        int brace = template.indexOf('{');
        int query = template.indexOf('?');
        int end = brace < 0 ? (query < 0 ? template.length() : query) : (query < 0 ? brace : Math.min(brace, query));
        return template.substring(0, end);
    }

    private static String commonPrefix(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return a.substring(0, i);
    }
}
