package io.mailroom.ses;

import io.mailroom.core.delivery.ObjectSink;
import io.mailroom.core.delivery.TopicPublisher;
import io.mailroom.core.request.RequestContext;
import io.mailroom.core.time.Clock;
import io.mailroom.core.time.Scheduler;
import io.mailroom.ses.account.Account;
import io.mailroom.ses.account.Scope;
import io.mailroom.ses.inbound.InboundLog;
import io.mailroom.ses.notification.EventMailLog;
import io.mailroom.ses.sending.Mailbox;
import io.mailroom.ses.template.TemplateRenderer;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one state behind both SES APIs. Operations run under {@link #lock}: SES calls are short and rare
 * enough locally that one lock keeps every cross-object rule (a template used by a send, a configuration
 * set deleted under an identity's default) simple and consistent.
 */
public final class SesState {
    public final Object lock = new Object();
    public final Clock clock;
    public final Scheduler scheduler;
    public final TopicPublisher topics;
    /** The server's object store (S3), or null when it has none: then no bucket exists. */
    public final ObjectSink objects;
    public final SesConfig config;
    public final Mailbox mailbox = new Mailbox();
    public final InboundLog inbound = new InboundLog();
    /** The mail object of messages sent with a configuration set, for events after the send. */
    public final EventMailLog eventMail = new EventMailLog();
    public final TemplateRenderer renderer = new TemplateRenderer();
    private final Map<Scope, Account> accounts = new HashMap<>();

    public SesState(Clock clock, Scheduler scheduler, TopicPublisher topics, SesConfig config) {
        this(clock, scheduler, topics, null, config);
    }

    public SesState(Clock clock, Scheduler scheduler, TopicPublisher topics, ObjectSink objects, SesConfig config) {
        this.clock = clock;
        this.scheduler = scheduler;
        this.topics = topics;
        this.objects = objects;
        this.config = config;
    }

    public long now() {
        return clock.millis();
    }

    public Account account(RequestContext ctx) {
        return account(Scope.of(ctx));
    }

    public Account account(Scope scope) {
        synchronized (lock) {
            return accounts.computeIfAbsent(scope, Account::new);
        }
    }

    /** Every account and region that has SES state, in a stable order (account id, then region). */
    public List<Account> accounts() {
        synchronized (lock) {
            return accounts.values().stream().sorted(Comparator.comparing((Account a) -> a.scope.accountId())
                    .thenComparing(a -> a.scope.region())).toList();
        }
    }

    public void clear() {
        synchronized (lock) {
            accounts.clear();
            mailbox.clear(null);
            eventMail.clear(null);
            inbound.clear();
        }
    }
}
