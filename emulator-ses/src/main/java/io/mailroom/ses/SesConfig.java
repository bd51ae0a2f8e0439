package io.mailroom.ses;

import java.time.Duration;

/**
 * Server-wide SES behaviour.
 *
 * @param autoVerify     treat every sender as verified; off by default, as in the AWS sandbox where an
 *                       unverified Source is rejected with MessageRejected
 * @param outcomeDelay   server time between the send and its asynchronous outcomes (Delivery, Bounce,
 *                       Complaint); AWS takes about a second, 0 makes them due at once
 * @param max24HourSend  the quota GetSendQuota reports; sandbox accounts get 200
 * @param maxSendRate    messages per second GetSendQuota reports; sandbox accounts get 1
 * @param enforceQuota   refuse sends beyond {@code max24HourSend} with AWS's Throttling "Daily message quota
 *                       exceeded."; off by default so local test suites are not throttled
 */
public record SesConfig(boolean autoVerify, Duration outcomeDelay, double max24HourSend, double maxSendRate,
                        boolean enforceQuota) {

    public static SesConfig defaults() {
        return new SesConfig(false, Duration.ZERO, 200, 1, false);
    }

    public SesConfig withAutoVerify(boolean value) {
        return new SesConfig(value, outcomeDelay, max24HourSend, maxSendRate, enforceQuota);
    }

    public SesConfig withOutcomeDelay(Duration value) {
        return new SesConfig(autoVerify, value, max24HourSend, maxSendRate, enforceQuota);
    }

    public SesConfig withQuota(double max24Hours, double perSecond, boolean enforce) {
        return new SesConfig(autoVerify, outcomeDelay, max24Hours, perSecond, enforce);
    }
}
