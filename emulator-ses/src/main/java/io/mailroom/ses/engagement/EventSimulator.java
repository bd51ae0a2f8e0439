package io.mailroom.ses.engagement;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.error.CommonErrors;
import io.mailroom.core.error.ErrorCode;
import io.mailroom.ses.SesState;
import io.mailroom.ses.account.Scope;
import io.mailroom.ses.configset.ConfigurationSet;
import io.mailroom.ses.configset.EventDestination;
import io.mailroom.ses.configset.EventType;
import io.mailroom.ses.notification.MailMetadata;
import io.mailroom.ses.notification.NotificationJson;
import io.mailroom.ses.notification.Notifier;
import io.mailroom.ses.sending.SentMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Events that on AWS come from the recipient's side or the remote MTA, which a local emulator never sees:
 * a recipient opening the mail or clicking a link, a receiving server deferring it. A test asks for one
 * and it is published like any other event, to the message's configuration set's event destinations that
 * take that type. AWS's preconditions hold: events only exist for mail sent through a configuration set,
 * opens are tracked only in HTML mail (the tracking pixel) and clicks only on the HTML part's http(s) links
 * without {@code ses:no-track}.
 */
public final class EventSimulator {
    public static final ErrorCode NOT_FOUND = ErrorCode.sender("NotFound", 404);
    public static final ErrorCode NO_CONFIGURATION_SET = ErrorCode.sender("NoConfigurationSet", 409);
    public static final ErrorCode NOT_TRACKED = ErrorCode.sender("NotTracked", 409);
    /** What a simulated recipient reports when the caller does not say. */
    public static final String DEFAULT_USER_AGENT = "Mozilla/5.0 (Mailroom simulated recipient)";
    public static final String DEFAULT_IP = "127.0.0.1";
    /** SES keeps retrying a deferred message this long unless the set's MaxDeliverySeconds is shorter. */
    static final Duration DEFAULT_MAX_DELIVERY = Duration.ofHours(14);

    private final SesState state;
    private final Notifier notifier;

    public EventSimulator(SesState state, Notifier notifier) {
        this.state = state;
        this.notifier = notifier;
    }

    public SimulatedEvent open(String messageId, String userAgent, String ipAddress) {
        return publish(messageId, EventType.OPEN, (message, mail, set, now) -> {
            if (message.html() == null || message.html().isBlank()) {
                throw NOT_TRACKED.exception("Message %s has no HTML part: SES tracks opens with an image in the"
                        + " HTML part, so a text-only message never reports an Open.", messageId);
            }
            return NotificationJson.open(now, orDefault(ipAddress, DEFAULT_IP), orDefault(userAgent, DEFAULT_USER_AGENT));
        });
    }

    /** @param linkTags null: the anchor's own {@code ses:tags}, as AWS reports them */
    public SimulatedEvent click(String messageId, String link, Map<String, List<String>> linkTags, String userAgent,
                                String ipAddress) {
        if (link == null || link.isBlank()) {
            throw CommonErrors.INVALID_PARAMETER_VALUE.exception("Name the clicked link.");
        }
        return publish(messageId, EventType.CLICK, (message, mail, set, now) -> {
            List<TrackedLinks.Link> links = TrackedLinks.in(message.html());
            TrackedLinks.Link clicked = links.stream().filter(l -> l.url().equals(link)).findFirst()
                    .orElseThrow(() -> NOT_TRACKED.exception("SES does not track %s in message %s: only http(s)"
                            + " links of the HTML part without ses:no-track are. Tracked links: %s", link, messageId,
                            links.isEmpty() ? "none" : links.stream().map(TrackedLinks.Link::url)
                                    .collect(Collectors.joining(", "))));
            return NotificationJson.click(now, orDefault(ipAddress, DEFAULT_IP),
                    orDefault(userAgent, DEFAULT_USER_AGENT), link, linkTags != null ? linkTags : clicked.tags());
        });
    }

    public SimulatedEvent deliveryDelay(String messageId, String delayType) {
        DelayType type = DelayType.of(delayType).orElseThrow(() -> CommonErrors.INVALID_PARAMETER_VALUE.exception(
                "Unknown delayType %s; SES reports one of %s.", delayType, DelayType.names()));
        return publish(messageId, EventType.DELIVERY_DELAY, (message, mail, set, now) -> {
            long maxDelivery = set.maxDeliverySeconds() != null ? set.maxDeliverySeconds() * 1000
                    : DEFAULT_MAX_DELIVERY.toMillis();
            return NotificationJson.deliveryDelay(now, message.timestampMillis() + maxDelivery, mail.destination(),
                    type.wireName(), type.status(), type.diagnostic());
        });
    }

    /** The event's detail object for this message, or the AWS precondition it fails. */
    private interface Detail {
        ObjectNode build(SentMessage message, MailMetadata mail, ConfigurationSet set, long now);
    }

    private SimulatedEvent publish(String messageId, EventType type, Detail detail) {
        List<Runnable> out = new ArrayList<>();
        SimulatedEvent result;
        synchronized (state.lock) {
            SentMessage message = state.mailbox.find(messageId).orElseThrow(() ->
                    NOT_FOUND.exception("No sent message %s.", messageId));
            MailMetadata mail = state.eventMail.find(messageId).orElse(null);
            if (message.configurationSetName() == null || mail == null) {
                throw NO_CONFIGURATION_SET.exception("Message %s was sent without a configuration set: SES publishes"
                        + " %s events only to a configuration set's event destinations.", messageId, type.eventName());
            }
            // Destinations are those of the set now, as on AWS where an event goes where the set points when it
            // happens, not where it pointed at the send.
            ConfigurationSet set = state.account(new Scope(message.accountId(), message.region())).configurationSets
                    .find(message.configurationSetName()).orElseThrow(() -> NOT_FOUND.exception(
                            "Configuration set %s of message %s no longer exists.", message.configurationSetName(),
                            messageId));
            ObjectNode eventDetail = detail.build(message, mail, set, state.now());
            List<String> destinations = set.destinations().values().stream()
                    .filter(d -> d.enabled() && d.types().contains(type)).map(EventDestination::name).toList();
            notifier.event(set, type, mail, eventDetail, out);
            result = new SimulatedEvent(messageId, type.eventName(), set.name(), destinations,
                    NotificationJson.event(type, mail, eventDetail));
        }
        out.forEach(Runnable::run);
        return result;
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
