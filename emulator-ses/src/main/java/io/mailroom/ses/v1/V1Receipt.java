package io.mailroom.ses.v1;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.request.RequestContext;
import io.mailroom.ses.SesState;
import io.mailroom.ses.api.Api;
import io.mailroom.ses.api.Inputs;
import io.mailroom.ses.api.Outputs;
import io.mailroom.ses.receipt.ReceiptRuleSet;
import io.mailroom.ses.receipt.ReceiptRules;
import java.util.ArrayList;
import java.util.List;

/**
 * v1 receipt rule sets, rules and IP filters, stored with AWS's validation and ordering so infrastructure
 * code round-trips. The active rule set runs on inbound mail (SMTP, {@code POST /_mailroom/ses/inbound}).
 */
public final class V1Receipt {
    private static final Api API = Api.V1;
    private final SesState state;

    public V1Receipt(SesState state) {
        this.state = state;
    }

    private ReceiptRules rules(RequestContext ctx) {
        return state.account(ctx).receipt;
    }

    private static ReceiptRuleSet ruleSet(ReceiptRules r, String name) {
        return r.find(name).orElseThrow(() -> API.notFound("RuleSetDoesNotExistException",
                "Rule set does not exist: " + name));
    }

    private ReceiptRuleSet newSet(ReceiptRules r, String name) {
        if (r.ruleSets.containsKey(name)) {
            throw API.alreadyExists("AlreadyExistsException", "Rule set already exists: " + name);
        }
        if (r.ruleSets.size() >= ReceiptRules.MAX_RULE_SETS) {
            throw API.limitExceeded("Maximum number of rule sets reached.");
        }
        ReceiptRuleSet set = new ReceiptRuleSet(name, state.now());
        r.ruleSets.put(name, set);
        return set;
    }

    public ObjectNode createRuleSet(RequestContext ctx, ObjectNode in) {
        synchronized (state.lock) {
            newSet(rules(ctx), Inputs.text(in, "RuleSetName"));
        }
        return Outputs.object();
    }

    public ObjectNode cloneRuleSet(RequestContext ctx, ObjectNode in) {
        synchronized (state.lock) {
            ReceiptRules r = rules(ctx);
            ReceiptRuleSet original = ruleSet(r, Inputs.text(in, "OriginalRuleSetName"));
            ReceiptRuleSet copy = newSet(r, Inputs.text(in, "RuleSetName"));
            original.rules().forEach(rule -> copy.rules().add(rule.deepCopy()));
        }
        return Outputs.object();
    }

    /** The active rule set cannot be deleted; a missing one is not an error. */
    public ObjectNode deleteRuleSet(RequestContext ctx, ObjectNode in) {
        String name = Inputs.text(in, "RuleSetName");
        synchronized (state.lock) {
            ReceiptRules r = rules(ctx);
            if (r.active().filter(name::equals).isPresent()) {
                throw API.error("CannotDeleteException", "BadRequestException", "Cannot delete active rule set: " + name);
            }
            r.ruleSets.remove(name);
        }
        return Outputs.object();
    }

    public ObjectNode describeRuleSet(RequestContext ctx, ObjectNode in) {
        synchronized (state.lock) {
            return setJson(ruleSet(rules(ctx), Inputs.text(in, "RuleSetName")));
        }
    }

    public ObjectNode listRuleSets(RequestContext ctx, ObjectNode in) {
        synchronized (state.lock) {
            ObjectNode out = Outputs.object();
            ArrayNode sets = out.putArray("RuleSets");
            rules(ctx).ruleSets.values().forEach(s -> Outputs.timestamp(sets.addObject().put("Name", s.name()),
                    "CreatedTimestamp", s.createdMillis()));
            return out;
        }
    }

    /** Omitting RuleSetName deactivates every rule set. */
    public ObjectNode setActive(RequestContext ctx, ObjectNode in) {
        String name = Inputs.text(in, "RuleSetName");
        synchronized (state.lock) {
            ReceiptRules r = rules(ctx);
            if (name != null) {
                ruleSet(r, name);
            }
            r.active(name);
        }
        return Outputs.object();
    }

    public ObjectNode describeActive(RequestContext ctx, ObjectNode in) {
        synchronized (state.lock) {
            ReceiptRules r = rules(ctx);
            return r.active().map(name -> setJson(r.ruleSets.get(name))).orElseGet(Outputs::object);
        }
    }

    /** RuleNames must list exactly the set's rules. */
    public ObjectNode reorder(RequestContext ctx, ObjectNode in) {
        synchronized (state.lock) {
            ReceiptRuleSet set = ruleSet(rules(ctx), Inputs.text(in, "RuleSetName"));
            List<String> order = Inputs.strings(in, "RuleNames");
            if (order.size() != set.rules().size() || order.stream().distinct().count() != order.size()) {
                throw API.invalidParameter("RuleNames must contain every rule of the rule set exactly once.");
            }
            List<ObjectNode> reordered = new ArrayList<>();
            for (String name : order) {
                int i = set.indexOf(name);
                if (i < 0) {
                    throw API.notFound("RuleDoesNotExistException", "Rule does not exist: " + name);
                }
                reordered.add(set.rules().get(i));
            }
            set.rules().clear();
            set.rules().addAll(reordered);
        }
        return Outputs.object();
    }

