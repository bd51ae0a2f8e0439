package io.mailroom.ses.configset;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.ses.suppression.SuppressionReason;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** A configuration set as both APIs see it. Mutable; guarded by the state lock. */
public final class ConfigurationSet {
    /** "You can add up to 10 event destinations to each configuration set" (SES quotas). */
    public static final int MAX_EVENT_DESTINATIONS = 10;

    private final String name;
    private final long createdMillis;
    private final Map<String, EventDestination> destinations = new LinkedHashMap<>();
    private String customRedirectDomain;
    private String httpsPolicy;
    private String tlsPolicy = "OPTIONAL";
    private String sendingPoolName;
    private Long maxDeliverySeconds;
    private boolean reputationMetricsEnabled;
    private Long lastFreshStartMillis;
    private boolean sendingEnabled = true;
    private Set<SuppressionReason> suppressedReasons;
    private ObjectNode vdmOptions;
    private String archiveArn;

    public ConfigurationSet(String name, long createdMillis) {
        this.name = name;
        this.createdMillis = createdMillis;
    }

    public String name() {
        return name;
    }

    public long createdMillis() {
        return createdMillis;
    }

    public Map<String, EventDestination> destinations() {
        return destinations;
    }

    public String customRedirectDomain() {
        return customRedirectDomain;
    }

    public String httpsPolicy() {
        return httpsPolicy;
    }

    public void tracking(String domain, String httpsPolicy) {
        this.customRedirectDomain = domain;
        this.httpsPolicy = httpsPolicy;
    }

    public String tlsPolicy() {
        return tlsPolicy;
    }

    public String sendingPoolName() {
        return sendingPoolName;
    }

    public Long maxDeliverySeconds() {
        return maxDeliverySeconds;
    }

    public void delivery(String tlsPolicy, String sendingPoolName, Long maxDeliverySeconds) {
        this.tlsPolicy = tlsPolicy == null ? "OPTIONAL" : tlsPolicy;
        this.sendingPoolName = sendingPoolName;
        this.maxDeliverySeconds = maxDeliverySeconds;
    }

    public boolean reputationMetricsEnabled() {
        return reputationMetricsEnabled;
    }

    public void reputationMetricsEnabled(boolean value) {
        reputationMetricsEnabled = value;
    }

    public Long lastFreshStartMillis() {
        return lastFreshStartMillis;
    }

    public boolean sendingEnabled() {
        return sendingEnabled;
    }

    /** Re-enabling sending is a "fresh start" of the reputation metrics (LastFreshStart). */
    public void sendingEnabled(boolean value, long now) {
        if (value && !sendingEnabled) {
            lastFreshStartMillis = now;
        }
        sendingEnabled = value;
    }

    /** Null: the account-level setting applies. */
    public Set<SuppressionReason> suppressedReasons() {
        return suppressedReasons;
    }

    public void suppressedReasons(Set<SuppressionReason> reasons) {
        this.suppressedReasons = reasons == null ? null
                : reasons.isEmpty() ? EnumSet.noneOf(SuppressionReason.class) : EnumSet.copyOf(reasons);
    }

    public ObjectNode vdmOptions() {
        return vdmOptions;
    }

    public void vdmOptions(ObjectNode value) {
        vdmOptions = value;
    }

    public String archiveArn() {
        return archiveArn;
    }

    public void archiveArn(String value) {
        archiveArn = value;
    }
}
