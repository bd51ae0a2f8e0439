package io.mailroom.s3.listing;

import io.mailroom.s3.S3Errors;

/**
 * A listing's {@code encoding-type}: none, or {@code url} for keys, prefixes and markers as
 * {@link KeyEncoding#url} writes them. S3 refuses any other value, an empty one too, naming the argument.
 *
 * @param type "url", or null when the request asked for none
 */
public record ListEncoding(String type) {

    public static ListEncoding of(String type) {
        if (type != null && !type.equals("url")) {
            throw S3Errors.INVALID_ARGUMENT.exception("Invalid Encoding Method specified in Request")
                    .with("ArgumentName", "encoding-type").with("ArgumentValue", type);
        }
        return new ListEncoding(type);
    }

    public String apply(String text) {
        return type == null ? text : KeyEncoding.url(text);
    }
}
