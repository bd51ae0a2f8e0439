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

    /** The condition as S3 quotes it when it fails: {@code ["eq", "$key", "user/a.txt"]}. */
    String quoted();

    /** Refuses the form as S3 does when it does not meet this condition. */
    void check(PostForm form);

    private static void fails(PolicyCondition condition) {
        throw S3Errors.ACCESS_DENIED.exception("Invalid according to Policy: Policy Condition failed: %s",
                condition.quoted());
    }

    /** {@code {"acl": "public-read"}} or {@code ["eq", "$acl", "public-read"]}: the field has exactly this value. */
    record Equals(String field, String value) implements PolicyCondition {
        public Equals {
            field = field.toLowerCase(Locale.ROOT);
        }

        @Override
        public void check(PostForm form) {
            String actual = form.value(field);
            if (!value.equals(actual == null ? "" : actual)) {
                PolicyCondition.fails(this);
            }
        }

        @Override
        public boolean names(String f) {
            return field.equals(f);
        }

        @Override
        public String quoted() {
            return "[\"eq\", \"$" + field + "\", \"" + value + "\"]";
        }
    }

    /** {@code ["starts-with", "$key", "user/"]}: the field begins with the prefix (an empty prefix allows any value). */
    record StartsWith(String field, String prefix) implements PolicyCondition {
        public StartsWith {
            field = field.toLowerCase(Locale.ROOT);
        }

        @Override
        public void check(PostForm form) {
            String actual = form.value(field);
            if (!(actual == null ? "" : actual).startsWith(prefix)) {
                PolicyCondition.fails(this);
            }
        }

        @Override
        public boolean names(String f) {
            return field.equals(f);
        }

        @Override
        public String quoted() {
            return "[\"starts-with\", \"$" + field + "\", \"" + prefix + "\"]";
        }
    }

    /** {@code ["content-length-range", min, max]}: the uploaded file's size in bytes, both ends included. */
    record LengthRange(long min, long max) implements PolicyCondition {
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

        @Override
        public boolean names(String field) {
            return false;
        }

        @Override
        public String quoted() {
            return "[\"content-length-range\", " + min + ", " + max + "]";
        }
    }
}
