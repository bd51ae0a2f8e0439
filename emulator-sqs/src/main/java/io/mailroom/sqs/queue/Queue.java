package io.mailroom.sqs.queue;

import io.mailroom.core.error.AwsException;
import io.mailroom.core.time.Cancellable;
import io.mailroom.core.time.Clock;
import io.mailroom.core.time.Scheduler;
import io.mailroom.sqs.SqsErrors;
import io.mailroom.sqs.attribute.DeduplicationScope;
import io.mailroom.sqs.attribute.QueueConfig;
import io.mailroom.sqs.attribute.RedrivePolicy;
import io.mailroom.sqs.fifo.DeduplicationWindow;
import io.mailroom.sqs.fifo.MessageGroup;
import io.mailroom.sqs.fifo.ReceiveAttempts;
import io.mailroom.sqs.message.Message;
import io.mailroom.sqs.message.MessageIds;
import io.mailroom.sqs.message.MessageState;
import io.mailroom.sqs.message.ReceiptHandle;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One queue and its messages. All state sits behind a short per-queue lock; nothing scans the whole
 * queue on the hot paths:
 * <ul>
 * <li>standard queues keep visible messages in arrival order in a deque; FIFO queues keep each group's
 *     messages in a deque and the receivable groups in a deque of their own;</li>
 * <li>delayed and in-flight messages wait in a priority queue by due time and are made visible lazily,
 *     whenever the queue is touched, or by one scheduled wake-up while a long poll is parked;</li>
 * <li>retention is enforced from the send timestamps, oldest first, when the queue is touched;</li>
 * <li>receipt handles resolve through a primitive-keyed index.</li>
 * </ul>
 * Deleted messages are dropped from those structures lazily; each is compacted once more than half of
 * it is dead, so the cost stays amortised constant.
 */
public final class Queue {
    /** AWS allows one purge per 60 seconds. */
    static final long PURGE_INTERVAL_MILLIS = 60_000;
    private static final int COMPACTION_SLACK = 1024;
    /**
     * In-flight quotas: about 120,000 messages for a standard queue, whose short polls then fail with
     * OverLimit (long polls just get nothing), and 20,000 for a FIFO queue, which returns nothing more
     * without an error. https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/quotas-queues.html
     */
    static final int MAX_INFLIGHT_STANDARD = 120_000;
    static final int MAX_INFLIGHT_FIFO = 20_000;
    /** How long messages taken by a move task stay invisible should the task never come back for them. */
    static final long MOVE_LEASE_MILLIS = 30_000;

    private final QueueAddress address;
    private final String arn;
    private final boolean fifo;
    private final long id = ThreadLocalRandom.current().nextLong();
    private final long createdAt;
    private final Clock clock;
    private final Scheduler scheduler;
    private final QueueDirectory directory;
    private final ReentrantLock lock = new ReentrantLock();

    private volatile QueueConfig config;
    private long lastModifiedAt;
    private final Map<String, String> tags = new LinkedHashMap<>();
    private long lastPurgeAt = Long.MIN_VALUE / 2;
    private volatile boolean deleted;

    private long nextSerial = 1;
    private long nextSequence;
    private final MessageIndex index = new MessageIndex();
    private final ArrayDeque<Message> arrivals = new ArrayDeque<>();
    private final ArrayDeque<Message> visible = new ArrayDeque<>();
    private final PriorityQueue<Due> timers = new PriorityQueue<>();
    private final Map<String, MessageGroup> groups = new HashMap<>();
    private final ArrayDeque<MessageGroup> readyGroups = new ArrayDeque<>();
    private final DeduplicationWindow deduplication = new DeduplicationWindow();
    private final ReceiveAttempts<List<Received>> attempts = new ReceiveAttempts<>();
    private int visibleCount;
    private int inflightCount;
    private int delayedCount;

    private RedrivePolicy resolvedPolicy;
    private QueueAddress resolvedTarget;

    private final LinkedHashSet<Waiter> waiters = new LinkedHashSet<>();
    private Cancellable wakeTask;
    private long wakeAt = Long.MAX_VALUE;

    public Queue(QueueAddress address, QueueConfig config, Map<String, String> tags, Clock clock,
                 Scheduler scheduler, QueueDirectory directory) {
        this(address, config, tags, clock.millis(), clock, scheduler, directory);
    }

