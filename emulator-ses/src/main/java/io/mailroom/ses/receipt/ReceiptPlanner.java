package io.mailroom.ses.receipt;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.ses.SesState;
import io.mailroom.ses.account.Account;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds, for each envelope recipient, the account whose active receipt rule set takes it: on AWS a domain's
 * MX record points at one region's inbound endpoint and one account's active rule set applies. Here every
 * account and region shares the endpoint, so the first (by account id, then region) whose enabled rules match
 * takes the recipient. Disabled rules are skipped ("If true, the receipt rule is active").
 */
public final class ReceiptPlanner {
    private ReceiptPlanner() {
    }

    /** @param plans per account, the recipients it takes; {@code unmatched} the rest */
    public record Planning(List<ReceiptPlan> plans, List<String> unmatched) {
    }

    public static Planning plan(SesState state, List<String> recipients) {
        synchronized (state.lock) {
            Set<String> open = new LinkedHashSet<>(recipients);
            List<ReceiptPlan> plans = new ArrayList<>();
            for (Account account : state.accounts()) {
                if (open.isEmpty()) {
                    break;
                }
                ReceiptPlan plan = plan(account, List.copyOf(open));
                if (plan != null) {
                    plans.add(plan);
                    plan.recipients().forEach(open::remove);
                }
            }
            return new Planning(plans, List.copyOf(open));
        }
    }

    /** Whether some account's active rule set has an enabled rule for this recipient (SMTP RCPT TO). */
    public static boolean accepts(SesState state, String recipient) {
        return !plan(state, List.of(recipient)).plans().isEmpty();
    }

    private static ReceiptPlan plan(Account account, List<String> recipients) {
        ReceiptRules receipt = account.receipt;
        ReceiptRuleSet set = receipt.active().flatMap(receipt::find).orElse(null);
        if (set == null) {
            return null;
        }
        List<ReceiptPlan.PlannedRule> rules = new ArrayList<>();
        Set<String> taken = new LinkedHashSet<>();
        for (ObjectNode rule : set.rules()) {
            if (!rule.path("Enabled").asBoolean(false)) {
                continue;
            }
            List<String> matched = recipients.stream()
                    .filter(r -> RecipientMatcher.matches(rule, r, account.identities)).toList();
            if (!matched.isEmpty()) {
                rules.add(new ReceiptPlan.PlannedRule(rule.path("Name").asText(), rule.deepCopy(), matched));
                taken.addAll(matched);
            }
        }
        if (rules.isEmpty()) {
            return null;
        }
        List<ObjectNode> filters = receipt.filters.values().stream().map(ObjectNode::deepCopy).toList();
        List<String> ordered = recipients.stream().filter(taken::contains).toList();
        return new ReceiptPlan(account.scope, set.name(), filters, rules, ordered);
    }
}
