package io.mailroom.ses.receipt;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.TreeMap;

/** Receipt rule sets and IP filters of one account and region. */
public final class ReceiptRules {
    /** "You can have up to 40 receipt rule sets per AWS account." */
    public static final int MAX_RULE_SETS = 40;
    /** "You can have up to 100 IP address filters per AWS account." */
    public static final int MAX_FILTERS = 100;

    public final TreeMap<String, ReceiptRuleSet> ruleSets = new TreeMap<>();
    public final TreeMap<String, ObjectNode> filters = new TreeMap<>();
    private String active;

    public Optional<ReceiptRuleSet> find(String name) {
        return Optional.ofNullable(ruleSets.get(name));
    }

    public Optional<String> active() {
        return Optional.ofNullable(active);
    }

    public void active(String name) {
        active = name;
    }

    public void clear() {
        ruleSets.clear();
        filters.clear();
        active = null;
    }
}
