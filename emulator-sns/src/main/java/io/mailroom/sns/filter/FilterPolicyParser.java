package io.mailroom.sns.filter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mailroom.core.error.AwsException;
import io.mailroom.sns.SnsErrors;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Validates a filter policy as AWS does and compiles it into an {@link ObjectRule} tree: at most 256 KB,
 * well-formed, then within the key and combination limits ({@link PolicyLimits}). Errors are
 * InvalidParameter with AWS's "Invalid parameter: FilterPolicy: ..." messages, after the caller's reason
 * ("Attributes Reason: " in Subscribe).
 */
public final class FilterPolicyParser {
    public static final int MAX_BYTES = 256 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String reason;
    private boolean nested;

    private FilterPolicyParser(String reason) {
        this.reason = reason;
    }

    /** Parses and validates a policy; throws InvalidParameter as AWS would in SetSubscriptionAttributes. */
    public static FilterPolicy parse(String json, FilterScope scope) {
        return parse(json, scope, "");
    }

    /**
     * Parses and validates a policy; throws InvalidParameter as AWS would, its message starting with
     * {@code reason} (Subscribe's is "Attributes Reason: ").
     */
    public static FilterPolicy parse(String json, FilterScope scope, String reason) {
        FilterPolicyParser parser = new FilterPolicyParser(reason);
        if (json.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw parser.fail("Filter policy is too long");
        }
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw parser.fail("failed to parse JSON. " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw parser.fail("Filter policy must be a JSON object");
        }
        ObjectRule root = parser.object(node, true);
        if (parser.nested && scope == FilterScope.MESSAGE_ATTRIBUTES) {
            // Checked once the whole policy is known to be well-formed: AWS answers a malformed nested
            // object ({"key":{"suffix":"x"}}) with the syntax error, and this one not under "FilterPolicy:".
            throw SnsErrors.invalid(reason + "Filter policy scope MessageAttributes does not support nested filter policy");
        }
        String exceeded = PolicyLimits.exceeded(root);
        if (exceeded != null) {
            throw parser.fail(exceeded);
        }
        return new FilterPolicy(scope, root);
    }

