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
 * @param sentMailBucket  when set, a copy of every accepted sent message is put into this bucket of the
 *                        server's object store as {@code <messageId>} (an archive AWS does not keep, useful to
 *                        inspect mail with S3 tools); null (the default) keeps none
 */
public record SesConfig(boolean autoVerify, Duration outcomeDelay, double max24HourSend, double maxSendRate,
                        boolean enforceQuota, String sentMailBucket) {

    public SesConfig(boolean autoVerify, Duration outcomeDelay, double max24HourSend, double maxSendRate,
                     boolean enforceQuota) {
        this(autoVerify, outcomeDelay, max24HourSend, maxSendRate, enforceQuota, null);
    }

    public static SesConfig defaults() {
        return new SesConfig(false, Duration.ZERO, 200, 1, false, null);
    }

    public SesConfig withAutoVerify(boolean value) {
        return new SesConfig(value, outcomeDelay, max24HourSend, maxSendRate, enforceQuota, sentMailBucket);
    }

    public SesConfig withOutcomeDelay(Duration value) {
        return new SesConfig(autoVerify, value, max24HourSend, maxSendRate, enforceQuota, sentMailBucket);
    }

    public SesConfig withQuota(double max24Hours, double perSecond, boolean enforce) {
        return new SesConfig(autoVerify, outcomeDelay, max24Hours, perSecond, enforce, sentMailBucket);
    }

    /** @param bucket the bucket sent mail is copied into, or null for none */
    public SesConfig withSentMailBucket(String bucket) {
        return new SesConfig(autoVerify, outcomeDelay, max24HourSend, maxSendRate, enforceQuota, bucket);
    }
}
