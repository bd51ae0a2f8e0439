package io.mailroom.http.dashboard;

import io.mailroom.protocol.Canonical;
import io.mailroom.http.DeveloperJson;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.request.RequestContext;
import io.mailroom.protocol.EncodedResponse;
import io.mailroom.sqs.QueueSummary;
import io.mailroom.sqs.SqsService;

/**
 * {@code GET /_mailroom/api/queues}: every queue of every account and region with its visible, in-flight
 * and delayed counts, and the URL the page sends, peeks and purges with. Messages themselves come from
 * {@code /_aws/sqs/messages}, the same non-destructive read.
 */
final class QueuesView {
    private final SqsService sqs;

    QueuesView(SqsService sqs) {
        this.sqs = sqs;
    }

    EncodedResponse list(RequestContext context) {
        ObjectNode root = Canonical.NODES.objectNode();
        ArrayNode queues = root.putArray("queues");
        for (QueueSummary q : sqs.queues()) {
            ObjectNode node = DeveloperJson.MAPPER.valueToTree(q);
            // The host the browser used, so the URL works from the page whatever name reached the server.
            node.put("url", context.endpoint() + "/" + q.accountId() + "/" + q.name());
            queues.add(node);
        }
        return Json.ok(root);
    }
}
