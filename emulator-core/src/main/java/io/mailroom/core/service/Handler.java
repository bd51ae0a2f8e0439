package io.mailroom.core.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.request.RequestContext;
import java.util.concurrent.CompletableFuture;

/**
 * How one operation is served. Inputs and outputs are the canonical tree: member names as in the
 * service model, whatever protocol carried them. Errors are thrown (or completed) as
 * {@link io.mailroom.core.error.AwsException}.
 */
public sealed interface Handler permits Handler.Sync, Handler.Async, Handler.Unsupported {

    /** Answers at once, on the calling thread. Must not block. */
    @FunctionalInterface
    non-sealed interface Sync extends Handler {
        ObjectNode handle(RequestContext ctx, ObjectNode input);
    }

    /**
     * Answers later (long polling). The caller cancels the future when the client goes away, and the
     * handler must then release whatever it holds for the request.
     */
    @FunctionalInterface
    non-sealed interface Async extends Handler {
        CompletableFuture<ObjectNode> handle(RequestContext ctx, ObjectNode input);
    }

    /** An operation of the model that Mailroom does not emulate; answered with the given error. */
    record Unsupported(String reason) implements Handler {
    }
}
