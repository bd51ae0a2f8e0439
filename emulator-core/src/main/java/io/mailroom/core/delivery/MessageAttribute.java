package io.mailroom.core.delivery;

import java.util.Arrays;

/**
 * A typed message attribute as SQS and SNS carry it: {@code String}, {@code Number} or {@code Binary},
 * optionally with a custom suffix ({@code String.json}).
 */
public record MessageAttribute(String dataType, String stringValue, byte[] binaryValue) {

    public static MessageAttribute string(String dataType, String value) {
        return new MessageAttribute(dataType, value, null);
    }

    public static MessageAttribute binary(String dataType, byte[] value) {
        return new MessageAttribute(dataType, null, value.clone());
    }

    @Override
    public byte[] binaryValue() {
        return binaryValue == null ? null : binaryValue.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MessageAttribute other && dataType.equals(other.dataType)
                && java.util.Objects.equals(stringValue, other.stringValue)
                && Arrays.equals(binaryValue, other.binaryValue);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * dataType.hashCode() + java.util.Objects.hashCode(stringValue)) + Arrays.hashCode(binaryValue);
    }
}
