package io.mailroom.sqs.message;

import com.fasterxml.jackson.databind.JsonNode;
import io.mailroom.core.error.AwsException;
import io.mailroom.sqs.SqsErrors;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Validates the {@code MessageAttributes} of a send. Rules from
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-message-metadata.html:
 * at most 10 attributes; names up to 256 characters of A-Z a-z 0-9 _ - . without leading, trailing or doubled
 * periods, not starting with AWS. or Amazon.; types String, Number or Binary with an optional custom suffix;
 * Numbers of up to 38 significant digits between 10^-128 and 10^126.
 */
public final class MessageAttributesParser {
    public static final int MAX_ATTRIBUTES = 10;

    private MessageAttributesParser() {
    }

    public static MessageAttributes parse(JsonNode map) {
        if (map == null || map.isNull() || map.size() == 0) {
            return MessageAttributes.NONE;
        }
        if (map.size() > MAX_ATTRIBUTES) {
            throw invalid("Number of message attributes [%d] exceeds the allowed maximum [%d].", map.size(), MAX_ATTRIBUTES);
        }
        // The SDKs digest attributes in String order (a TreeMap); so do we.
        TreeMap<String, MessageAttributeValue> sorted = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = map.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            validateName(e.getKey());
            sorted.put(e.getKey(), value(e.getKey(), e.getValue()));
        }
        return new MessageAttributes(sorted.keySet().toArray(new String[0]),
                sorted.values().toArray(new MessageAttributeValue[0]));
    }

    static void validateName(String name) {
        if (name.isEmpty() || name.length() > 256) {
            throw invalid("Message (user) attribute name '%s' is invalid. Attribute names must be 1 to 256 characters"
                    + " long.", name);
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '-' || c == '.';
            if (!ok) {
                throw invalid("Message (user) attribute name '%s' is invalid. Attribute names can contain only"
                        + " A-Z, a-z, 0-9, underscore (_), hyphen (-), and period (.).", name);
            }
        }
        if (name.startsWith(".") || name.endsWith(".") || name.contains("..")) {
            throw invalid("Message (user) attribute name '%s' is invalid. Attribute names can't start or end with a"
                    + " period (.), and can't contain successive periods (..).", name);
        }
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("aws.") || lower.startsWith("amazon.")) {
            throw invalid("Message (user) attribute name '%s' is invalid. You can't use message attribute names"
                    + " beginning with 'AWS.' or 'Amazon.'. These strings are reserved for internal use.", name);
        }
    }

    private static MessageAttributeValue value(String name, JsonNode node) {
        String type = node.path("DataType").asText("");
        if (type.isEmpty()) {
            throw invalid("The message attribute '%s' must contain non-empty message attribute type.", name);
        }
        if (type.length() > 256) {
            throw invalid("Message (user) attribute '%s' type must be less than 256 characters.", name);
        }
        String base = baseType(type);
        if (base == null) {
            throw invalid("The type of message (user) attribute '%s' is invalid. You must use only the following"
                    + " supported type prefixes: Binary, Number, String.", name);
        }
        if (base.equals("Binary")) {
            JsonNode b = node.get("BinaryValue");
            byte[] bytes = b == null || b.isNull() ? null : decode(name, b.asText());
            if (bytes == null || bytes.length == 0) {
                throw invalid("Message (user) attribute '%s' must contain a non-empty value of type 'Binary'.", name);
            }
            return new MessageAttributeValue(type, null, bytes);
        }
        JsonNode s = node.get("StringValue");
        String text = s == null || s.isNull() ? null : s.asText();
        if (text == null || text.isEmpty()) {
            throw invalid("Message (user) attribute '%s' must contain a non-empty value of type '%s'.", name, base);
        }
        if (!MessageBody.hasOnlyValidCharacters(text)) {
            throw invalid(MessageBody.INVALID_CHARACTERS);
        }
        if (base.equals("Number")) {
            validateNumber(name, text);
        }
        return new MessageAttributeValue(type, text, null);
    }

    /** String, Number or Binary, alone or followed by "." and a custom label. */
    private static String baseType(String type) {
        for (String base : new String[] {"String", "Number", "Binary"}) {
            if (type.equals(base) || (type.startsWith(base + ".") && type.length() > base.length() + 1)) {
                return base;
            }
        }
        return null;
    }

    private static void validateNumber(String name, String text) {
        BigDecimal n;
        try {
            n = new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw invalid("Can't cast the value of message (user) attribute '%s' to a number.", name);
        }
        if (n.signum() == 0) {
            return;
        }
        BigDecimal abs = n.abs().stripTrailingZeros();
        int exponent = abs.precision() - abs.scale() - 1;
        if (abs.precision() > 38 || exponent > 126 || exponent < -128) {
            throw invalid("Value %s for message (user) attribute '%s' is out of range. Numbers can have up to 38 digits"
                    + " of precision and be between 10^-128 and 10^+126.", text, name);
        }
    }

    private static byte[] decode(String name, String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw invalid("Message (user) attribute '%s' must contain a valid base64 encoded binary value.", name);
        }
    }

    private static AwsException invalid(String format, Object... args) {
        return SqsErrors.INVALID_PARAMETER_VALUE.exception(format, args);
    }
}
