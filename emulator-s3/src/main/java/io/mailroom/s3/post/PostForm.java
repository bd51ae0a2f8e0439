package io.mailroom.s3.post;

import java.util.Map;

/**
 * What a browser-based upload sends, as a POST policy sees it.
 *
 * @param bucket   the bucket the form is posted to
 * @param key      the object key, {@code ${filename}} already replaced
 * @param fields   the form fields before the file, by lower-case name
 * @param fileSize the uploaded file's length in bytes
 */
public record PostForm(String bucket, String key, Map<String, String> fields, long fileSize) {

    /** The value a condition on {@code $field} is checked against. */
    String value(String field) {
        return switch (field) {
            case "bucket" -> bucket;
            case "key" -> key;
            default -> fields.get(field);
        };
    }
}
