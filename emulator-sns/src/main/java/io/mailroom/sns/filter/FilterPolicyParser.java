package io.mailroom.sns.filter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mailroom.core.error.AwsException;
import io.mailroom.sns.MalformedJson;
import io.mailroom.sns.SnsErrors;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Validates a filter policy as AWS does and compiles it into an {@link ObjectRule} tree: at most 256 KB,
 * well-formed, then within the key and combination limits ({@link PolicyLimits}). Errors are
 * InvalidParameter with AWS's "Invalid parameter: FilterPolicy: ..." messages (Subscribe puts "Attributes
 * Reason: " before the detail, see SubscriptionAttributes); a syntax error ends with where AWS's parser
 * stood ({@link Spot}).
 * AWS's parser streams through the policy, so the checks here follow the policy's order: of two mistakes
 * in well-formed JSON the first one written is the one reported (JSON that does not parse is reported as
 * such, wherever the policy's own mistakes are).
 */
public final class FilterPolicyParser {
    public static final int MAX_BYTES = 256 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode policy;
    private boolean nested;

    private FilterPolicyParser(JsonNode policy) {
        this.policy = policy;
    }

    /** Parses and validates a policy; throws InvalidParameter as AWS would in SetSubscriptionAttributes. */
    public static FilterPolicy parse(String json, FilterScope scope) {
        if (json.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw invalid("Filter policy is too long");
        }
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw invalid(MalformedJson.reason(e));
        }
        if (node == null || !node.isObject()) {
            throw invalid("Filter policy must be a JSON object");
        }
        FilterPolicyParser parser = new FilterPolicyParser(node);
        ObjectRule root = parser.object(node, true);
        if (parser.nested && scope == FilterScope.MESSAGE_ATTRIBUTES) {
            // Checked once the whole policy is known to be well-formed: AWS answers a malformed nested
            // object ({"key":{"suffix":"x"}}) with the syntax error, and this one not under "FilterPolicy:".
            throw SnsErrors.invalid("Filter policy scope MessageAttributes does not support nested filter policy");
        }
        String exceeded = PolicyLimits.exceeded(root);
        if (exceeded != null) {
            // Not a syntax error: AWS tells no position.
            throw invalid(exceeded);
        }
        return new FilterPolicy(scope, root);
    }

    private ObjectRule object(JsonNode node, boolean root) {
        if (node.isEmpty() && !root) {
            throw fail("Empty objects are not allowed", Spot.end(node));
        }
        List<FieldRule> fields = new ArrayList<>();
        List<List<ObjectRule>> anyOf = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String key = entry.getKey();
            JsonNode value = entry.getValue();
            if (key.equals("$or")) {
                anyOf.add(or(node, value));
            } else if (value.isArray()) {
                fields.add(leaf(key, value));
            } else if (value.isObject()) {
                nested = true;
                fields.add(FieldRule.nested(key, object(value, false)));
            } else {
                throw fail("\"" + key + "\" must be an object or an array", Spot.at(node, key));
            }
        }
        return new ObjectRule(fields, anyOf);
    }

    private List<ObjectRule> or(JsonNode object, JsonNode value) {
        if (!value.isArray()) {
            throw fail("Or relationship must be an array", Spot.at(object, "$or"));
        }
        List<ObjectRule> alternatives = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode alternative = value.get(i);
            if (!alternative.isObject() || alternative.isEmpty()) {
                throw fail("Or relationship alternatives must be non-empty objects",
                        alternative.isObject() ? Spot.end(alternative) : Spot.at(value, i));
            }
            alternatives.add(object(alternative, false));
        }
        if (alternatives.size() < 2) {
            throw fail("Or relationship must have at least 2 alternatives", Spot.end(value));
        }
        return alternatives;
    }

    private FieldRule leaf(String key, JsonNode array) {
        if (array.isEmpty()) {
            throw fail("Empty arrays are not allowed", Spot.end(array));
        }
        Set<String> strings = new LinkedHashSet<>();
        List<Condition> conditions = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode element = array.get(i);
            if (element.isTextual()) {
                strings.add(element.textValue());
            } else if (element.isNumber()) {
                conditions.add(new Condition.NumberEquals(number(array, i, "=")));
            } else if (element.isBoolean()) {
                conditions.add(new Condition.BooleanEquals(element.booleanValue()));
            } else if (element.isNull()) {
                conditions.add(new Condition.NullEquals());
            } else if (element.isObject()) {
                conditions.add(operator(element));
            } else {
                throw fail("Match value must be String, number, true, false, or null", Spot.at(array, i));
            }
        }
        if (!strings.isEmpty()) {
            conditions.add(0, new Condition.Strings(Set.copyOf(strings)));
        }
        return FieldRule.leaf(key, conditions, array.size());
    }

    /** A match expression, {@code {"operator": operand}}: one key, checked whole before a second is refused. */
    private Condition operator(JsonNode expression) {
        if (expression.isEmpty()) {
            throw fail("Empty objects are not allowed", Spot.end(expression));
        }
        String op = expression.fieldNames().next();
        JsonNode operand = expression.get(op);
        Condition condition = switch (op) {
            case "prefix" -> new Condition.Prefix(affix(expression, op), operand.isObject());
            case "suffix" -> new Condition.Suffix(affix(expression, op), operand.isObject());
            case "equals-ignore-case" -> {
                if (!operand.isTextual()) {
                    throw fail("equals-ignore-case match pattern must be a string", Spot.at(expression, op));
                }
                yield new Condition.EqualsIgnoreCase(operand.textValue());
            }
            case "anything-but" -> anythingBut(expression);
            case "exists" -> {
                if (!operand.isBoolean()) {
                    throw fail("exists match pattern must be either true or false.", Spot.at(expression, op));
                }
                yield new Condition.Exists(operand.booleanValue());
            }
            case "numeric" -> numeric(expression);
            case "cidr" -> cidr(expression);
            default -> throw fail("Unrecognized match type " + op, Spot.at(expression, op));
        };
        onlyOneKey(expression);
        return condition;
    }

    private void onlyOneKey(JsonNode expression) {
        if (expression.size() > 1) {
            Iterator<String> keys = expression.fieldNames();
            keys.next();
            throw fail("Only one key allowed in match expression", Spot.at(expression, keys.next()));
        }
    }

    /** A prefix/suffix operand: a string, or {@code {"equals-ignore-case": "..."}} for a case-blind one. */
    private String affix(JsonNode expression, String op) {
        JsonNode operand = expression.get(op);
        if (operand.isTextual()) {
            return operand.textValue();
        }
        if (operand.isObject() && operand.size() == 1 && operand.has("equals-ignore-case")
                && operand.get("equals-ignore-case").isTextual()) {
            return operand.get("equals-ignore-case").textValue();
        }
        throw fail(op + " match pattern must be a string", Spot.at(expression, op));
    }

    private Condition anythingBut(JsonNode expression) {
        JsonNode operand = expression.get("anything-but");
        Set<String> strings = new HashSet<>();
        Set<Long> numbers = new HashSet<>();
        if (operand.isTextual()) {
            strings.add(operand.textValue());
        } else if (operand.isNumber()) {
            numbers.add(Numbers.scaled(number(operand, "anything-but", Spot.at(expression, "anything-but"))));
        } else if (operand.isArray()) {
            if (operand.isEmpty()) {
                throw fail("Empty arrays are not allowed", Spot.end(operand));
            }
            for (int i = 0; i < operand.size(); i++) {
                JsonNode element = operand.get(i);
                if (element.isTextual()) {
                    strings.add(element.textValue());
                } else if (element.isNumber()) {
                    numbers.add(Numbers.scaled(number(operand, i, "anything-but")));
                } else {
                    throw fail("Inside anything but list, start|null|boolean is not supported.", Spot.at(operand, i));
                }
            }
        } else if (operand.isObject()) {
            return anythingButPattern(operand);
        } else {
            throw fail("Value of anything-but must be an array or single string/number value.",
                    Spot.at(expression, "anything-but"));
        }
        return new Condition.AnythingBut(Set.copyOf(strings), Set.copyOf(numbers));
    }

    /** {@code {"anything-but": {"prefix"|"equals-ignore-case": ...}}}. */
    private Condition anythingButPattern(JsonNode pattern) {
        if (pattern.isEmpty()) {
            throw fail("Only one key allowed in match expression", Spot.end(pattern));
        }
        String op = pattern.fieldNames().next();
        JsonNode operand = pattern.get(op);
        Condition condition = switch (op) {
            case "prefix" -> {
                if (!operand.isTextual()) {
                    throw fail("prefix match pattern must be a string", Spot.at(pattern, op));
                }
                yield new Condition.AnythingButPrefix(operand.textValue());
            }
            case "equals-ignore-case" -> {
                Set<String> lowered = new HashSet<>();
                if (operand.isTextual()) {
                    lowered.add(operand.textValue().toLowerCase(Locale.ROOT));
                } else if (operand.isArray() && !operand.isEmpty()) {
                    for (int i = 0; i < operand.size(); i++) {
                        if (!operand.get(i).isTextual()) {
                            throw fail("Inside anything-but/equals-ignore-case list, "
                                    + "number|start|null|boolean is not supported.", Spot.at(operand, i));
                        }
                        lowered.add(operand.get(i).textValue().toLowerCase(Locale.ROOT));
                    }
                } else {
                    throw fail("equals-ignore-case match pattern must be a string", Spot.at(pattern, op));
                }
                yield new Condition.AnythingButEqualsIgnoreCase(Set.copyOf(lowered));
            }
            // SNS takes no suffix under anything-but (EventBridge does): refused like an unknown key.
            default -> throw fail("Unsupported anything-but pattern: " + op, Spot.at(pattern, op));
        };
        onlyOneKey(pattern);
        return condition;
    }

    /**
     * {@code [op, n]} or {@code [">"|">=", n, "<"|"<=", m]}. AWS words each mistake by where in the array
     * its parser met it, so the checks follow the array in order.
     */
    private Condition numeric(JsonNode expression) {
        JsonNode array = expression.get("numeric");
        if (!array.isArray()) {
            throw fail("Value of numeric must be an array.", Spot.at(expression, "numeric"));
        }
        if (array.isEmpty() || !array.get(0).isTextual()) {
            throw fail("Invalid member in numeric match: " + token(array, 0), spotOf(array, 0));
        }
        String op = array.get(0).textValue();
        switch (op) {
            case "=" -> {
                double operand = operand(array, 1, "equals");
                noMoreThan(array, 2, "Too many elements in numeric expression");
                return new Condition.NumericRange(operand, true, operand, true);
            }
            case "<", "<=" -> {
                double upper = operand(array, 1, op);
                noMoreThan(array, 2, "Too many elements in numeric expression");
                return new Condition.NumericRange(Double.NEGATIVE_INFINITY, false, upper, op.equals("<="));
            }
            case ">", ">=" -> {
                double lower = operand(array, 1, op);
                if (array.size() == 2) {
                    return new Condition.NumericRange(lower, op.equals(">="), Double.POSITIVE_INFINITY, false);
                }
                if (!array.get(2).isTextual()) {
                    throw fail("Bad value in numeric range: " + token(array, 2), Spot.at(array, 2));
                }
                String upperOp = array.get(2).textValue();
                if (!upperOp.equals("<") && !upperOp.equals("<=")) {
                    throw fail("Bad numeric range operator: " + upperOp, Spot.after(array, 2));
                }
                double upper = operand(array, 3, upperOp);
                noMoreThan(array, 4, "Too many terms in numeric range expression");
                if (lower >= upper) {
                    throw fail("Bottom must be less than top", Spot.end(array));
                }
                return new Condition.NumericRange(lower, op.equals(">="), upper, upperOp.equals("<="));
            }
            // Told once the parser has moved on to what follows the operator.
            default -> throw fail("Unrecognized numeric range operator: " + op, spotOf(array, 1));
        }
    }

    /** The number after an operator ({@code name} is how AWS's message names the operator). */
    private double operand(JsonNode array, int index, String name) {
        if (index >= array.size()) {
            throw fail("Value of " + name + " must be numeric", Spot.end(array));
        }
        return number(array, index, name);
    }

    private void noMoreThan(JsonNode array, int size, String message) {
        if (array.size() > size) {
            throw fail(message, Spot.at(array, size));
        }
    }

    /** A JSON token as AWS's parser quotes it: the closing bracket when the array ends there. */
    private static String token(JsonNode array, int index) {
        if (index >= array.size()) {
            return "]";
        }
        JsonNode node = array.get(index);
        return node.isArray() ? "[" : node.isObject() ? "{" : node.isTextual() ? node.textValue() : node.toString();
    }

    /** The element's first token, or the array's closing bracket when there is no such element. */
    private static Spot spotOf(JsonNode array, int index) {
        return index < array.size() ? Spot.at(array, index) : Spot.end(array);
    }

    private double number(JsonNode array, int index, String op) {
        return number(array.get(index), op, Spot.at(array, index));
    }

    private double number(JsonNode node, String op, Spot spot) {
        if (!node.isNumber()) {
            throw fail("Value of " + op + " must be numeric", spot);
        }
        double v = node.doubleValue();
        if (!Numbers.inRange(v)) {
            throw fail("Numeric value must be between -1.0E9 and 1.0E9, got " + node.asText(), spot);
        }
        return v;
    }

    private Condition cidr(JsonNode expression) {
        JsonNode operand = expression.get("cidr");
        if (!operand.isTextual()) {
            throw fail("cidr match pattern must be a string", Spot.at(expression, "cidr"));
        }
        // The pattern's text has been read by the time it is found wanting.
        Spot read = Spot.after(expression, "cidr");
        String[] parts = operand.textValue().split("/", -1);
        if (parts.length != 2) {
            throw fail("Malformed CIDR, one '/' required", read);
        }
        byte[] address = IpAddresses.parse(parts[0]);
        if (address == null) {
            throw fail("Nonstandard IP address: " + parts[0], read);
        }
        int bits;
        try {
            bits = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw fail("Malformed CIDR, mask bits must be an integer", read);
        }
        int width = address.length * 8;
        if (bits < 0 || bits > width) {
            throw fail("Malformed CIDR, mask bits must be between 0 and " + width, read);
        }
        BigInteger all = BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE);
        BigInteger mask = all.xor(BigInteger.ONE.shiftLeft(width - bits).subtract(BigInteger.ONE));
        return new Condition.Cidr(new BigInteger(1, address).and(mask), mask, address.length);
    }

    /** A syntax error, told with where AWS's parser stood. */
    private AwsException fail(String message, Spot spot) {
        return invalid(message + spot.describeIn(policy));
    }

    private static AwsException invalid(String message) {
        return SnsErrors.invalid("FilterPolicy: " + message);
    }
}
