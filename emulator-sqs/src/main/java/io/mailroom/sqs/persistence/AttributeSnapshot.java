package io.mailroom.sqs.persistence;

import io.mailroom.sqs.message.MessageAttributeValue;
import java.util.Objects;

/** One message attribute; binary values are written as base64 (Jackson's way with byte arrays). */
public record AttributeSnapshot(String dataType, String stringValue, byte[] binaryValue) {

    static AttributeSnapshot of(MessageAttributeValue v) {
        return new AttributeSnapshot(v.dataType(), v.stringValue(), v.binaryValue());
    }

    MessageAttributeValue toValue(String name) {
        Objects.requireNonNull(dataType, "message attribute " + name + " has no dataType");
        if ((stringValue == null) == (binaryValue == null)) {
            throw new IllegalArgumentException("message attribute " + name + " needs exactly one of stringValue"
                    + " and binaryValue");
        }
        return new MessageAttributeValue(dataType, stringValue, binaryValue);
    }
}
