package io.mailroom.protocol.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.model.Member;
import io.mailroom.core.model.Shape;
import io.mailroom.core.model.ShapeType;
import io.mailroom.protocol.Canonical;
import io.mailroom.protocol.ScalarText;
import java.util.List;

/**
 * A member bound to the URI, the query string or a header, read from its text. A list comes from a
 * repeated query parameter or from a header's comma-separated items ({@code x-amz-object-attributes:
 * ETag, Checksum}); anything else is one scalar.
 */
final class BoundValues {
    private BoundValues() {
    }

    /** Sets the member from its texts, if there are any. */
    static void bind(ObjectNode tree, Member member, List<String> values) {
        if (values != null && !values.isEmpty()) {
            tree.set(member.name(), parse(member, values));
        }
    }

    /** @param values the member's texts, at least one */
    static JsonNode parse(Member member, List<String> values) {
        Shape shape = member.shape();
        if (shape.type() != ShapeType.LIST) {
            return ScalarText.parse(shape, values.get(0), member.name());
        }
        ArrayNode list = Canonical.NODES.arrayNode();
        for (String value : values) {
            for (String item : value.split(",")) {
                list.add(ScalarText.parse(shape.listMember().shape(), item.trim(), member.name()));
            }
        }
        return list;
    }
}
