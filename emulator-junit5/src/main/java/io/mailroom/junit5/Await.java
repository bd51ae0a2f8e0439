package io.mailroom.junit5;

import io.mailroom.server.Mailroom;
import io.mailroom.server.ServerConfig;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Waits for what the code under test should have caused, instead of sleeping: each method looks every
 * 10 ms until the condition holds, and after the timeout (5 s unless {@link #within} says otherwise)
 * fails with an {@link AssertionError} that lists what was there.
 *
 * <p>Queues are read without receiving their messages, so waiting changes nothing the code under test
 * sees; every message counts, whether visible, in flight or delayed (see {@link QueueMessage#state()}).
 * A queue is given by its URL, or by its name in the server's account and region. A queue that does not
 * exist yet is waited for too. Sent mail is read from {@code GET /_aws/ses} ({@link #mail}, {@link #mailTo}),
 * SNS's deliveries to HTTP/HTTPS subscriptions from {@code GET /_mailroom/api/topics} ({@link #httpDelivery}).
 * Instances are immutable and thread-safe.
 */
public final class Await {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private final QueueInspector queues;
    private final MailInspector mail;
    private final DeliveryInspector deliveries;
    private final Duration timeout;

    private Await(QueueInspector queues, MailInspector mail, DeliveryInspector deliveries, Duration timeout) {
        this.queues = queues;
        this.mail = mail;
        this.deliveries = deliveries;
        this.timeout = timeout;
    }

    /** Awaits on an in-process server; queue names are resolved in its account and region. */
    public static Await on(Mailroom mailroom) {
        ServerConfig config = mailroom.config();
        return new Await(new QueueInspector(mailroom.endpoint(), config.region(), config.accountId()),
                new MailInspector(mailroom.endpoint()), new DeliveryInspector(mailroom.endpoint()), DEFAULT_TIMEOUT);
    }

    /** Awaits on a server at {@code endpoint}, such as one in a container; names resolve in the default account and region. */
    public static Await on(URI endpoint) {
        ServerConfig defaults = ServerConfig.defaults();
        return new Await(new QueueInspector(endpoint, defaults.region(), defaults.accountId()),
                new MailInspector(endpoint), new DeliveryInspector(endpoint), DEFAULT_TIMEOUT);
    }

    /** The same, giving up after {@code timeout}. */
    public Await within(Duration timeout) {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative: " + timeout);
        }
        return new Await(queues, mail, deliveries, timeout);
    }

    public Duration timeout() {
        return timeout;
    }

    /** The first message on {@code queue}. */
    public QueueMessage message(String queue) {
        return message(queue, "any message", m -> true);
    }

    /** The first message on {@code queue} whose body equals {@code body}. */
    public QueueMessage messageWithBody(String queue, String body) {
        Objects.requireNonNull(body, "body");
        return message(queue, "body \"" + body + "\"", m -> body.equals(m.body()));
    }

    /** The first message on {@code queue} that {@code matching} accepts. */
    public QueueMessage message(String queue, Predicate<? super QueueMessage> matching) {
        return message(queue, "the given predicate", matching);
    }

    /**
     * The first message on {@code queue} that {@code matching} accepts; {@code description} says what it
     * looks for in the failure message ("an order for customer 42").
     */
    public QueueMessage message(String queue, String description, Predicate<? super QueueMessage> matching) {
        return messages(queue, 1, description, matching).get(0);
    }

    /** The first {@code count} messages on {@code queue}, once there are that many. */
    public List<QueueMessage> messages(String queue, int count) {
        return messages(queue, count, "any message", m -> true);
    }

    /** The first {@code count} messages on {@code queue} that {@code matching} accepts, once there are that many. */
    public List<QueueMessage> messages(String queue, int count, String description,
                                       Predicate<? super QueueMessage> matching) {
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(matching, "matching");
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1: " + count);
        }
        return Polling.until(timeout, () -> queues.look(queue),
                seen -> {
                    List<QueueMessage> found = seen.messages().stream().filter(matching).limit(count).toList();
                    return found.size() == count ? Optional.of(found) : Optional.empty();
                },
                seen -> {
                    long matched = seen.messages().stream().filter(matching).count();
                    String wanted = count == 1 ? "No message matching " + description
                            : "Only " + matched + " of " + count + " messages matching " + description;
                    return wanted + " on queue " + queue + " within " + readable(timeout) + ". " + seen.describe();
                });
    }

    /** Returns once {@code queue} holds no messages at all, as when a consumer under test has deleted them. */
    public void emptyQueue(String queue) {
        Objects.requireNonNull(queue, "queue");
        Polling.until(timeout, () -> queues.look(queue),
                seen -> seen.problem() == null && seen.messages().isEmpty() ? Optional.of(seen) : Optional.empty(),
                seen -> "Queue " + queue + " was not empty within " + readable(timeout) + ". " + seen.describe());
    }

    // ---- sent mail (GET /_aws/ses) ----

    /** The first mail SES accepted, in any account and region, that {@code matching} accepts. */
    public SentMail mail(Predicate<? super SentMail> matching) {
        return mail("the given predicate", matching);
    }

    /**
     * The first mail SES accepted that {@code matching} accepts; {@code description} says what it looks
     * for in the failure message ("the password reset for ada").
     */
    public SentMail mail(String description, Predicate<? super SentMail> matching) {
        Objects.requireNonNull(matching, "matching");
        return Polling.until(timeout, mail::look,
                seen -> seen.mail().stream().filter(matching).findFirst(),
                seen -> "No mail matching " + description + " within " + readable(timeout) + ". " + seen.describe());
    }

    /** The first mail with {@code address} among its To or Cc recipients (bare address, any case). */
    public SentMail mailTo(String address) {
        Objects.requireNonNull(address, "address");
        return mail("sent to " + address, m -> m.isAddressedTo(address));
    }

    // ---- deliveries to HTTP/HTTPS subscriptions (GET /_mailroom/api/topics) ----

    /**
     * The first message SNS delivered (the endpoint answered 2xx) to an HTTP/HTTPS subscription whose
     * endpoint is exactly {@code endpointUrl}, in any topic, account and region. SubscriptionConfirmation
     * POSTs do not count.
     */
    public HttpDelivery httpDelivery(String endpointUrl) {
        return httpDelivery(endpointUrl, "delivered (2xx)", HttpDelivery::isDelivered);
    }

    /**
     * The first delivery to {@code endpointUrl} that {@code matching} accepts, whatever its status: for
     * instance {@code d -> d.isGivenUp()} waits until SNS stopped retrying a message the endpoint refused,
     * and {@code d -> d.messageId().equals(id) && d.isDelivered()} waits for one published message.
     */
    public HttpDelivery httpDelivery(String endpointUrl, Predicate<? super HttpDelivery> matching) {
        return httpDelivery(endpointUrl, "the given predicate", matching);
    }

    /**
     * The same; {@code description} says what it looks for in the failure message ("the refund, given up").
     */
    public HttpDelivery httpDelivery(String endpointUrl, String description, Predicate<? super HttpDelivery> matching) {
        Objects.requireNonNull(endpointUrl, "endpointUrl");
        Objects.requireNonNull(matching, "matching");
        return Polling.until(timeout, deliveries::look,
                seen -> seen.deliveriesTo(endpointUrl).stream().filter(matching).findFirst(),
                seen -> "No HTTP delivery matching " + description + " to " + endpointUrl + " within "
                        + readable(timeout) + ". " + seen.describe(endpointUrl));
    }

    private static String readable(Duration d) {
        return d.toMillis() < 10_000 ? d.toMillis() + " ms" : d.toSeconds() + " s";
    }
}
