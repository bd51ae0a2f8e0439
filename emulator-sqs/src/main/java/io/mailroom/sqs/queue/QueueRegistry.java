package io.mailroom.sqs.queue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/** All live queues of all accounts and regions, by address. Lookups are lock-free. */
public final class QueueRegistry implements QueueDirectory {
    private final ConcurrentHashMap<QueueAddress, Queue> queues = new ConcurrentHashMap<>();

    @Override
    public Queue find(QueueAddress address) {
        return queues.get(address);
    }

    public Queue require(QueueAddress address) {
        Queue q = queues.get(address);
        if (q == null) {
            throw QueueAddress.noSuchQueue();
        }
        return q;
    }

    /** Registers {@code queue} unless one of that address exists already, which is then returned. */
    public Queue putIfAbsent(Queue queue) {
        return queues.putIfAbsent(queue.address(), queue);
    }

    public boolean remove(Queue queue) {
        boolean removed = queues.remove(queue.address(), queue);
        if (removed) {
            queue.markDeleted();
        }
        return removed;
    }

    /** The queues of one account and region, by name. */
    public List<Queue> list(String accountId, String region) {
        List<Queue> found = new ArrayList<>();
        for (Queue q : queues.values()) {
            QueueAddress a = q.address();
            if (a.accountId().equals(accountId) && a.region().equals(region)) {
                found.add(q);
            }
        }
        found.sort(Comparator.comparing(q -> q.address().name()));
        return found;
    }

    public void clear() {
        for (Queue q : List.copyOf(queues.values())) {
            remove(q);
        }
    }
}
