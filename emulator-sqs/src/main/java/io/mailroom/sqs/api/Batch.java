package io.mailroom.sqs.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.error.AwsException;
import io.mailroom.core.error.Fault;
import io.mailroom.sqs.SqsErrors;
import java.util.HashSet;
import java.util.Set;

/** The rules every *Batch operation shares: 1 to 10 entries with distinct, well-formed ids. */
final class Batch {
    static final int MAX_ENTRIES = 10;

    private Batch() {
    }

    static JsonNode entries(ObjectNode input, String entryShape) {
        JsonNode entries = input.get("Entries");
        if (entries == null || !entries.isArray() || entries.isEmpty()) {
            throw SqsErrors.EMPTY_BATCH_REQUEST.exception("There should be at least one %s in the request.", entryShape);
        }
        if (entries.size() > MAX_ENTRIES) {
            throw SqsErrors.TOO_MANY_ENTRIES_IN_BATCH_REQUEST.exception(
                    "Maximum number of entries per request are %d. You have sent %d.", MAX_ENTRIES, entries.size());
        }
        Set<String> seen = new HashSet<>();
        for (JsonNode e : entries) {
            String id = e.path("Id").asText("");
            if (!validId(id)) {
                throw SqsErrors.INVALID_BATCH_ENTRY_ID.exception("A batch entry id can only contain alphanumeric"
                        + " characters, hyphens and underscores. It can be at most 80 letters long.");
            }
            if (!seen.add(id)) {
                throw SqsErrors.BATCH_ENTRY_IDS_NOT_DISTINCT.exception("Id %s repeated.", id);
            }
        }
        return entries;
    }

    private static boolean validId(String id) {
        if (id.isEmpty() || id.length() > 80) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    static void failed(ArrayNode failed, String id, AwsException e) {
        ObjectNode f = failed.addObject();
        f.put("Id", id);
        f.put("SenderFault", e.error().fault() == Fault.SENDER);
        f.put("Code", e.error().code());
        f.put("Message", e.getMessage());
    }
}
