package io.mailroom.sqs.message;

/**
 * One typed message attribute: {@code String}, {@code Number} or {@code Binary}, optionally with a custom
 * suffix ({@code String.custom}). Exactly one of the values is set: string-like types carry the string,
 * Binary types the bytes.
 */
public record MessageAttributeValue(String dataType, String stringValue, byte[] binaryValue) {

    public boolean isBinary() {
        return binaryValue != null;
    }

    /** Bytes counted against MaximumMessageSize: the type name plus the value. */
    int size() {
        return Utf8.length(dataType) + (binaryValue != null ? binaryValue.length : Utf8.length(stringValue));
    }
}
