package io.mailroom.ses.sending;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.ses.SesState;
import io.mailroom.ses.account.Account;
import io.mailroom.ses.configset.ConfigurationSet;
import io.mailroom.ses.configset.EventType;
import io.mailroom.ses.identity.Identity;
import io.mailroom.ses.identity.NotificationType;
import io.mailroom.ses.notification.MailMetadata;
import io.mailroom.ses.notification.NotificationJson;
import io.mailroom.ses.notification.Notifier;
import io.mailroom.ses.simulator.Outcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The asynchronous half of a send: some server time after acceptance ({@code SesConfig.outcomeDelay}) each
 * recipient is delivered, bounces or complains, and SES reports it to the identity's topics and the
 * configuration set's event destinations. Runs on the Scheduler; nothing sleeps.
 */
final class Outcomes {
    private final SesState state;
    private final Notifier notifier;

    Outcomes(SesState state, Notifier notifier) {
        this.state = state;
        this.notifier = notifier;
    }

    record Dispatch(Account account, Identity identity, ConfigurationSet set, MailMetadata mail,
                    Map<String, Outcome> outcomes, long sentMillis) {
    }

    void schedule(Dispatch d) {
        if (d.outcomes().isEmpty()) {
            return;
        }
        state.scheduler.scheduleAt(d.sentMillis() + state.config.outcomeDelay().toMillis(), () -> run(d));
    }

    private void run(Dispatch d) {
        List<Runnable> out = new ArrayList<>();
        synchronized (state.lock) {
            long now = state.now();
            String mta = reportingMta(d.account().scope.region());
            List<String> delivered = new ArrayList<>();
            Map<Outcome.Bounced, List<String>> bounced = new LinkedHashMap<>();
            List<String> complained = new ArrayList<>();
            d.outcomes().forEach((address, outcome) -> {
                if (outcome instanceof Outcome.Bounced b) {
                    bounced.computeIfAbsent(b, k -> new ArrayList<>()).add(address);
                } else {
                    delivered.add(address);
                    if (outcome instanceof Outcome.Complained) {
                        complained.add(address);
                    }
                }
            });
            if (!delivered.isEmpty()) {
                ObjectNode detail = NotificationJson.delivery(now, now - d.sentMillis(), delivered, mta);
                notifier.identity(d.identity(), NotificationType.DELIVERY, d.mail(), detail, out);
                notifier.event(d.set(), EventType.DELIVERY, d.mail(), detail, out);
            }
            bounced.forEach((b, addresses) -> {
                List<ObjectNode> recipients = new ArrayList<>();
                addresses.forEach(a -> recipients.add(NotificationJson.bouncedRecipient(a, b.status(), b.diagnostic())));
                ObjectNode detail = NotificationJson.bounce(b.bounceType(), b.subType(), recipients, now,
                        MessageIds.next(d.account().scope.region(), now), b.fromRemoteMta() ? mta : null);
                addresses.forEach(a -> d.account().statistics.bounce(now));
                notifier.identity(d.identity(), NotificationType.BOUNCE, d.mail(), detail, out);
                notifier.event(d.set(), EventType.BOUNCE, d.mail(), detail, out);
            });
            if (!complained.isEmpty()) {
                ObjectNode detail = NotificationJson.complaint(complained, "abuse", now, d.sentMillis(),
                        MessageIds.next(d.account().scope.region(), now));
                complained.forEach(a -> d.account().statistics.complaint(now));
                notifier.identity(d.identity(), NotificationType.COMPLAINT, d.mail(), detail, out);
                notifier.event(d.set(), EventType.COMPLAINT, d.mail(), detail, out);
            }
        }
        out.forEach(Runnable::run);
    }

    /** The sending MTA SES names in delivery and bounce reports. */
    static String reportingMta(String region) {
        return "us-east-1".equals(region) ? "a8-70.smtp-out.amazonses.com" : "a8-70.smtp-out." + region + ".amazonses.com";
    }
}
