package io.mailroom.sqs.move;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Task handles are, as AWS's, base64 JSON naming the task and its source queue. */
public record MoveTaskHandle(String taskId, String sourceArn) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public String encode() {
        ObjectNode node = JSON.createObjectNode().put("taskId", taskId).put("sourceArn", sourceArn);
        return Base64.getEncoder().encodeToString(node.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The handle's content, or null when it is not one of ours. */
    public static MoveTaskHandle decode(String handle) {
        try {
            JsonNode node = JSON.readTree(new String(Base64.getDecoder().decode(handle), StandardCharsets.UTF_8));
            String id = node.path("taskId").asText(null);
            String arn = node.path("sourceArn").asText(null);
            return id == null || arn == null ? null : new MoveTaskHandle(id, arn);
        } catch (Exception e) {
            return null;
        }
    }
}
