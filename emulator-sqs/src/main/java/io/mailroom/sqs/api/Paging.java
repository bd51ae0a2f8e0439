package io.mailroom.sqs.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.sqs.SqsErrors;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * ListQueues / ListDeadLetterSourceQueues paging: at most 1000 results; NextToken only when MaxResults was
 * given and more remain. The token is opaque to clients: the base64 of the last name returned.
 */
final class Paging {
    static final int MAX_RESULTS = 1000;

    private Paging() {
    }

    /** Fills {@code urlsMember} (and NextToken) from names sorted ascending, rendered by {@code url}. */
    static void page(ObjectNode input, ObjectNode output, String urlsMember, List<String> sortedNames,
                     java.util.function.Function<String, String> url, boolean alwaysListMember) {
        Integer maxResults = Inputs.integer(input, "MaxResults");
        if (maxResults != null && (maxResults < 1 || maxResults > MAX_RESULTS)) {
            throw SqsErrors.INVALID_PARAMETER_VALUE.exception(
                    "Value %d for parameter MaxResults is invalid. Reason: MaxResults must be an integer between 1"
                            + " and 1000.", maxResults);
        }
        String token = Inputs.text(input, "NextToken");
        String after = token == null ? null : decode(token);
        int start = 0;
        if (after != null) {
            while (start < sortedNames.size() && sortedNames.get(start).compareTo(after) <= 0) {
                start++;
            }
        }
        int limit = maxResults != null ? maxResults : MAX_RESULTS;
        int end = Math.min(sortedNames.size(), start + limit);
        if (end > start || alwaysListMember) {
            ArrayNode urls = output.putArray(urlsMember);
            for (int i = start; i < end; i++) {
                urls.add(url.apply(sortedNames.get(i)));
            }
        }
        if (maxResults != null && end < sortedNames.size()) {
            output.put("NextToken", Base64.getEncoder().encodeToString(
                    sortedNames.get(end - 1).getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static String decode(String token) {
        try {
            return new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw SqsErrors.INVALID_PARAMETER_VALUE.exception("Invalid NextToken value.");
        }
    }
}