    private ObjectRule object(JsonNode node, boolean root) {
        if (node.isEmpty() && !root) {
            throw fail("Empty objects are not allowed");
        }
        List<FieldRule> fields = new ArrayList<>();
        List<List<ObjectRule>> anyOf = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : iterable(node)) {
            String key = entry.getKey();
            JsonNode value = entry.getValue();
            if (key.equals("$or")) {
                anyOf.add(or(value));
            } else if (value.isArray()) {
                fields.add(leaf(key, value));
            } else if (value.isObject()) {
                nested = true;
                fields.add(FieldRule.nested(key, object(value, false)));
            } else {
                throw fail("\"" + key + "\" must be an object or an array");
            }
        }
        return new ObjectRule(fields, anyOf);
    }

    private List<ObjectRule> or(JsonNode value) {
        if (!value.isArray()) {
            throw fail("Or relationship must be an array");
        }
        if (value.size() < 2) {
            throw fail("Or relationship must have at least 2 alternatives");
        }
        List<ObjectRule> alternatives = new ArrayList<>();
        for (JsonNode alternative : value) {
            if (!alternative.isObject() || alternative.isEmpty()) {
                throw fail("Or relationship alternatives must be non-empty objects");
            }
            alternatives.add(object(alternative, false));
        }
        return alternatives;
    }

    private FieldRule leaf(String key, JsonNode array) {
        if (array.isEmpty()) {
            throw fail("Empty arrays are not allowed");
        }
        Set<String> strings = new LinkedHashSet<>();
        List<Condition> conditions = new ArrayList<>();
        for (JsonNode element : array) {
            if (element.isTextual()) {
                strings.add(element.textValue());
            } else if (element.isNumber()) {
                conditions.add(new Condition.NumberEquals(number(element, "=")));
            } else if (element.isBoolean()) {
                conditions.add(new Condition.BooleanEquals(element.booleanValue()));
            } else if (element.isNull()) {
                conditions.add(new Condition.NullEquals());
            } else if (element.isObject()) {
                conditions.add(operator(element));
            } else {
                throw fail("Match value must be String, number, true, false, or null");
            }
        }
        if (!strings.isEmpty()) {
            conditions.add(0, new Condition.Strings(Set.copyOf(strings)));
        }
        return FieldRule.leaf(key, conditions, array.size());
    }

    private Condition operator(JsonNode object) {
        if (object.isEmpty()) {
            throw fail("Empty objects are not allowed");
        }
        if (object.size() > 1) {
            throw fail("Only one key allowed in match expression");
        }
        Map.Entry<String, JsonNode> entry = object.fields().next();
        String op = entry.getKey();
        JsonNode value = entry.getValue();
        return switch (op) {
            case "prefix" -> {
                String p = affix(value, "prefix");
                yield new Condition.Prefix(p, value.isObject());
            }
            case "suffix" -> {
                String s = affix(value, "suffix");
                yield new Condition.Suffix(s, value.isObject());
            }
            case "equals-ignore-case" -> {
                if (!value.isTextual()) {
                    throw fail("equals-ignore-case match pattern must be a string");
                }
                yield new Condition.EqualsIgnoreCase(value.textValue());
            }
            case "anything-but" -> anythingBut(value);
            case "exists" -> {
                if (!value.isBoolean()) {
                    throw fail("exists match pattern must be either true or false.");
                }
                yield new Condition.Exists(value.booleanValue());
            }
            case "numeric" -> numeric(value);
            case "cidr" -> cidr(value);
            default -> throw fail("Unrecognized match type " + op);
        };
    }

    /** A prefix/suffix operand: a string, or {@code {"equals-ignore-case": "..."}} for a case-blind one. */
    private String affix(JsonNode value, String op) {
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isObject() && value.size() == 1 && value.has("equals-ignore-case")
                && value.get("equals-ignore-case").isTextual()) {
            return value.get("equals-ignore-case").textValue();
        }
        throw fail(op + " match pattern must be a string");
    }

    private Condition anythingBut(JsonNode value) {
        Set<String> strings = new HashSet<>();
        Set<Long> numbers = new HashSet<>();
        if (value.isTextual()) {
            strings.add(value.textValue());
        } else if (value.isNumber()) {
            numbers.add(Numbers.scaled(number(value, "anything-but")));
        } else if (value.isArray()) {
            if (value.isEmpty()) {
                throw fail("Empty arrays are not allowed");
            }
            for (JsonNode element : value) {
                if (element.isTextual()) {
                    strings.add(element.textValue());
                } else if (element.isNumber()) {
                    numbers.add(Numbers.scaled(number(element, "anything-but")));
                } else {
                    throw fail("Inside anything but list, start|null|boolean is not supported.");
                }
            }
        } else if (value.isObject()) {
            if (value.size() != 1) {
                throw fail("Only one key allowed in match expression");
            }
            Map.Entry<String, JsonNode> inner = value.fields().next();
            JsonNode operand = inner.getValue();
            return switch (inner.getKey()) {
                case "prefix" -> {
                    if (!operand.isTextual()) {
                        throw fail("prefix match pattern must be a string");
                    }
                    yield new Condition.AnythingButPrefix(operand.textValue());
                }
                case "equals-ignore-case" -> {
                    Set<String> lowered = new HashSet<>();
                    if (operand.isTextual()) {
                        lowered.add(operand.textValue().toLowerCase(Locale.ROOT));
                    } else if (operand.isArray() && !operand.isEmpty()) {
                        for (JsonNode e : operand) {
                            if (!e.isTextual()) {
                                throw fail("Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported.");
                            }
                            lowered.add(e.textValue().toLowerCase(Locale.ROOT));
                        }
                    } else {
                        throw fail("equals-ignore-case match pattern must be a string");
                    }
                    yield new Condition.AnythingButEqualsIgnoreCase(Set.copyOf(lowered));
                }
                // SNS takes no suffix under anything-but (EventBridge does): refused like an unknown key.
                default -> throw fail("Unsupported anything-but pattern: " + inner.getKey());
            };
        } else {
            throw fail("Value of anything-but must be an array or single string/number value.");
        }
        return new Condition.AnythingBut(Set.copyOf(strings), Set.copyOf(numbers));
    }

    /**
     * {@code [op, n]} or {@code [">"|">=", n, "<"|"<=", m]}. AWS words each mistake by where in the array
     * its parser met it, so the checks follow the array in order.
     */
    private Condition numeric(JsonNode value) {
        if (!value.isArray()) {
            throw fail("Value of numeric must be an array.");
        }
        if (value.isEmpty() || !value.get(0).isTextual()) {
            throw fail("Invalid member in numeric match: " + token(value, 0));
        }
        String op = value.get(0).textValue();
        switch (op) {
            case "=" -> {
                double operand = operand(value, 1, "equals");
                noMoreThan(value, 2, "Too many elements in numeric expression");
                return new Condition.NumericRange(operand, true, operand, true);
            }
            case "<", "<=" -> {
                double upper = operand(value, 1, op);
                noMoreThan(value, 2, "Too many elements in numeric expression");
                return new Condition.NumericRange(Double.NEGATIVE_INFINITY, false, upper, op.equals("<="));
            }
            case ">", ">=" -> {
                double lower = operand(value, 1, op);
                if (value.size() == 2) {
                    return new Condition.NumericRange(lower, op.equals(">="), Double.POSITIVE_INFINITY, false);
                }
                if (!value.get(2).isTextual()) {
                    throw fail("Bad value in numeric range: " + token(value, 2));
                }
                String upperOp = value.get(2).textValue();
                if (!upperOp.equals("<") && !upperOp.equals("<=")) {
                    throw fail("Bad numeric range operator: " + upperOp);
                }
                double upper = operand(value, 3, upperOp);
                noMoreThan(value, 4, "Too many terms in numeric range expression");
                if (lower >= upper) {
                    throw fail("Bottom must be less than top");
                }
                return new Condition.NumericRange(lower, op.equals(">="), upper, upperOp.equals("<="));
            }
            default -> throw fail("Unrecognized numeric range operator: " + op);
        }
    }

    /** The number after an operator ({@code name} is how AWS's message names the operator). */
    private double operand(JsonNode array, int index, String name) {
        if (index >= array.size()) {
            throw fail("Value of " + name + " must be numeric");
        }
        return number(array.get(index), name);
    }

    private void noMoreThan(JsonNode array, int size, String message) {
        if (array.size() > size) {
            throw fail(message);
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

    private double number(JsonNode node, String op) {
        if (!node.isNumber()) {
            throw fail("Value of " + op + " must be numeric");
        }
        double v = node.doubleValue();
        if (!Numbers.inRange(v)) {
            throw fail("Numeric value must be between -1.0E9 and 1.0E9, got " + node.asText());
        }
        return v;
    }

    private Condition cidr(JsonNode value) {
        if (!value.isTextual()) {
            throw fail("cidr match pattern must be a string");
        }
        String text = value.textValue();
        String[] parts = text.split("/", -1);
        if (parts.length != 2) {
            throw fail("Malformed CIDR, one '/' required");
        }
        byte[] address = IpAddresses.parse(parts[0]);
        if (address == null) {
            throw fail("Nonstandard IP address: " + parts[0]);
        }
        int bits;
        try {
            bits = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw fail("Malformed CIDR, mask bits must be an integer");
        }
        int width = address.length * 8;
        if (bits < 0 || bits > width) {
            throw fail("Malformed CIDR, mask bits must be between 0 and " + width);
        }
        BigInteger all = BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE);
        BigInteger mask = all.xor(BigInteger.ONE.shiftLeft(width - bits).subtract(BigInteger.ONE));
        return new Condition.Cidr(new BigInteger(1, address).and(mask), mask, address.length);
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        return node::fields;
    }

    private AwsException fail(String message) {
        return SnsErrors.invalid(reason + "FilterPolicy: " + message);
    }
}
