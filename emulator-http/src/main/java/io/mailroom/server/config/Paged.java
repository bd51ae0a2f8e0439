package io.mailroom.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Follows NextToken through a List operation, for the export. */
final class Paged {
    private Paged() {
    }

    /**
     * @param call  runs the operation with the given input
     * @param first the first page's input
     * @param items the member of each answer that holds the page's items
     */
    static List<JsonNode> all(UnaryOperator<ObjectNode> call, ObjectNode first, String items) {
        List<JsonNode> out = new ArrayList<>();
        ObjectNode input = first;
        while (true) {
            ObjectNode page = call.apply(input);
            page.path(items).forEach(out::add);
            String next = page.path("NextToken").asText(null);
            if (next == null || next.isEmpty()) {
                return out;
            }
            input = first.deepCopy().put("NextToken", next);
        }
    }
}
