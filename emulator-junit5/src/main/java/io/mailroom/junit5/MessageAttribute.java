package io.mailroom.junit5;

/**
 * A message attribute as sent: {@code dataType} is {@code String}, {@code Number} or {@code Binary},
 * optionally with a custom suffix ({@code String.json}); {@code value} is the string value, or for
 * binary attributes the bytes in Base64, as the SQS API carries them.
 */
public record MessageAttribute(String dataType, String value) {

    @Override
    public String toString() {
        return dataType + ":" + value;
    }
}
