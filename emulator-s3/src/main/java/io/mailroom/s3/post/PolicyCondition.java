package io.mailroom.s3.post;

import io.mailroom.s3.S3Errors;
import java.util.Locale;

/**
 * One condition of a POST policy, as
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-HTTPPOSTConstructPolicy.html#sigv4-PolicyConditions
 * lists them. Field names are compared without regard to case, as S3 reads form field names.
 */
public sealed interface PolicyCondition {

    /** Whether this condition names the form field {@code field} (lower case), so that it may be sent. */
    boolean names(String field);

    /** Refuses the form as S3 does when it does not meet this condition. */
    void check(PostForm form);

    /** How a field's value is matched: exactly, or by its beginning (an empty prefix allows any value). */
    enum Match {
        EQ("eq"), STARTS_WITH("starts-with");

        private final String operator;

        Match(String operator) {
            this.operator = operator;
        }

        boolean holds(String actual, String expected) {
            return this == EQ ? actual.equals(expected) : actual.startsWith(expected);
        }
    }

    /**
     * {@code {"acl": "public-read"}}, {@code ["eq", "$acl", "public-read"]} or
     * {@code ["starts-with", "$key", "user/"]}: a field's value.
     */
    record FieldMatch(Match match, String field, String value) implements PolicyCondition {
        public FieldMatch {
            field = field.toLowerCase(Locale.ROOT);
        }

        @Override
        public boolean names(String f) {
            return field.equals(f);
        }

        @Override
        public void check(PostForm form) {
            String actual = form.value(field);
            if (!match.holds(actual == null ? "" : actual, value)) {
                throw S3Errors.ACCESS_DENIED.exception(
                        "Invalid according to Policy: Policy Condition failed: [\"%s\", \"$%s\", \"%s\"]",
                        match.operator, field, value);
            }
        }
    }

    /** {@code ["content-length-range", min, max]}: the uploaded file's size in bytes, both ends included. */
    record LengthRange(long min, long max) implements PolicyCondition {
        @Override
        public boolean names(String field) {
            return false;
        }

        @Override
        public void check(PostForm form) {
            if (form.fileSize() < min) {
                throw S3Errors.ENTITY_TOO_SMALL.exception("Your proposed upload is smaller than the minimum allowed size")
                        .with("ProposedSize", Long.toString(form.fileSize())).with("MinSizeAllowed", Long.toString(min));
            }
            if (form.fileSize() > max) {
                throw S3Errors.ENTITY_TOO_LARGE.exception("Your proposed upload exceeds the maximum allowed size")
                        .with("ProposedSize", Long.toString(form.fileSize())).with("MaxSizeAllowed", Long.toString(max));
            }
        }
    }
}
