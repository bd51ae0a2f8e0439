package io.mailroom.http.dispatch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.model.OperationModel;
import io.mailroom.core.request.AccountId;
import io.mailroom.core.request.RequestContext;

/**
 * Older SQS clients post to the queue URL itself ({@code POST /123456789012/my-queue}) and leave
 * {@code QueueUrl} out of the parameters; AWS's own Query samples write the path with a trailing slash
 * ({@code POST /177715257436/MyQueue/}, <a href="https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_ReceiveMessage.html">ReceiveMessage</a>).
 */
final class LegacyQueueUrl {
    private static final String MEMBER = "QueueUrl";

    private LegacyQueueUrl() {
    }

    static boolean looksLikeQueuePath(String path) {
        if (path.length() < 15 || path.charAt(0) != '/' || path.charAt(13) != '/'
                || !AccountId.isValid(path.subSequence(1, 13))) {
            return false;
        }
        int slash = path.indexOf('/', 14);
        return slash < 0 || slash == path.length() - 1 && slash > 14;
    }

    static void fill(OperationModel operation, ObjectNode input, String path, RequestContext ctx) {
        if (operation.input() != null && operation.input().member(MEMBER) != null && !input.has(MEMBER)
                && looksLikeQueuePath(path)) {
            input.put(MEMBER, ctx.endpoint() + (path.endsWith("/") ? path.substring(0, path.length() - 1) : path));
        }
    }
}
