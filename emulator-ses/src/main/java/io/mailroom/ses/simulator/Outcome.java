package io.mailroom.ses.simulator;

/** What happens to one recipient after SES accepted the message. */
public sealed interface Outcome {

    /** The receiving server accepted it (SMTP 250). */
    record Delivered() implements Outcome {
    }

    /** Delivered, and the recipient's server answered with an out-of-the-office reply (no notification). */
    record OutOfOffice() implements Outcome {
    }

    /** Delivered, then the recipient marked it as spam. */
    record Complained(String feedbackType) implements Outcome {
    }

    /**
     * Not delivered.
     *
     * @param bounceType    {@code Permanent}, {@code Transient} or {@code Undetermined}
     * @param subType       {@code General}, {@code Suppressed}, {@code OnAccountSuppressionList}, ...
     * @param status        the DSN status ({@code 5.1.1})
     * @param diagnostic    the DSN diagnostic code, or null
     * @param fromRemoteMta whether a receiving server answered (SES's own suppression has no remote MTA)
     */
    record Bounced(String bounceType, String subType, String status, String diagnostic, boolean fromRemoteMta)
            implements Outcome {
    }
}
