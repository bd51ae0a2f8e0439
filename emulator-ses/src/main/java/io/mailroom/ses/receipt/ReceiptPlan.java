package io.mailroom.ses.receipt;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.ses.account.Scope;
import java.util.List;

/**
 * What one account's active rule set will do with an inbound message, taken under the SES lock so the rules
 * run on a consistent copy while the lock is free (actions call S3 and SNS, which may call back into SES).
 *
 * @param recipients the envelope recipients this account takes (matched by at least one enabled rule)
 * @param filters    the account's receipt IP filters
 * @param rules      the enabled rules that match some of those recipients, in rule set order
 */
public record ReceiptPlan(Scope scope, String ruleSet, List<ObjectNode> filters, List<PlannedRule> rules,
                          List<String> recipients) {

    /** @param recipients the recipients this rule matches ({@code receipt.recipients} of its actions) */
    public record PlannedRule(String name, ObjectNode rule, List<String> recipients) {
        public boolean scanEnabled() {
            return rule.path("ScanEnabled").asBoolean(false);
        }

        /** "If this parameter is set to Require, Amazon SES bounces emails that are not received over TLS." */
        public boolean requiresTls() {
            return "Require".equals(rule.path("TlsPolicy").asText());
        }
    }

    /** SES scans a message when a rule that applies to it asks for it; the verdict headers then appear. */
    public boolean scanned() {
        return rules.stream().anyMatch(PlannedRule::scanEnabled);
    }
}
