package io.mailroom.server.config;

import java.util.List;

/** SES resources of one account and region. */
public record SesSetup(List<Located<String>> identities, List<TemplateSetup> templates,
                       List<ConfigurationSetSetup> configurationSets, List<NotificationSetup> identityNotifications,
                       List<RuleSetSetup> receiptRuleSets) {

    static final SesSetup EMPTY = new SesSetup(List.of(), List.of(), List.of(), List.of(), List.of());
}
