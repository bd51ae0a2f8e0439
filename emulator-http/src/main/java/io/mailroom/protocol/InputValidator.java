package io.mailroom.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.error.AwsException;
import io.mailroom.core.model.Member;
import io.mailroom.core.model.Shape;
import io.mailroom.core.service.EnumPolicy;
import io.mailroom.core.service.ValidationErrors;
import java.util.Iterator;
import java.util.Map;

/**
 * Enforces what the model says of an input, for every service alike: required members, enums, and
 * the length, range and pattern constraints of members. Types are enforced by the decoders, which know
 * how each protocol spells them.
 */
public final class InputValidator {

    private final Map<String, EnumPolicy> enumPolicies;
    private final ValidationErrors errors;

    public InputValidator(ValidationErrors errors, Map<String, EnumPolicy> enumPolicies) {
        this.errors = errors;
        this.enumPolicies = Map.copyOf(enumPolicies);
    }

    public void validate(Shape shape, ObjectNode input) {
        validateStructure(shape, input, InputPath.ROOT);
    }

    private void validateStructure(Shape shape, JsonNode node, InputPath path) {
        validateStructure(shape, node, path, true);
    }

    /**
     * @param checkRequired false inside map values of services whose missing members are worded "must
     *                      contain": they judge incomplete attribute values with their own error (SQS:
     *                      {@code InvalidParameterValue ... must contain non-empty message attribute type}),
     *                      not with MissingParameter
     */
    private void validateStructure(Shape shape, JsonNode node, InputPath path, boolean checkRequired) {
        for (String required : checkRequired ? shape.required() : java.util.Set.<String>of()) {
            JsonNode value = node.get(required);
            if (value == null || value.isNull()) {
                Member member = shape.member(required);
                if (member != null && member.location() != null && !"querystring".equals(member.location())) {
                    continue; // bound from the URI or a header by the REST decoder, checked there
                }
                if (member != null && member.shape().type() == io.mailroom.core.model.ShapeType.LIST) {
                    // The Query protocol cannot tell an absent list from an empty one, and AWS treats both
                    // alike: the service judges emptiness (SQS answers EmptyBatchRequest).
                    continue;
                }
                InputPath missing = path.child(required);
                throw switch (errors.missingWording()) {
                    case MUST_CONTAIN -> errors.missing().exception("The request must contain the parameter %s.", missing);
                    case MUST_NOT_BE_NULL -> errors.missing().exception("1 validation error detected: Value null at '%s'"
                            + " failed to satisfy constraint: Member must not be null", missing.lowerCamel());
                };
            }
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            Member member = shape.member(e.getKey());
            if (member != null) {
                validateValue(member.shape(), e.getValue(), path.child(e.getKey()));
            }
        }
    }

    private void validateValue(Shape shape, JsonNode value, InputPath path) {
        if (value == null || value.isNull()) {
            return;
        }
        switch (shape.type()) {
            case STRUCTURE -> {
                if (!shape.isDocument() && value.isObject()) {
                    validateStructure(shape, value, path);
                }
            }
            case LIST -> {
                checkCount(shape, value.size(), path);
                int position = 0;
                for (JsonNode element : value) {
                    position++;
                    if (element.isNull()) {
                        // Only JSON can say this (the SDKs never do), and no service has a use for it.
                        throw errors.invalid().exception("Value null at '%s' failed to satisfy constraint:"
                                + " Member must not be null", path.listMember());
                    }
                    validateValue(shape.listMember().shape(), element, path.listMember(position));
                }
            }
            case MAP -> {
                checkCount(shape, value.size(), path);
                Iterator<Map.Entry<String, JsonNode>> entries = value.fields();
                while (entries.hasNext()) {
                    Map.Entry<String, JsonNode> entry = entries.next();
                    checkEnum(shape.mapKey().shape(), entry.getKey(), path);
                    JsonNode mapValue = entry.getValue();
                    Shape valueShape = shape.mapValue().shape();
                    if (valueShape.type() == io.mailroom.core.model.ShapeType.STRUCTURE && mapValue.isObject()) {
                        // AWS's request validation (SNS: "Value null at 'messageAttributes.a.member.dataType'")
                        // checks required members inside map values too.
                        validateStructure(valueShape, mapValue, path.mapValue(entry.getKey()),
                                errors.missingWording() == ValidationErrors.MissingWording.MUST_NOT_BE_NULL);
                    } else {
                        validateValue(valueShape, mapValue, path.child(entry.getKey()));
                    }
                }
            }
            case STRING -> {
                String text = value.asText();
                checkEnum(shape, text, path);
                Long min = shape.min();
                Long max = shape.max();
                int length = text.codePointCount(0, text.length());
                if ((min != null && length < min) || (max != null && length > max)) {
                    throw invalid(path, text, "Length must be between " + (min == null ? 0 : min) + " and "
                            + (max == null ? "unbounded" : max) + ".");
                }
                if (shape.pattern() != null && !shape.pattern().matcher(text).find()) {
                    throw invalid(path, text, "Must match pattern " + shape.pattern().pattern() + ".");
                }
            }
            case INTEGER, LONG -> {
                long number = value.asLong();
                if ((shape.min() != null && number < shape.min()) || (shape.max() != null && number > shape.max())) {
                    throw invalid(path, value.asText(), "Must be between " + shape.min() + " and " + shape.max() + ".");
                }
            }
            default -> {
                // booleans, blobs, timestamps, floats: the decoders already checked their form
            }
        }
    }

    private void checkEnum(Shape shape, String value, InputPath path) {
        if (shape.enumValues().isEmpty() || shape.enumValues().contains(value)) {
            return;
        }
        EnumPolicy policy = enumPolicies.get(shape.name());
        if (policy instanceof EnumPolicy.Open) {
            return;
        }
        if (policy instanceof EnumPolicy.Reject reject) {
            throw reject.exception(value, path.toString());
        }
        throw errors.invalid().exception(
                "Value %s for parameter %s is invalid. Must be one of: %s.", value, path,
                String.join(", ", shape.enumValues()));
    }

    private void checkCount(Shape shape, int size, InputPath path) {
        if ((shape.min() != null && size < shape.min()) || (shape.max() != null && size > shape.max())) {
            throw errors.invalid().exception(
                    "1 validation error detected: Value at '%s' failed to satisfy constraint: Member must have"
                            + " length between %s and %s", path, shape.min(), shape.max());
        }
    }

    private AwsException invalid(InputPath path, String value, String reason) {
        return errors.invalid().exception(
                "Value %s for parameter %s is invalid. %s", value, path, reason);
    }
}
