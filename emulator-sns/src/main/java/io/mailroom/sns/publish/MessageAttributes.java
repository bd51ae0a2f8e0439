package io.mailroom.sns.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mailroom.core.delivery.MessageAttribute;
import io.mailroom.core.error.AwsException;
import io.mailroom.sns.SnsErrors;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Publish's message attributes (https://docs.aws.amazon.com/sns/latest/dg/sns-message-attributes.html):
 * names up to 256 characters of letters, digits, '-', '_' and '.', not starting or ending with '.', no
 * "..", no reserved AWS./Amazon. prefix (except SNS's own AWS.SNS.* SMS/mobile attributes); types String,
 * String.Array (a JSON array of strings, numbers, booleans, null), Number, Binary, each optionally with a
 * custom ".suffix". Refused values answer ParameterValueInvalid, as AWS does.
 */
public final class MessageAttributes {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** String.Array before String, so that the longer name is taken. */
    private static final String[] BASE_TYPES = {"String.Array", "String", "Number", "Binary"};

    private MessageAttributes() {
    }

    /** Validates and converts the canonical tree's MessageAttributes map. */
    public static Map<String, MessageAttribute> parse(JsonNode node) {
        if (node == null || node.isNull() || node.isEmpty()) {
            return Map.of();
        }
        Map<String, MessageAttribute> out = new LinkedHashMap<>();
        var it = node.fields();
        while (it.hasNext()) {
            var e = it.next();
            String name = e.getKey();
            validateName(name);
            JsonNode v = e.getValue();
            String type = v.path("DataType").asText("");
            String string = v.hasNonNull("StringValue") ? v.get("StringValue").asText() : null;
            String binary = v.hasNonNull("BinaryValue") ? v.get("BinaryValue").asText() : null;
            out.put(name, value(name, type, string, binary));
        }
        return out;
    }

    /** Bytes the attributes add to the message size: name, type and value of each. */
    public static int size(Map<String, MessageAttribute> attributes) {
        int total = 0;
        for (var e : attributes.entrySet()) {
            MessageAttribute a = e.getValue();
            total += e.getKey().getBytes(StandardCharsets.UTF_8).length + a.dataType().getBytes(StandardCharsets.UTF_8).length;
            total += a.binaryValue() != null ? a.binaryValue().length : a.stringValue().getBytes(StandardCharsets.UTF_8).length;
        }
        return total;
    }

    private static void validateName(String name) {
        if (name.isEmpty() || name.length() > 256) {
            throw invalid("Length of message attribute name must be less than 256 bytes.");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(Character.isLetterOrDigit(c) && c < 128) && c != '-' && c != '_' && c != '.') {
                throw invalid("Invalid non-alphanumeric character '#x" + Integer.toHexString(c).toUpperCase()
                        + "' was found in the message attribute name. Can only include alphanumeric characters, "
                        + "hyphens, underscores, or dots.");
            }
        }
        if (name.startsWith(".")) {
            throw invalid("Invalid message attribute name starting with character '.' was found.");
        }
        if (name.endsWith(".")) {
            throw invalid("Invalid message attribute name ending with character '.' was found.");
        }
        if (name.contains("..")) {
            throw invalid("Message attribute name can not have successive '.' character.");
        }
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if ((lower.startsWith("aws.") && !name.startsWith("AWS.SNS.")) || lower.startsWith("amazon.")) {
            throw invalid("The message attribute name " + name + " is reserved for use by Amazon.");
        }
    }

    private static MessageAttribute value(String name, String type, String string, String binary) {
        String base = baseType(type);
        switch (base) {
            case "String", "String.Array", "Number" -> {
                if (binary != null && string == null) {
                    throw invalid("The message attribute '" + name + "' with type '" + base + "' must use field 'String'.");
                }
                if (string == null || string.isEmpty()) {
                    throw invalid("The message attribute '" + name
                            + "' must contain non-empty message attribute value for message attribute type '" + base + "'.");
                }
                if (base.equals("Number")) {
                    try {
                        BigDecimal n = new BigDecimal(string.trim());
                        if (n.abs().compareTo(new BigDecimal("1E308")) > 0) {
                            throw new NumberFormatException();
                        }
                    } catch (NumberFormatException e) {
                        throw invalid("Could not cast message attribute '" + name + "' value to number.");
                    }
                }
                if (base.equals("String.Array")) {
                    try {
                        JsonNode array = JSON.readTree(string);
                        if (array == null || !array.isArray()) {
                            throw new IllegalArgumentException();
                        }
                        for (JsonNode el : array) {
                            if (el.isContainerNode()) {
                                throw new IllegalArgumentException();
                            }
                        }
                    } catch (Exception e) {
                        throw invalid("The message attribute '" + name
                                + "' with type 'String.Array' has an invalid value: must be a JSON array of strings, "
                                + "numbers, booleans or null.");
                    }
                }
                return MessageAttribute.string(type, string);
            }
            case "Binary" -> {
                if (binary == null) {
                    throw invalid("The message attribute '" + name + "' with type 'Binary' must use field 'Binary'.");
                }
                byte[] bytes;
                try {
                    bytes = Base64.getDecoder().decode(binary);
                } catch (IllegalArgumentException e) {
                    throw invalid("The message attribute '" + name + "' has an invalid binary value.");
                }
                if (bytes.length == 0) {
                    throw invalid("The message attribute '" + name
                            + "' must contain non-empty message attribute value for message attribute type 'Binary'.");
                }
                return MessageAttribute.binary(type, bytes);
            }
            default -> throw invalid("The message attribute '" + name
                    + "' has an invalid message attribute type, the set of supported type prefixes is Binary, Number, and String.");
        }
    }

    /**
     * The type a DataType names: String.Array, String, Number or Binary, alone or with a custom ".suffix" of at
     * least one character; "" for anything else. AWS refuses "String." and "Stringprefixed" but takes
     * "String.prefixed" and "String.  prefixed." (recorded).
     */
    private static String baseType(String type) {
        for (String base : BASE_TYPES) {
            if (type.startsWith(base) && (type.length() == base.length()
                    || type.charAt(base.length()) == '.' && type.length() > base.length() + 1)) {
                return base;
            }
        }
        return "";
    }

    private static AwsException invalid(String message) {
        return SnsErrors.INVALID_PARAMETER_VALUE.exception(message);
    }
}
