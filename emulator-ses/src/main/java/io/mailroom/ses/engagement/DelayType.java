package io.mailroom.ses.engagement;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The {@code delayType} values of a DeliveryDelay event
 * (https://docs.aws.amazon.com/ses/latest/dg/event-publishing-retrieving-sns-contents.html), each with the
 * status and SMTP answer a delayed recipient reports for it. AWS documents only the types; the codes are
 * the RFC 3463 transient ones a real remote MTA answers in that situation.
 */
public enum DelayType {
    INTERNAL_FAILURE("InternalFailure", "4.0.0", "Amazon SES internal failure, delivery will be retried"),
    GENERAL("General", "4.0.0", "smtp; 451 4.0.0 Temporary failure, please try again later"),
    MAILBOX_FULL("MailboxFull", "4.2.2", "smtp; 452 4.2.2 Mailbox full"),
    SPAM_DETECTED("SpamDetected", "4.7.1", "smtp; 451 4.7.1 Message temporarily deferred due to suspected spam"),
    RECIPIENT_SERVER_ERROR("RecipientServerError", "4.3.0", "smtp; 451 4.3.0 Temporary server error"),
    IP_FAILURE("IPFailure", "4.7.0", "smtp; 421 4.7.0 Sending IP temporarily blocked"),
    TRANSIENT_COMMUNICATION_FAILURE("TransientCommunicationFailure", "4.4.1",
            "smtp; 421 4.4.1 Unable to connect to remote host"),
    BYOIP_HOST_NAME_LOOKUP_UNAVAILABLE("BYOIPHostNameLookupUnavailable", "4.4.3",
            "smtp; 451 4.4.3 Host name lookup unavailable"),
    UNDETERMINED("Undetermined", "4.0.0", "smtp; 451 4.0.0 Temporary failure"),
    SENDING_DELIVERABILITY_ISSUE("SendingDeliverabilityIssue", "4.7.0",
            "smtp; 421 4.7.0 Temporary deliverability issue");

    private final String wireName;
    private final String status;
    private final String diagnostic;

    DelayType(String wireName, String status, String diagnostic) {
        this.wireName = wireName;
        this.status = status;
        this.diagnostic = diagnostic;
    }

    public String wireName() {
        return wireName;
    }

    public String status() {
        return status;
    }

    public String diagnostic() {
        return diagnostic;
    }

    public static Optional<DelayType> of(String wireName) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(wireName)).findFirst();
    }

    /** For error messages: every accepted spelling. */
    public static String names() {
        return Arrays.stream(values()).map(DelayType::wireName).collect(Collectors.joining(", "));
    }
}
