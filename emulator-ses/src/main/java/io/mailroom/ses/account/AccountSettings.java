package io.mailroom.ses.account;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.ses.suppression.SuppressionReason;
import java.util.EnumSet;
import java.util.Set;

/**
 * Account-level settings of one account and region. New SES accounts suppress both bounces and
 * complaints at the account level, so that is the default; production access is what the server is
 * configured with (sandbox by default).
 */
public final class AccountSettings {
    private boolean sendingEnabled = true;
    private Set<SuppressionReason> suppressedReasons = EnumSet.allOf(SuppressionReason.class);
    private boolean dedicatedIpAutoWarmup;
    private ObjectNode details;
    private ObjectNode vdmAttributes;
    private boolean dashboardEnabled;
    private ObjectNode dashboardSubscriptions;

    public boolean sendingEnabled() {
        return sendingEnabled;
    }

    public void sendingEnabled(boolean value) {
        sendingEnabled = value;
    }

    public Set<SuppressionReason> suppressedReasons() {
        return suppressedReasons;
    }

    public void suppressedReasons(Set<SuppressionReason> reasons) {
        suppressedReasons = reasons.isEmpty() ? EnumSet.noneOf(SuppressionReason.class) : EnumSet.copyOf(reasons);
    }

    public boolean dedicatedIpAutoWarmup() {
        return dedicatedIpAutoWarmup;
    }

    public void dedicatedIpAutoWarmup(boolean value) {
        dedicatedIpAutoWarmup = value;
    }

    public ObjectNode details() {
        return details;
    }

    public void details(ObjectNode value) {
        details = value;
    }

    public ObjectNode vdmAttributes() {
        return vdmAttributes;
    }

    public void vdmAttributes(ObjectNode value) {
        vdmAttributes = value;
    }

    public boolean dashboardEnabled() {
        return dashboardEnabled;
    }

    public ObjectNode dashboardSubscriptions() {
        return dashboardSubscriptions;
    }

    public void dashboard(boolean enabled, ObjectNode subscriptions) {
        dashboardEnabled = enabled;
        dashboardSubscriptions = subscriptions;
    }
}
