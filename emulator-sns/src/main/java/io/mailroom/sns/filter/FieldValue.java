package io.mailroom.sns.filter;

/**
 * One value a message offers for a filter key: a message attribute's value (String, Number, or each
 * element of a String.Array) or a leaf of the JSON body (each element, when it is an array).
 */
public sealed interface FieldValue {

    record Text(String value) implements FieldValue {
    }

    /** A number, compared with AWS's five digits of precision after the decimal point. */
    record Number(double value) implements FieldValue {
        public long scaled() {
            return Numbers.scaled(value);
        }
    }

    record Bool(boolean value) implements FieldValue {
    }

    /** A JSON {@code null} in the message body. */
    record Null() implements FieldValue {
        public static final Null INSTANCE = new Null();
    }
}
