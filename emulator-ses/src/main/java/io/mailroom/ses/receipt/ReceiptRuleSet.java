package io.mailroom.ses.receipt;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A v1 receipt rule set: ordered rules kept as given (the ReceiptRule tree). The active set's rules run on
 * inbound mail ({@link ReceiptProcessor}).
 */
public final class ReceiptRuleSet {
    /** "Each receipt rule set can contain up to 200 receipt rules." */
    public static final int MAX_RULES = 200;

    private final String name;
    private final long createdMillis;
    private final List<ObjectNode> rules = new ArrayList<>();

    public ReceiptRuleSet(String name, long createdMillis) {
        this.name = name;
        this.createdMillis = createdMillis;
    }

    public String name() {
        return name;
    }

    public long createdMillis() {
        return createdMillis;
    }

    public List<ObjectNode> rules() {
        return rules;
    }

    public int indexOf(String ruleName) {
        for (int i = 0; i < rules.size(); i++) {
            if (ruleName.equals(rules.get(i).path("Name").asText())) {
                return i;
            }
        }
        return -1;
    }
}
