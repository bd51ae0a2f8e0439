package io.mailroom.sqs.queue;

import io.mailroom.sqs.message.Message;
import java.util.ArrayList;
import java.util.List;

/**
 * Effects a queue operation produced under the queue's lock but that must happen after it is released:
 * completing parked receives (their callbacks write responses) and handing messages to a dead-letter
 * queue (which takes that queue's lock; holding two could deadlock on a redrive cycle).
 */
final class Outbox {
    private List<Runnable> effects;

    /** Answers a parked receive; if its client went away meanwhile, {@code queue} takes the messages back. */
    void complete(Queue queue, Waiter waiter, List<Received> result) {
        add(() -> {
            if (!waiter.future.complete(result)) {
                queue.unreceive(waiter, result);
            }
        });
    }

    void deadLetter(Queue target, Message message, String sourceArn) {
        add(() -> target.acceptDeadLetter(message, sourceArn));
    }

    private void add(Runnable r) {
        if (effects == null) {
            effects = new ArrayList<>(2);
        }
        effects.add(r);
    }

    void flush() {
        if (effects != null) {
            List<Runnable> todo = effects;
            effects = null;
            for (Runnable r : todo) {
                r.run();
            }
        }
    }
}
