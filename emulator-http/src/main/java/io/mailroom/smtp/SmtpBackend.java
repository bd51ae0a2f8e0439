package io.mailroom.smtp;

import io.mailroom.core.error.AwsException;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What the SMTP front end needs from SES: the two ways a message enters it. Kept this narrow so the
 * protocol can be tested against a fake; {@link SesSmtpBackend} is the real one.
 */
public interface SmtpBackend {

    /**
     * Completes when the other methods can answer without waiting (SES is made on first use, 0.1–0.3 s): a new
     * connection is greeted only then, so that no command waits for it on the event loop.
     */
    default CompletableFuture<Void> ready() {
        return CompletableFuture.completedFuture(null);
    }

    /** Whether a receipt rule of the active rule set matches the recipient, so mail to it is taken unauthenticated. */
    boolean acceptsInbound(String recipient);

    /**
     * Mail from the internet, handled by the active receipt rule set.
     *
     * @param tls whether the session ran STARTTLS (receipt rules with TlsPolicy Require bounce mail without)
     */
    Delivery receiveInbound(String mailFrom, List<String> recipients, byte[] raw, String remoteIp, boolean tls);

    /**
     * An authenticated client's message, sent exactly as SendRawEmail would send it.
     *
     * @return the SES message id
     * @throws AwsException as SendRawEmail would fail (MessageRejected and the like)
     */
    String submitRaw(String accountId, String region, String mailFrom, List<String> recipients, byte[] raw);

    /** What became of an inbound message: the recipients a rule took, and the ones it bounced or no rule matched. */
    record Delivery(String messageId, List<String> accepted, List<String> rejected) {
        public Delivery {
            accepted = List.copyOf(accepted);
            rejected = List.copyOf(rejected);
        }
    }
}