    public ObjectNode createRule(RequestContext ctx, ObjectNode in) {
        ObjectNode rule = validRule(in);
        synchronized (state.lock) {
            ReceiptRuleSet set = ruleSet(rules(ctx), Inputs.text(in, "RuleSetName"));
            String name = rule.path("Name").asText();
            if (set.indexOf(name) >= 0) {
                throw API.alreadyExists("AlreadyExistsException", "Rule already exists: " + name);
            }
            if (set.rules().size() >= ReceiptRuleSet.MAX_RULES) {
                throw API.limitExceeded("Maximum number of rules in rule set reached.");
            }
            set.rules().add(position(set, Inputs.text(in, "After")), rule);
        }
        return Outputs.object();
    }

    public ObjectNode updateRule(RequestContext ctx, ObjectNode in) {
        ObjectNode rule = validRule(in);
        synchronized (state.lock) {
            ReceiptRuleSet set = ruleSet(rules(ctx), Inputs.text(in, "RuleSetName"));
            int i = existingRule(set, rule.path("Name").asText());
            set.rules().set(i, rule);
        }
        return Outputs.object();
    }

    public ObjectNode deleteRule(RequestContext ctx, ObjectNode in) {
        synchronized (state.lock) {
            ReceiptRuleSet set = ruleSet(rules(ctx), Inputs.text(in, "RuleSetName"));
            int i = set.indexOf(Inputs.text(in, "RuleName"));
            if (i >= 0) {
                set.rules().remove(i);
            }
        }
        return Outputs.object();
    }

    public ObjectNode describeRule(RequestContext ctx, ObjectNode in) {
        synchronized (state.lock) {
            ReceiptRuleSet set = ruleSet(rules(ctx), Inputs.text(in, "RuleSetName"));
            ObjectNode out = Outputs.object();
            out.set("Rule", set.rules().get(existingRule(set, Inputs.text(in, "RuleName"))).deepCopy());
            return out;
        }
    }

    public ObjectNode setPosition(RequestContext ctx, ObjectNode in) {
        synchronized (state.lock) {
            ReceiptRuleSet set = ruleSet(rules(ctx), Inputs.text(in, "RuleSetName"));
            ObjectNode rule = set.rules().remove(existingRule(set, Inputs.text(in, "RuleName")));
            try {
                set.rules().add(position(set, Inputs.text(in, "After")), rule);
            } catch (RuntimeException e) {
                set.rules().add(rule);
                throw e;
            }
        }
        return Outputs.object();
    }

    public ObjectNode createFilter(RequestContext ctx, ObjectNode in) {
        JsonNode filter = Inputs.node(in, "Filter");
        String name = Inputs.text(filter, "Name");
        String cidr = Inputs.text(Inputs.node(filter, "IpFilter"), "Cidr");
        if (cidr == null || !cidr.matches("^\\d{1,3}(\\.\\d{1,3}){3}(/\\d{1,2})?$")) {
            throw API.invalidParameter("Invalid CIDR: " + cidr);
        }
        synchronized (state.lock) {
            ReceiptRules r = rules(ctx);
            if (r.filters.containsKey(name)) {
                throw API.alreadyExists("AlreadyExistsException", "Filter already exists: " + name);
            }
            if (r.filters.size() >= ReceiptRules.MAX_FILTERS) {
                throw API.limitExceeded("Maximum number of receipt filters reached.");
            }
            r.filters.put(name, (ObjectNode) filter.deepCopy());
        }
        return Outputs.object();
    }

    public ObjectNode deleteFilter(RequestContext ctx, ObjectNode in) {
        synchronized (state.lock) {
            rules(ctx).filters.remove(Inputs.text(in, "FilterName"));
        }
        return Outputs.object();
    }

    public ObjectNode listFilters(RequestContext ctx, ObjectNode in) {
        synchronized (state.lock) {
            ObjectNode out = Outputs.object();
            ArrayNode filters = out.putArray("Filters");
            rules(ctx).filters.values().forEach(f -> filters.add(f.deepCopy()));
            return out;
        }
    }

    /** SNS actions must name a topic of this server (InvalidSnsTopic). */
    private ObjectNode validRule(ObjectNode in) {
        ObjectNode rule = (ObjectNode) Inputs.node(in, "Rule").deepCopy();
        JsonNode actions = rule.get("Actions");
        if (actions != null) {
            for (JsonNode a : actions) {
                for (JsonNode action : a) {
                    String topic = Inputs.text(action, "TopicArn");
                    if (topic != null && !state.topics.exists(topic)) {
                        throw API.error("InvalidSnsTopicException", "BadRequestException",
                                "Could not publish to SNS topic <" + topic + ">.");
                    }
                }
            }
        }
        if (!rule.has("Enabled")) {
            rule.put("Enabled", false);
        }
        if (!rule.has("TlsPolicy")) {
            rule.put("TlsPolicy", "Optional");
        }
        if (!rule.has("ScanEnabled")) {
            rule.put("ScanEnabled", false);
        }
        return rule;
    }

    private static int position(ReceiptRuleSet set, String after) {
        if (after == null) {
            return 0;
        }
        int i = set.indexOf(after);
        if (i < 0) {
            throw API.notFound("RuleDoesNotExistException", "Rule does not exist: " + after);
        }
        return i + 1;
    }

    private static int existingRule(ReceiptRuleSet set, String name) {
        int i = set.indexOf(name);
        if (i < 0) {
            throw API.notFound("RuleDoesNotExistException", "Rule does not exist: " + name);
        }
        return i;
    }

    private static ObjectNode setJson(ReceiptRuleSet set) {
        ObjectNode out = Outputs.object();
        ObjectNode meta = out.putObject("Metadata");
        meta.put("Name", set.name());
        Outputs.timestamp(meta, "CreatedTimestamp", set.createdMillis());
        ArrayNode rules = out.putArray("Rules");
        set.rules().forEach(r -> rules.add(r.deepCopy()));
        return out;
    }
}
