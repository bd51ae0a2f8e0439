package io.mailroom.ses.identity;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A verified email address or domain, as both APIs see it. Mutable; guarded by the state lock.
 * Verification succeeds at once (there is no inbox to click in nor DNS to check), so every identity is
 * {@code Success}/{@code SUCCESS} from creation.
 */
public final class Identity {
    private final String name;
    private final IdentityType type;
    private final long createdMillis;
    private final String verificationToken;
    private final Dkim dkim = new Dkim();
    private final Map<NotificationType, String> topics = new EnumMap<>(NotificationType.class);
    private final Map<NotificationType, Boolean> headersInNotifications = new EnumMap<>(NotificationType.class);
    private final Map<String, String> policies = new LinkedHashMap<>();
    private boolean feedbackForwarding = true;
    private String mailFromDomain;
    private String behaviorOnMxFailure = "USE_DEFAULT_VALUE";
    private String configurationSetName;

    public Identity(String name, IdentityType type, long createdMillis, String verificationToken) {
        this.name = name;
        this.type = type;
        this.createdMillis = createdMillis;
        this.verificationToken = verificationToken;
    }

    public String name() {
        return name;
    }

    public IdentityType type() {
        return type;
    }

    public long createdMillis() {
        return createdMillis;
    }

    /** Domains only: the TXT record value AWS asks for ({@code _amazonses.example.com}). */
    public String verificationToken() {
        return verificationToken;
    }

    public String verificationStatus() {
        return "SUCCESS";
    }

    public Dkim dkim() {
        return dkim;
    }

    public Optional<String> topic(NotificationType type) {
        return Optional.ofNullable(topics.get(type));
    }

    public void topic(NotificationType type, String topicArn) {
        if (topicArn == null) {
            topics.remove(type);
        } else {
            topics.put(type, topicArn);
        }
    }

    public boolean headersInNotifications(NotificationType type) {
        return headersInNotifications.getOrDefault(type, false);
    }

    public void headersInNotifications(NotificationType type, boolean enabled) {
        headersInNotifications.put(type, enabled);
    }

    public Map<String, String> policies() {
        return policies;
    }

    public boolean feedbackForwarding() {
        return feedbackForwarding;
    }

    public void feedbackForwarding(boolean enabled) {
        feedbackForwarding = enabled;
    }

    public String mailFromDomain() {
        return mailFromDomain;
    }

    public String behaviorOnMxFailure() {
        return behaviorOnMxFailure;
    }

    public void mailFrom(String domain, String behavior) {
        this.mailFromDomain = domain;
        if (behavior != null) {
            this.behaviorOnMxFailure = behavior;
        }
    }

    /** MAIL FROM domains are checked for an MX record; locally the check passes at once. */
    public String mailFromStatus() {
        return mailFromDomain == null ? null : "SUCCESS";
    }

    public String configurationSetName() {
        return configurationSetName;
    }

    public void configurationSetName(String name) {
        this.configurationSetName = name;
    }
}
