package io.mailroom.ses.v2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.mailroom.ses.account.ResourceTags;
import io.mailroom.ses.api.Api;
import io.mailroom.ses.api.Inputs;
import io.mailroom.ses.api.Outputs;
import java.util.Map;

/** v2 resource tags ({@code [{Key, Value}]}). */
final class V2Tags {
    private V2Tags() {
    }

    static Map<String, String> read(JsonNode tags) {
        return Inputs.pairs(tagsHolder(tags), "Tags", "Key", "Value");
    }

    static void check(JsonNode tags) {
        if (tags != null && tags.size() > ResourceTags.MAX_TAGS) {
            throw Api.V2.invalidParameter("Too many tags: a resource can have at most " + ResourceTags.MAX_TAGS + ".");
        }
    }

    static ArrayNode json(Map<String, String> tags) {
        return Outputs.pairs(tags, "Key", "Value");
    }

    private static JsonNode tagsHolder(JsonNode tags) {
        com.fasterxml.jackson.databind.node.ObjectNode holder = Outputs.object();
        if (tags != null) {
            holder.set("Tags", tags);
        }
        return holder;
    }
}