    /** One reading of the clock, so a new queue's created and modified times are the same instant. */
    private Queue(QueueAddress address, QueueConfig config, Map<String, String> tags, long now, Clock clock,
                  Scheduler scheduler, QueueDirectory directory) {
        this(address, config, tags, now, now, now * 1000, clock, scheduler, directory);
    }

    private Queue(QueueAddress address, QueueConfig config, Map<String, String> tags, long createdAt,
                  long lastModifiedAt, long nextSequence, Clock clock, Scheduler scheduler, QueueDirectory directory) {
        this.address = address;
        this.arn = address.arn();
        this.fifo = config.fifo();
        this.config = config;
        this.clock = clock;
        this.scheduler = scheduler;
        this.directory = directory;
        this.createdAt = createdAt;
        this.lastModifiedAt = lastModifiedAt;
        this.nextSequence = nextSequence;
        this.tags.putAll(tags);
    }

    /**
     * A queue read back from a snapshot: its timestamps as they were, and FIFO sequence numbers carrying on
     * from {@code nextSequence} so that they keep increasing across the restart. Messages follow through
     * {@link #restoreMessage}.
     */
    public static Queue restored(QueueAddress address, QueueConfig config, Map<String, String> tags, long createdAt,
                                 long lastModifiedAt, long nextSequence, Clock clock, Scheduler scheduler,
                                 QueueDirectory directory) {
        return new Queue(address, config, tags, createdAt, lastModifiedAt, nextSequence, clock, scheduler, directory);
    }

    public QueueAddress address() {
        return address;
    }

    public String arn() {
        return arn;
    }

    public boolean fifo() {
        return fifo;
    }

    public QueueConfig config() {
        return config;
    }

    public long createdAt() {
        return createdAt;
    }

    public boolean deleted() {
        return deleted;
    }

    // ---------------------------------------------------------------- configuration, tags

    public long lastModifiedAt() {
        lock.lock();
        try {
            return lastModifiedAt;
        } finally {
            lock.unlock();
        }
    }

    /** Swaps in a validated configuration. */
    public void reconfigure(QueueConfig next) {
        Outbox out = new Outbox();
        lock.lock();
        try {
            checkLive();
            long now = clock.millis();
            QueueConfig previous = config;
            config = next;
            lastModifiedAt = now;
            // For FIFO queues the queue delay is retroactive; for standard queues it is not.
            // https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-delay-queues.html
            if (fifo && previous.delaySeconds() != next.delaySeconds() && delayedCount > 0) {
                redelay(now, next.delaySeconds() * 1000L);
            }
            serveWaiters(now, out);
        } finally {
            lock.unlock();
        }
        out.flush();
    }

    private void redelay(long now, long delayMillis) {
        for (Message m : arrivals) {
            if (m.state() == MessageState.DELAYED) {
                long due = m.sentAt() + delayMillis;
                if (due <= now) {
                    makeVisible(m);
                } else {
                    m.dueAt(due);
                    timers.add(new Due(due, m));
                }
            }
        }
    }

    public Map<String, String> tags() {
        lock.lock();
        try {
            return new LinkedHashMap<>(tags);
        } finally {
            lock.unlock();
        }
    }

    /** Applies tag changes atomically: {@code mutation} sees the live map and may throw to reject. */
    public void updateTags(java.util.function.Consumer<Map<String, String>> mutation) {
        lock.lock();
        try {
            checkLive();
            Map<String, String> copy = new LinkedHashMap<>(tags);
            mutation.accept(copy);
            tags.clear();
            tags.putAll(copy);
        } finally {
            lock.unlock();
        }
    }

    /** Replaces the configuration computed from the current one (AddPermission/RemovePermission). */
    public void updateConfig(java.util.function.UnaryOperator<QueueConfig> change) {
        lock.lock();
        try {
            checkLive();
            config = change.apply(config);
            lastModifiedAt = clock.millis();
        } finally {
            lock.unlock();
        }
    }

    /** The next FIFO sequence number to hand out, for snapshots. */
    public long nextSequence() {
        lock.lock();
        try {
            return nextSequence;
        } finally {
            lock.unlock();
        }
    }

