package io.mailroom.sqs.queue;

import io.mailroom.core.time.Cancellable;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A long-polling ReceiveMessage parked on a queue until messages arrive or its wait time ends. */
final class Waiter {
    final ReceiveOptions options;
    final CompletableFuture<List<Received>> future;
    Cancellable timeout;

    Waiter(ReceiveOptions options, CompletableFuture<List<Received>> future) {
        this.options = options;
        this.future = future;
    }
}
