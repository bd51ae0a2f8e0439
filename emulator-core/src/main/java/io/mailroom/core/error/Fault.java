package io.mailroom.core.error;

/** Who AWS blames for an error: rendered as {@code <Type>} in Query errors and after the ';' of {@code x-amzn-query-error}. */
public enum Fault {
    SENDER("Sender"),
    RECEIVER("Receiver");

    private final String wireName;

    Fault(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
