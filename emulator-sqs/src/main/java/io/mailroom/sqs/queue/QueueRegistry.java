package io.mailroom.sqs.queue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/** All live queues of all accounts and regions, by address. Lookups are lock-free. */
public final class QueueRegistry implements QueueDirectory {
    /** "When you delete a queue, you must wait at least 60 seconds before creating a queue with the same name." */
    static final long RECREATE_DELAY_MILLIS = 60_000;

    private final ConcurrentHashMap<QueueAddress, Queue> queues = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<QueueAddress, Long> deletedAt = new ConcurrentHashMap<>();

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

    /** DeleteQueue: the name stays taken for a minute (DeleteQueue API reference). */
    public void delete(Queue queue, long now) {
        if (queues.get(queue.address()) != queue) {
            return;
        }
        // The deletion is recorded before the queue goes: a CreateQueue in between would otherwise find neither
        // and recreate the name inside the minute. One seeing both finds the queue, as if it came first.
        deletedAt.values().removeIf(at -> at + RECREATE_DELAY_MILLIS <= now);
        deletedAt.put(queue.address(), now);
        remove(queue);
    }

    /** Whether a queue of this address was deleted less than a minute ago. */
    public boolean deletedRecently(QueueAddress address, long now) {
        Long at = deletedAt.get(address);
        if (at == null) {
            return false;
        }
        if (at + RECREATE_DELAY_MILLIS <= now) {
            deletedAt.remove(address, at);
            return false;
        }
        return true;
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

    /** Every live queue of every account and region, for snapshots. */
    public List<Queue> all() {
        List<Queue> found = new ArrayList<>(queues.values());
        found.sort(Comparator.comparing((Queue q) -> q.address().accountId())
                .thenComparing(q -> q.address().region()).thenComparing(q -> q.address().name()));
        return found;
    }

    public void clear() {
        for (Queue q : List.copyOf(queues.values())) {
            remove(q);
        }
        deletedAt.clear();
    }
}
