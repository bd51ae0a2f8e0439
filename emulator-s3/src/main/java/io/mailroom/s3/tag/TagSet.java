package io.mailroom.s3.tag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.error.AwsException;
import io.mailroom.s3.S3Errors;
import io.mailroom.s3.api.Input;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An object's or a bucket's tag set, held to S3's rules
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-tagging.html): at most 10 tags on an
 * object and 50 on a bucket, keys of 1 to 128 and values of up to 256 Unicode characters made of letters,
 * digits, spaces and {@code + - = . _ : / @}, unique keys, and no key starting with {@code aws:}.
 */
public record TagSet(Map<String, String> tags) {
    public static final TagSet NONE = new TagSet(Map.of());
    static final int MAX_OBJECT_TAGS = 10;
    static final int MAX_BUCKET_TAGS = 50;
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{Z}\\p{N}+\\-=._:/@]*");

    public TagSet {
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }

    /** Adds the {@code TagSet} list of GetObjectTagging and GetBucketTagging. */
    public void writeTo(ObjectNode out) {
        ArrayNode set = out.putArray("TagSet");
        tags.forEach((k, v) -> set.addObject().put("Key", k).put("Value", v));
    }

    /**
     * The {@code x-amz-tagging} header: URL query parameters ({@code k1=v1&k2=v2}); none without it. A header
     * that is no such list of distinct tags (a repeated key, a comma-separated list) is refused as a bad
     * header, not as a bad tag, as AWS answered PutObject.
     */
    public static TagSet fromHeader(String header) {
        if (header == null || header.isEmpty()) {
            return NONE;
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (String pair : header.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq), header);
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1), header);
            // Other characters S3 does not allow in tags are its InvalidTag, below.
            if (key.indexOf(',') >= 0 || value.indexOf(',') >= 0 || tags.putIfAbsent(key, value) != null) {
                throw badHeader(header);
            }
        }
        return forObject(tags);
    }

    /**
     * PutObjectTagging's {@code <Tagging><TagSet><Tag>...}: a tag set, possibly empty. A {@code <Tagging/>}
     * without a TagSet removes the tags too, as AWS answered it.
     */
    public static TagSet forObject(JsonNode tagging) {
        if (tagging != null && tagging.get("TagSet") == null) {
            return NONE;
        }
        return forObject(read(tagging));
    }

    /** PutBucketTagging's {@code <Tagging><TagSet><Tag>...}. */
    public static TagSet forBucket(JsonNode tagging) {
        Map<String, String> tags = read(tagging);
        if (tags.size() > MAX_BUCKET_TAGS) {
            throw S3Errors.BAD_REQUEST.exception("Bucket tag count cannot be greater than %d", MAX_BUCKET_TAGS);
        }
        return validated(tags);
    }

    private static Map<String, String> read(JsonNode tagging) {
        JsonNode set = tagging == null ? null : tagging.get("TagSet");
        if (tagging == null || set == null) {
            throw Input.malformedXml();
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (JsonNode tag : entries(set)) {
            if (tag == null || tag.isNull()) {
                continue;
            }
            String key = Input.text(tag, "Key");
            String value = Input.text(tag, "Value");
            if (key == null || value == null) {
                throw Input.malformedXml();
            }
            put(tags, key, value);
        }
        return tags;
    }

    /** The list's entries however the XML reader shaped it: an array, one entry, or entries under Tag. */
    private static Iterable<JsonNode> entries(JsonNode set) {
        if (set.isArray()) {
            return set;
        }
        if (set.isObject() && set.has("Tag")) {
            return entries(set.get("Tag"));
        }
        if (set.isObject() && !set.isEmpty()) {
            return List.of(set);
        }
        return List.of();
    }

    public boolean isEmpty() {
        return tags.isEmpty();
    }

    public int count() {
        return tags.size();
    }

    private static void put(Map<String, String> tags, String key, String value) {
        if (tags.putIfAbsent(key, value) != null) {
            throw S3Errors.INVALID_TAG.exception("Cannot provide multiple Tags with the same key");
        }
    }

    private static TagSet forObject(Map<String, String> tags) {
        if (tags.size() > MAX_OBJECT_TAGS) {
            throw S3Errors.BAD_REQUEST.exception("Object tags cannot be greater than %d", MAX_OBJECT_TAGS);
        }
        return validated(tags);
    }

    private static TagSet validated(Map<String, String> tags) {
        for (Map.Entry<String, String> t : tags.entrySet()) {
            String key = t.getKey();
            int keyLength = key.codePointCount(0, key.length());
            if (keyLength < 1 || keyLength > 128 || !ALLOWED.matcher(key).matches()) {
                throw S3Errors.INVALID_TAG.exception("The TagKey you have provided is invalid");
            }
            if (key.startsWith("aws:")) {
                throw S3Errors.INVALID_TAG.exception("Your TagKey cannot be prefixed with aws:");
            }
            String value = t.getValue();
            if (value.codePointCount(0, value.length()) > 256 || !ALLOWED.matcher(value).matches()) {
                throw S3Errors.INVALID_TAG.exception("The TagValue you have provided is invalid");
            }
        }
        return new TagSet(tags);
    }

    private static String decode(String text, String header) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw badHeader(header);
        }
    }

    private static AwsException badHeader(String header) {
        return S3Errors.INVALID_ARGUMENT.exception("The header 'x-amz-tagging' shall be encoded as UTF-8 then"
                + " URLEncoded URL query parameters without tag name duplicates.")
                .with("ArgumentName", "x-amz-tagging").with("ArgumentValue", header);
    }
}
