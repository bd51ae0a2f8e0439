package io.mailroom.sns.subscription;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mailroom.core.error.AwsException;
import io.mailroom.sns.SnsErrors;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * A subscription's ReplayPolicy: replay the topic's archived messages published from {@code StartingPoint} on, up to
 * {@code EndingPoint} when one is given, after which the subscription takes no new messages. {@code PointType} is
 * {@code Timestamp}, the only type AWS has.
 * See https://docs.aws.amazon.com/sns/latest/dg/message-archiving-and-replay-subscriber.html
 *
 * @param json          the attribute as set
 * @param startingPoint epoch millis
 * @param endingPoint   epoch millis, or null for "up to now, then carry on with new messages"
 */
public record ReplayPolicy(String json, long startingPoint, Long endingPoint) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The policy of an attribute value; InvalidParameter naming what is wrong with it. */
    public static ReplayPolicy parse(String json) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            node = null;
        }
        if (node == null || !node.isObject()) {
            throw invalid("Invalid replay policy JSON");
        }
        JsonNode type = node.get("PointType");
        if (type == null || !type.asText().equals("Timestamp")) {
            throw invalid("PointType must be Timestamp");
        }
        Long start = timestamp(node, "StartingPoint");
        if (start == null) {
            throw invalid("StartingPoint is required");
        }
        Long end = timestamp(node, "EndingPoint");
        if (end != null && end < start) {
            throw invalid("EndingPoint must not be earlier than StartingPoint");
        }
        return new ReplayPolicy(json, start, end);
    }

    /** Whether the subscription still takes new messages published at {@code millis}: not past an EndingPoint. */
    public boolean takes(long millis) {
        return endingPoint == null || millis <= endingPoint;
    }

    private static Long timestamp(JsonNode policy, String member) {
        JsonNode value = policy.get(member);
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.asText()).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            throw invalid(member + " must be an ISO 8601 timestamp, such as 2024-01-01T00:00:00.000Z");
        }
    }

    private static AwsException invalid(String reason) {
        return SnsErrors.invalid("ReplayPolicy: " + reason);
    }
}
