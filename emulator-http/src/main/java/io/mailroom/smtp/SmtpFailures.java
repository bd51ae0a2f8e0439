package io.mailroom.smtp;

import io.mailroom.core.error.AwsException;

/**
 * How SES's SMTP interface words a failed SendRawEmail. Its documentation and its users' error reports show
 * "554 Message rejected: Email address is not verified. ..." for MessageRejected, "554 Transaction failed:
 * Duplicate header 'Subject'." for a message it cannot take, and 454 for throttling.
 */
final class SmtpFailures {
    private SmtpFailures() {
    }

    static SmtpReply reply(AwsException e) {
        String code = e.error().code();
        String message = oneLine(e.getMessage());
        return switch (code) {
            case "MessageRejected" -> SmtpReply.of(554, "Message rejected: " + message);
            case "Throttling", "ThrottlingException", "TooManyRequestsException", "LimitExceededException",
                 "LimitExceeded" -> SmtpReply.of(454, "Throttling failure: " + message);
            case "AccountSendingPausedException", "AccountSendingPaused" -> SmtpReply.of(554, "Account disabled");
            default -> e.error().status() >= 500
                    ? SmtpReply.of(451, "Temporary service failure")
                    : SmtpReply.of(554, "Transaction failed: " + message);
        };
    }

    /** A reply line cannot hold a line break. */
    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("[\\r\\n]+", " ");
    }
}
