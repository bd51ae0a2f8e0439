package io.mailroom.ses.account;

import io.mailroom.ses.configset.ConfigurationSets;
import io.mailroom.ses.contact.ContactLists;
import io.mailroom.ses.identity.Identities;
import io.mailroom.ses.receipt.ReceiptRules;
import io.mailroom.ses.sending.SendStatistics;
import io.mailroom.ses.suppression.SuppressionList;
import io.mailroom.ses.template.CustomVerificationTemplates;
import io.mailroom.ses.template.Templates;

/** Everything SES keeps for one account in one region; v1 and v2 read and write the same objects. */
public final class Account {
    public final Scope scope;
    public final Identities identities = new Identities();
    public final Templates templates = new Templates();
    public final CustomVerificationTemplates verificationTemplates = new CustomVerificationTemplates();
    public final ConfigurationSets configurationSets = new ConfigurationSets();
    public final SuppressionList suppression = new SuppressionList();
    public final ContactLists contactLists = new ContactLists();
    public final AccountSettings settings = new AccountSettings();
    public final DedicatedIpPools dedicatedIpPools = new DedicatedIpPools();
    public final ResourceTags tags = new ResourceTags();
    public final ReceiptRules receipt = new ReceiptRules();
    public final SendStatistics statistics = new SendStatistics();

    public Account(Scope scope) {
        this.scope = scope;
    }
}