    public QueueCounts counts() {
        lock.lock();
        try {
            maintain(clock.millis());
            return new QueueCounts(visibleCount, inflightCount, delayedCount);
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------- sending

    public SendResult send(SendRequest request) {
        Outbox out = new Outbox();
        SendResult result;
        lock.lock();
        try {
            checkLive();
            long now = clock.millis();
            maintain(now);
            QueueConfig c = config;
            String sequence = null;
            String dedupKey = null;
            if (fifo) {
                dedupKey = c.deduplicationScope() == DeduplicationScope.MESSAGE_GROUP
                        ? request.groupId() + '\u0000' + request.deduplicationId() : request.deduplicationId();
                DeduplicationWindow.Accepted earlier = deduplication.find(dedupKey, now);
                if (earlier != null) {
                    return new SendResult(earlier.messageId(), earlier.sequenceNumber());
                }
                sequence = nextSequenceNumber();
            }
            Message m = new Message(nextSerial++, MessageIds.next(), request.body(), request.md5OfBody(),
                    request.attributes(), request.systemAttributes(), request.senderId(), now, request.groupId(),
                    request.deduplicationId(), sequence, null, 0, 0);
            int delay = request.delaySeconds() != null ? request.delaySeconds() : c.delaySeconds();
            enqueue(m, now, delay * 1000L);
            String messageId = m.messageId();
            if (fifo) {
                deduplication.remember(dedupKey, messageId, sequence, now);
            }
            result = new SendResult(messageId, sequence);
            serveWaiters(now, out);
        } finally {
            lock.unlock();
        }
        out.flush();
        return result;
    }

    private String nextSequenceNumber() {
        String digits = Long.toString(nextSequence++);
        StringBuilder sb = new StringBuilder(20).append('1');
        for (int i = digits.length(); i < 19; i++) {
            sb.append('0');
        }
        return sb.append(digits).toString();
    }

    /** A message redriven here from {@code sourceArn}: same id and content; keeps its receive history. */
    void acceptDeadLetter(Message source, String sourceArn) {
        Outbox out = new Outbox();
        lock.lock();
        try {
            if (deleted) {
                return;
            }
            long now = clock.millis();
            maintain(now);
            // Standard queues keep the original enqueue time for retention; FIFO queues restart it.
            // https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html
            Message m = new Message(nextSerial++, source.id(), source.body(), source.md5OfBody(),
                    source.attributes(), source.systemAttributes(), source.senderId(),
                    fifo ? now : source.sentAt(), source.groupId(), source.deduplicationId(),
                    fifo ? nextSequenceNumber() : null, sourceArn, source.receiveCount(), source.firstReceivedAt());
            enqueue(m, now, 0);
            serveWaiters(now, out);
        } finally {
            lock.unlock();
        }
        out.flush();
    }

    /** A message moved here by a message move task: a fresh copy with the same id and content. */
    public void acceptMoved(Message source) {
        Outbox out = new Outbox();
        lock.lock();
        try {
            checkLive();
            long now = clock.millis();
            maintain(now);
            Message m = new Message(nextSerial++, source.id(), source.body(), source.md5OfBody(),
                    source.attributes(), source.systemAttributes(), source.senderId(), now, source.groupId(),
                    source.deduplicationId(), fifo ? nextSequenceNumber() : null, null, 0, 0);
            enqueue(m, now, config.delaySeconds() * 1000L);
            serveWaiters(now, out);
        } finally {
            lock.unlock();
        }
        out.flush();
    }

    /**
     * A message read back from a snapshot, in send order: same id, content, sent time (so retention keeps
     * counting) and receive history. It is delayed until {@code delayedUntil} if that is still ahead, and
     * visible otherwise: a message that was in flight comes back as after a crash, its receipt handle void.
     */
    public void restoreMessage(Message source, long delayedUntil) {
        lock.lock();
        try {
            checkLive();
            long now = clock.millis();
            Message m = new Message(nextSerial++, source.id(), source.body(), source.md5OfBody(),
                    source.attributes(), source.systemAttributes(), source.senderId(), source.sentAt(),
                    source.groupId(), source.deduplicationId(), source.sequenceNumber(),
                    source.deadLetterSourceArn(), source.receiveCount(), source.firstReceivedAt());
            enqueue(m, now, Math.max(0, delayedUntil - now));
        } finally {
            lock.unlock();
        }
    }

    private void enqueue(Message m, long now, long delayMillis) {
        index.put(m.serial(), m);
        arrivals.addLast(m);
        if (fifo) {
            MessageGroup g = groups.computeIfAbsent(m.groupId(), MessageGroup::new);
            g.messages().addLast(m);
            m.group(g);
        }
        if (delayMillis > 0) {
            m.state(MessageState.DELAYED);
            delayedCount++;
            m.dueAt(now + delayMillis);
            timers.add(new Due(m.dueAt(), m));
        } else {
            makeVisible(m);
        }
    }

    // ---------------------------------------------------------------- receiving

    /**
     * Receives at once if anything is receivable, else parks until something is or the wait time ends.
     * Cancelling the returned future (the client went away) unparks it.
     */
    public CompletableFuture<List<Received>> receive(ReceiveOptions options) {
        Outbox out = new Outbox();
        CompletableFuture<List<Received>> future;
        Waiter waiter = null;
        lock.lock();
        try {
            checkLive();
            long now = clock.millis();
            List<Received> got = receiveNow(options, now, out);
            int wait = options.waitSeconds() != null ? options.waitSeconds() : config.receiveMessageWaitTimeSeconds();
            if (got.isEmpty() && wait == 0 && !fifo && inflightCount >= MAX_INFLIGHT_STANDARD) {
                throw SqsErrors.OVER_LIMIT.exception("The queue has reached its limit of %d messages in flight; "
                        + "delete messages or let their visibility timeouts expire.", MAX_INFLIGHT_STANDARD);
            }
            if (!got.isEmpty() || wait == 0) {
                future = CompletableFuture.completedFuture(got);
            } else {
                future = new CompletableFuture<>();
                waiter = new Waiter(options, future);
                waiters.add(waiter);
                Waiter w = waiter;
                waiter.timeout = scheduler.scheduleAt(now + wait * 1000L, () -> timeOut(w));
                armWakeUp(now);
            }
        } finally {
            lock.unlock();
        }
        out.flush();
        if (waiter != null) {
            Waiter w = waiter;
            future.whenComplete((r, e) -> {
                if (w.future.isCancelled()) {
                    unpark(w);
                }
            });
        }
        return future;
    }

    /** Number of parked long polls (for tests and metrics). */
    public int parkedReceives() {
        lock.lock();
        try {
            return waiters.size();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The messages picked for {@code w} after its client went away (its answer was cancelled once the lock
     * was released): nobody got them, so they are visible again at once, for any other waiter, and the
     * receive does not count. Undoing the count makes the handle of the receive before current again, as it
     * was; the undone receive's handle was never given to anyone.
     */
    void unreceive(Waiter w, List<Received> got) {
        if (fifo && w.options.attemptId() != null) {
            // SQS keeps a receive attempt's messages in flight so that a retry with the same attempt id, which
            // is how a client recovers from a lost answer, gets them again.
            // https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_ReceiveMessage.html
            return;
        }
        Outbox out = new Outbox();
        lock.lock();
        try {
            if (deleted) {
                return;
            }
            for (Received r : got) {
                Message m = r.message();
                if (m.state() == MessageState.INFLIGHT && m.receiveCount() == r.receiveCount()) {
                    m.unreceived();
                    makeVisible(m);
                }
            }
            serveWaiters(clock.millis(), out);
        } finally {
            lock.unlock();
        }
        out.flush();
    }

    private void timeOut(Waiter w) {
        boolean removed;
        lock.lock();
        try {
            removed = waiters.remove(w);
            if (removed) {
                armWakeUp(clock.millis());
            }
        } finally {
            lock.unlock();
        }
        if (removed) {
            w.future.complete(List.of());
        }
    }

    private void unpark(Waiter w) {
        lock.lock();
        try {
            if (waiters.remove(w)) {
                w.timeout.cancel();
                armWakeUp(clock.millis());
            }
        } finally {
            lock.unlock();
        }
    }

    private List<Received> receiveNow(ReceiveOptions options, long now, Outbox out) {
        maintain(now);
        int visibilityMillis = (options.visibilityTimeout() != null
                ? options.visibilityTimeout() : config.visibilityTimeout()) * 1000;
        String attemptId = fifo ? options.attemptId() : null;
        if (attemptId != null) {
            List<Received> earlier = attempts.find(attemptId, now);
            if (earlier != null && unchanged(earlier)) {
                // A retried attempt gets the same messages and handles, and their visibility restarts.
                for (Received r : earlier) {
                    Message m = r.message();
                    m.dueAt(now + visibilityMillis);
                    timers.add(new Due(m.dueAt(), m));
                }
                return earlier;
            }
        }
        int room = (fifo ? MAX_INFLIGHT_FIFO : MAX_INFLIGHT_STANDARD) - inflightCount;
        if (room <= 0) {
            return List.of();
        }
        int max = Math.min(options.maxMessages(), room);
        List<Received> got = fifo ? receiveFifo(max, visibilityMillis, now, out)
                : receiveStandard(max, visibilityMillis, now, out);
        if (attemptId != null && !got.isEmpty()) {
            attempts.remember(attemptId, got, now);
        }
        return got;
    }

    private static boolean unchanged(List<Received> earlier) {
        for (Received r : earlier) {
            Message m = r.message();
            if (m.state() != MessageState.INFLIGHT || m.receiveCount() != r.receiveCount()) {
                return false;
            }
        }
        return true;
    }

    private List<Received> receiveStandard(int max, int visibilityMillis, long now, Outbox out) {
        List<Received> got = new ArrayList<>(Math.min(max, Math.max(visibleCount, 1)));
        RedrivePolicy policy = config.redrivePolicy();
        Queue deadLetterQueue = policy == null ? null : deadLetterTarget(policy);
        int maxReceiveCount = deadLetterQueue == null ? Integer.MAX_VALUE : policy.maxReceiveCount();
        while (got.size() < max) {
            Message m = visible.pollFirst();
            if (m == null) {
                break;
            }
            if (m.state() != MessageState.VISIBLE) {
                continue;
            }
            if (expired(m, now)) {
                discard(m, false);
                continue;
            }
            if (m.receiveCount() >= maxReceiveCount) {
                discard(m, false);
                out.deadLetter(deadLetterQueue, m, arn);
                continue;
            }
            got.add(markInflight(m, now, visibilityMillis));
        }
        return got;
    }

    private List<Received> receiveFifo(int max, int visibilityMillis, long now, Outbox out) {
        List<Received> got = new ArrayList<>(Math.min(max, 10));
        RedrivePolicy policy = config.redrivePolicy();
        Queue deadLetterQueue = policy == null ? null : deadLetterTarget(policy);
        int maxReceiveCount = deadLetterQueue == null ? Integer.MAX_VALUE : policy.maxReceiveCount();
        // SQS returns as many messages of one group as it can before moving on to the next.
        // https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/FIFO-queues-understanding-logic.html
        while (got.size() < max) {
            MessageGroup g = readyGroups.pollFirst();
            if (g == null) {
                break;
            }
            g.queued(false);
            if (groups.get(g.id()) != g || g.blocked()) {
                continue;
            }
            for (Iterator<Message> it = g.messages().iterator(); it.hasNext() && got.size() < max; ) {
                Message m = it.next();
                if (m.state() == MessageState.GONE) {
                    continue;
                }
                if (m.state() != MessageState.VISIBLE) {
                    break;
                }
                if (expired(m, now)) {
                    discard(m, false);
                } else if (m.receiveCount() >= maxReceiveCount) {
                    discard(m, false);
                    out.deadLetter(deadLetterQueue, m, arn);
                } else {
                    got.add(markInflight(m, now, visibilityMillis));
                }
            }
            refreshGroup(g);
        }
        return got;
    }

    private Queue deadLetterTarget(RedrivePolicy policy) {
        if (policy != resolvedPolicy) {
            resolvedPolicy = policy;
            resolvedTarget = QueueAddress.fromArn(policy.deadLetterTargetArn());
        }
        Queue q = resolvedTarget == null ? null : directory.find(resolvedTarget);
        // With its dead-letter queue gone, a message stays where it is rather than being lost.
        return q == null || q == this ? null : q;
    }

    private Received markInflight(Message m, long now, int visibilityMillis) {
        visibleCount--;
        inflightCount++;
        m.state(MessageState.INFLIGHT);
        m.received(now);
        m.dueAt(now + visibilityMillis);
        timers.add(new Due(m.dueAt(), m));
        if (fifo) {
            ((MessageGroup) m.group()).inflightAdded();
        }
        return new Received(m, new ReceiptHandle(id, m.serial(), m.receiveCount()).encode(), m.receiveCount(),
                m.firstReceivedAt());
    }

    // ---------------------------------------------------------------- deleting, visibility

    /**
     * DeleteMessage. A handle of an earlier receive is accepted and deletes nothing on standard queues
     * ("If you use an old ReceiptHandle, the request will succeed, but the message might not be deleted",
     * DeleteMessage API reference); FIFO queues reject expired handles with InvalidParameterValue.
     */
    public void delete(String receiptHandle) {
        Outbox out = new Outbox();
        lock.lock();
        try {
            checkLive();
            long now = clock.millis();
            maintain(now);
            ReceiptHandle h = ReceiptHandle.decode(receiptHandle, id);
            Message m = index.get(h.serial());
            if (m == null) {
                return;
            }
            boolean current = h.receiveCount() == m.receiveCount();
            if (fifo && (!current || m.state() != MessageState.INFLIGHT)) {
                throw SqsErrors.INVALID_PARAMETER_VALUE.exception(
                        "Value %s for parameter ReceiptHandle is invalid. Reason: The receipt handle has expired.",
                        receiptHandle);
            }
            if (!current) {
                return;
            }
            discard(m, true);
            compactIfNeeded();
            serveWaiters(now, out);
        } finally {
            lock.unlock();
        }
        out.flush();
    }

    /** ChangeMessageVisibility; {@code seconds} already checked to be within 0..43200. */
    public void changeVisibility(String receiptHandle, int seconds) {
        Outbox out = new Outbox();
        lock.lock();
        try {
            checkLive();
            long now = clock.millis();
            maintain(now);
            ReceiptHandle h = ReceiptHandle.decode(receiptHandle, id);
            Message m = index.get(h.serial());
            if (m == null || h.receiveCount() != m.receiveCount()) {
                throw SqsErrors.INVALID_PARAMETER_VALUE.exception("Value %s for parameter ReceiptHandle is invalid."
                        + " Reason: Message does not exist or is not available for visibility timeout change.",
                        receiptHandle);
            }
            if (m.state() != MessageState.INFLIGHT) {
                // The handle's visibility timeout ran out and nobody received the message since: AWS answers
                // OK and leaves the message visible (https://github.com/localstack/localstack/pull/9632,
                // checked against AWS), rather than the model's MessageNotInflight.
                return;
            }
            long due = now + seconds * 1000L;
            // The 12-hour maximum counts from the receive the handle belongs to.
            if (due - m.lastReceivedAt() > QueueConfig.MAX_VISIBILITY_TIMEOUT * 1000L) {
                throw SqsErrors.INVALID_PARAMETER_VALUE.exception("Value %d for parameter VisibilityTimeout is invalid."
                        + " Reason: Total VisibilityTimeout for the message is beyond the limit [43200 seconds].", seconds);
            }
            if (seconds == 0) {
                makeVisible(m);
            } else {
                m.dueAt(due);
                timers.add(new Due(due, m));
            }
            serveWaiters(now, out);
        } finally {
            lock.unlock();
        }
        out.flush();
    }

    /** PurgeQueue: every message goes, at most once per minute. */
    public void purge() {
        lock.lock();
        try {
            checkLive();
            long now = clock.millis();
            if (now - lastPurgeAt < PURGE_INTERVAL_MILLIS) {
                throw SqsErrors.PURGE_QUEUE_IN_PROGRESS.exception(
                        "Only one PurgeQueue operation on %s is allowed every 60 seconds.", address.name());
            }
            lastPurgeAt = now;
            for (Message m : arrivals) {
                m.state(MessageState.GONE);
            }
            arrivals.clear();
            visible.clear();
            timers.clear();
            groups.clear();
            readyGroups.clear();
            index.clear();
            attempts.clear();
            visibleCount = 0;
            inflightCount = 0;
            delayedCount = 0;
        } finally {
            lock.unlock();
        }
    }

    /** The queue was deleted: parked receives end empty, and every later call fails. */
    public void markDeleted() {
        List<Waiter> parked;
        lock.lock();
        try {
            deleted = true;
            parked = new ArrayList<>(waiters);
            waiters.clear();
            cancelWake();
        } finally {
            lock.unlock();
        }
        for (Waiter w : parked) {
            w.timeout.cancel();
            w.future.complete(List.of());
        }
    }

    // ---------------------------------------------------------------- move tasks, inspection

    /**
     * Takes up to {@code max} receivable messages for a move task, oldest first, as a consumer would receive
     * them: they stay here, in flight, until {@link #finishMove} or {@link #handBack}, so that a task that
     * cannot deliver loses nothing. Unlike a receive this leaves their receive count and times alone: a
     * message handed back is the message it was.
     */
    public List<Message> takeForMove(int max) {
        lock.lock();
        try {
            checkLive();
            long now = clock.millis();
            maintain(now);
            List<Message> taken = new ArrayList<>(Math.min(max, visibleCount));
            if (fifo) {
                chooseFifoForMove(max, taken);
            } else {
                while (taken.size() < max) {
                    Message m = visible.pollFirst();
                    if (m == null) {
                        break;
                    }
                    if (m.state() == MessageState.VISIBLE) {
                        taken.add(m);
                    }
                }
            }
            for (Message m : taken) {
                holdForMove(m, now);
            }
            compactIfNeeded();
            return taken;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Oldest first across groups ("in the order they are received, starting with the oldest message",
     * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-configure-dead-letter-queue-redrive.html),
     * but within a group only from its front and only while no consumer holds one of its messages, as a
     * receive: moving the later messages first would break the group's order at the destination.
     */
    private void chooseFifoForMove(int max, List<Message> taken) {
        Set<MessageGroup> stopped = new HashSet<>();
        for (Message m : arrivals) {
            if (taken.size() >= max) {
                break;
            }
            if (m.state() == MessageState.GONE) {
                continue;
            }
            MessageGroup g = (MessageGroup) m.group();
            if (stopped.contains(g)) {
                continue;
            }
            if (g.blocked() || m.state() != MessageState.VISIBLE) {
                stopped.add(g);
                continue;
            }
            taken.add(m);
        }
    }

    private void holdForMove(Message m, long now) {
        visibleCount--;
        inflightCount++;
        m.state(MessageState.INFLIGHT);
        // Only reached if the task never finishes nor hands back (it does both before its tick returns).
        m.dueAt(now + MOVE_LEASE_MILLIS);
        timers.add(new Due(m.dueAt(), m));
        if (fifo) {
            ((MessageGroup) m.group()).inflightAdded();
        }
    }

    /** A message taken for a move reached its destination: it leaves this queue, unless it is gone already. */
    public void finishMove(Message m) {
        Outbox out = new Outbox();
        lock.lock();
        try {
            if (deleted || m.state() == MessageState.GONE) {
                return;
            }
            discard(m, true);
            compactIfNeeded();
            serveWaiters(clock.millis(), out);
        } finally {
            lock.unlock();
        }
        out.flush();
    }

    /**
     * Messages taken for a move that did not reach a destination: visible again where they were, each the
     * same message, so its sent time (retention), dead-letter source and receive history are unchanged.
     */
    public void handBack(List<Message> undelivered) {
        Outbox out = new Outbox();
        lock.lock();
        try {
            if (deleted) {
                return;
            }
            // Backwards, each to the front of the visible ones: standard queues move them oldest first again.
            for (int i = undelivered.size() - 1; i >= 0; i--) {
                Message m = undelivered.get(i);
                if (m.state() == MessageState.INFLIGHT) {
                    makeVisible(m, true);
                }
            }
            serveWaiters(clock.millis(), out);
        } finally {
            lock.unlock();
        }
        out.flush();
    }

    /** Every stored message in send order, read without touching receive state. */
    public List<InspectedMessage> inspect() {
        lock.lock();
        try {
            maintain(clock.millis());
            List<InspectedMessage> all = new ArrayList<>(visibleCount + inflightCount + delayedCount);
            for (Message m : arrivals) {
                if (m.state() != MessageState.GONE) {
                    all.add(new InspectedMessage(m, m.state(), m.receiveCount(), m.firstReceivedAt(), m.dueAt()));
                }
            }
            return Collections.unmodifiableList(all);
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------- state transitions

    /** Applies the passage of time: ended delays and visibility timeouts, then retention. */
    private void maintain(long now) {
        Due d;
        while ((d = timers.peek()) != null && d.at() <= now) {
            timers.poll();
            Message m = d.message();
            MessageState s = m.state();
            if ((s == MessageState.INFLIGHT || s == MessageState.DELAYED) && m.dueAt() == d.at()) {
                if (expired(m, now)) {
                    discard(m, true);
                } else {
                    makeVisible(m);
                }
            }
        }
        long retention = config.messageRetentionPeriod() * 1000L;
        Message m;
        while ((m = arrivals.peekFirst()) != null) {
            if (m.state() == MessageState.GONE) {
                arrivals.pollFirst();
            } else if (m.sentAt() + retention <= now) {
                arrivals.pollFirst();
                discard(m, true);
            } else {
                break;
            }
        }
        compactIfNeeded();
    }

    private boolean expired(Message m, long now) {
        return m.sentAt() + config.messageRetentionPeriod() * 1000L <= now;
    }

    private void makeVisible(Message m) {
        makeVisible(m, false);
    }

    /** @param first whether it goes before the other visible messages of a standard queue, not after */
    private void makeVisible(Message m, boolean first) {
        MessageState previous = m.state();
        leave(previous);
        m.state(MessageState.VISIBLE);
        visibleCount++;
        if (fifo) {
            MessageGroup g = (MessageGroup) m.group();
            if (previous == MessageState.INFLIGHT) {
                g.inflightRemoved();
            }
            refreshGroup(g);
        } else if (first) {
            visible.addFirst(m);
        } else {
            visible.addLast(m);
        }
    }

    /** The message leaves the queue for good (deleted, expired, moved). */
    private void discard(Message m, boolean refresh) {
        MessageState previous = m.state();
        leave(previous);
        m.state(MessageState.GONE);
        index.remove(m.serial());
        if (fifo) {
            MessageGroup g = (MessageGroup) m.group();
            if (previous == MessageState.INFLIGHT) {
                g.inflightRemoved();
            }
            if (refresh) {
                refreshGroup(g);
            }
        }
    }

    private void leave(MessageState state) {
        if (state == null) {
            return;
        }
        switch (state) {
            case VISIBLE -> visibleCount--;
            case INFLIGHT -> inflightCount--;
            case DELAYED -> delayedCount--;
            default -> { }
        }
    }

    /** Re-files a FIFO group after a change: dropped when empty, listed as receivable when it is. */
    private void refreshGroup(MessageGroup g) {
        if (g.trimAndCheckEmpty()) {
            groups.remove(g.id(), g);
            return;
        }
        if (!g.queued() && g.receivable()) {
            g.queued(true);
            readyGroups.addLast(g);
        }
    }

    /** Drops dead entries once they outnumber the live ones (amortised constant per operation). */
    private void compactIfNeeded() {
        int live = visibleCount + inflightCount + delayedCount;
        if (arrivals.size() > 2 * live + COMPACTION_SLACK) {
            arrivals.removeIf(m -> m.state() == MessageState.GONE);
        }
        if (!fifo && visible.size() > 2 * visibleCount + COMPACTION_SLACK) {
            visible.removeIf(m -> m.state() != MessageState.VISIBLE);
        }
        if (timers.size() > 2 * (inflightCount + delayedCount) + COMPACTION_SLACK) {
            timers.removeIf(d -> d.message().dueAt() != d.at()
                    || (d.message().state() != MessageState.INFLIGHT && d.message().state() != MessageState.DELAYED));
        }
    }

    // ---------------------------------------------------------------- long polling

    private void serveWaiters(long now, Outbox out) {
        while (!waiters.isEmpty()) {
            Waiter w = waiters.iterator().next();
            if (w.future.isDone()) {
                waiters.remove(w);
                continue;
            }
            List<Received> got = receiveNow(w.options, now, out);
            if (got.isEmpty()) {
                break;
            }
            waiters.remove(w);
            w.timeout.cancel();
            out.complete(this, w, got);
        }
        armWakeUp(now);
    }

    /**
     * While receives are parked, one scheduled task wakes the queue when the next delay or visibility
     * timeout ends, so a parked receive is answered as soon as a message becomes visible.
     */
    private void armWakeUp(long now) {
        Due next = timers.peek();
        if (waiters.isEmpty() || next == null) {
            cancelWake();
            return;
        }
        // Never schedule at or before now: a manual clock would run the task on this thread, inside the lock.
        long at = Math.max(next.at(), now + 1);
        if (wakeTask != null && wakeAt <= at) {
            return;
        }
        cancelWake();
        wakeAt = at;
        wakeTask = scheduler.scheduleAt(at, this::wake);
    }

    private void cancelWake() {
        if (wakeTask != null) {
            wakeTask.cancel();
            wakeTask = null;
        }
        wakeAt = Long.MAX_VALUE;
    }

    private void wake() {
        Outbox out = new Outbox();
        lock.lock();
        try {
            wakeTask = null;
            wakeAt = Long.MAX_VALUE;
            if (!deleted) {
                serveWaiters(clock.millis(), out);
            }
        } finally {
            lock.unlock();
        }
        out.flush();
    }

    private void checkLive() {
        if (deleted) {
            throw QueueAddress.noSuchQueue();
        }
    }

    /** For errors raised about this queue elsewhere. */
    public AwsException doesNotExist() {
        return QueueAddress.noSuchQueue();
    }
}
