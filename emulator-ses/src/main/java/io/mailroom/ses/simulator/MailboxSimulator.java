package io.mailroom.ses.simulator;

import java.util.Locale;
import java.util.Optional;

/**
 * The SES mailbox simulator (https://docs.aws.amazon.com/ses/latest/dg/send-an-email-from-console.html#send-email-simulator):
 * addresses at {@code simulator.amazonses.com} produce a fixed outcome; a {@code +label} is allowed and
 * ignored ({@code success+signup@simulator.amazonses.com}).
 */
public final class MailboxSimulator {
    public static final String DOMAIN = "simulator.amazonses.com";

    static final Outcome.Bounced HARD_BOUNCE =
            new Outcome.Bounced("Permanent", "General", "5.1.1", "smtp; 550 5.1.1 user unknown", true);
    /** "... as if the address were on the Amazon SES suppression list". */
    static final Outcome.Bounced SUPPRESSED = new Outcome.Bounced("Permanent", "Suppressed", "5.1.1",
            "Amazon SES has suppressed sending to this address because it has a recent history of bouncing as an"
                    + " invalid address. For more information about how to remove an address from the suppression"
                    + " list, see the Amazon SES Developer Guide:"
                    + " http://docs.aws.amazon.com/ses/latest/DeveloperGuide/remove-from-suppressionlist.html ",
            false);
    /** A recipient on the account-level suppression list (v2 PutSuppressedDestination). */
    public static final Outcome.Bounced ACCOUNT_SUPPRESSED = new Outcome.Bounced("Permanent",
            "OnAccountSuppressionList", "5.1.1",
            "Amazon SES did not send the message to this address because it is on the suppression list for your"
                    + " account. For more information about removing addresses from the suppression list, see the"
                    + " Amazon SES Developer Guide at https://docs.aws.amazon.com/ses/latest/DeveloperGuide/sending-email-suppression-list.html",
            false);

    private MailboxSimulator() {
    }

    public static boolean isSimulator(String address) {
        return address.toLowerCase(Locale.ROOT).endsWith("@" + DOMAIN);
    }

    /** The simulated outcome for a simulator address; empty for any other address. */
    public static Optional<Outcome> outcome(String address) {
        if (!isSimulator(address)) {
            return Optional.empty();
        }
        String local = address.substring(0, address.lastIndexOf('@')).toLowerCase(Locale.ROOT);
        int plus = local.indexOf('+');
        if (plus >= 0) {
            local = local.substring(0, plus);
        }
        return Optional.ofNullable(switch (local) {
            case "success" -> new Outcome.Delivered();
            case "bounce" -> HARD_BOUNCE;
            case "ooto" -> new Outcome.OutOfOffice();
            case "complaint" -> new Outcome.Complained("abuse");
            case "suppressionlist" -> SUPPRESSED;
            // Any other simulator mailbox does not exist: the simulator's server answers 550.
            default -> HARD_BOUNCE;
        });
    }
}
