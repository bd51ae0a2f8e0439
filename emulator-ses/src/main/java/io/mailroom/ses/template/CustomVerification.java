package io.mailroom.ses.template;

import io.mailroom.ses.SesState;
import io.mailroom.ses.account.Account;
import io.mailroom.ses.account.Scope;
import io.mailroom.ses.api.Api;
import io.mailroom.ses.identity.IdentityNames;
import io.mailroom.ses.sending.Sender;
import java.util.List;
import java.util.Locale;

/**
 * Custom verification emails, shared by both APIs: the template's sender must be verified, the
 * recipient becomes an identity (verified at once, as if the link had been clicked) and the email is
 * kept in the mailbox like any other.
 */
public final class CustomVerification {
    private final SesState state;
    private final Sender sender;

    public CustomVerification(SesState state, Sender sender) {
        this.state = state;
        this.sender = sender;
    }

    public void checkFromVerified(Api api, Account account, String from) {
        if (!state.config.autoVerify() && account.identities.authorizing(from).isEmpty()) {
            throw api.error("FromEmailAddressNotVerifiedException", "BadRequestException",
                    "Email address " + from + " is not verified.");
        }
    }

    public String send(Api api, Scope scope, String templateName, String email, String configurationSetName) {
        String address = IdentityNames.requireEmail(api, email);
        CustomVerificationTemplate t;
        synchronized (state.lock) {
            Account account = state.account(scope);
            t = account.verificationTemplates.find(templateName).orElseThrow(() -> api.error(
                    "CustomVerificationEmailTemplateDoesNotExistException", "NotFoundException",
                    "Custom verification email template " + templateName + " does not exist."));
            if (configurationSetName != null && account.configurationSets.find(configurationSetName).isEmpty()) {
                throw api.configurationSetNotFound(configurationSetName);
            }
            checkFromVerified(api, account, t.fromEmailAddress());
            account.identities.add(address, state.now());
        }
        String link = "https://email-verification." + scope.region() + ".amazonaws.com/?Context=" + scope.accountId()
                + "&Identity.IdentityName=" + address + "&Identity.IdentityType=EmailAddress&Namespace=Bacon"
                + "&Operation=ConfirmVerification";
        String html = t.content() + "<p><a href=\"" + link + "\">" + link + "</a></p>";
        return sender.sendSystemMail(scope, t.fromEmailAddress(), List.of(address), t.subject(), null,
                html.toLowerCase(Locale.ROOT).contains("<html") ? html : "<html><body>" + html + "</body></html>");
    }
}
