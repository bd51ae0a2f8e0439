package io.mailroom.s3.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import io.mailroom.core.error.AwsException;
import io.mailroom.s3.S3Errors;
import io.mailroom.s3.api.Input;
import io.mailroom.s3.object.UtcMidnight;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a {@code LifecycleConfiguration} as PutBucketLifecycleConfiguration decodes it: up to 1,000 rules, each
 * checked as S3 checks it, with S3's codes and, where AWS's answers are on record, its words
 * (https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketLifecycleConfiguration.html).
 */
final class LifecycleParser {
    static final int MAX_RULES = 1000;
    static final int MAX_ID_LENGTH = 255;
    private static final Set<String> INFREQUENT = Set.of("STANDARD_IA", "ONEZONE_IA");

    private LifecycleParser() {
    }

    static LifecycleConfiguration parse(JsonNode configuration, String minimumObjectSize) {
        String minimum = minimumObjectSize == null ? LifecycleConfiguration.ALL_CLASSES_128K : minimumObjectSize;
        if (!minimum.equals(LifecycleConfiguration.ALL_CLASSES_128K)
                && !minimum.equals(LifecycleConfiguration.VARIES_BY_CLASS)) {
            throw Input.malformedXml();
        }
        JsonNode rules = configuration == null ? null : configuration.get("Rules");
        if (rules == null || !rules.isArray() || rules.isEmpty() || rules.size() > MAX_RULES) {
            throw Input.malformedXml();
        }
        List<LifecycleRule> parsed = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode rule : rules) {
            LifecycleRule r = rule(rule);
            if (r.id() != null && !ids.add(r.id())) {
                throw S3Errors.INVALID_ARGUMENT.exception("Rule ID must be unique. Found same ID for more than one rule");
            }
            parsed.add(r);
        }
        return new LifecycleConfiguration(configuration, parsed, minimum);
    }

    private static LifecycleRule rule(JsonNode rule) {
        String id = Input.text(rule, "ID");
        if (id != null && id.length() > MAX_ID_LENGTH) {
            throw S3Errors.INVALID_ARGUMENT.exception("ID length should not exceed allowed limit of %d", MAX_ID_LENGTH);
        }
        String status = Input.text(rule, "Status");
        if (!"Enabled".equals(status) && !"Disabled".equals(status)) {
            throw Input.malformedXml();
        }
        LifecycleFilter filter = filter(rule);
        JsonNode expiration = rule.get("Expiration");
        Integer days = null;
        Long date = null;
        if (expiration != null) {
            days = positive(expiration, "Days", "'Days' for Expiration action must be a positive integer", 1);
            date = midnight(expiration, "Date");
            boolean marker = expiration.has("ExpiredObjectDeleteMarker");
            if ((days != null ? 1 : 0) + (date != null ? 1 : 0) + (marker ? 1 : 0) != 1) {
                throw Input.malformedXml();
            }
            if (marker && !filter.tags().isEmpty()) {
                throw S3Errors.INVALID_REQUEST.exception("ExpiredObjectDeleteMarker cannot be specified with Tags.");
            }
        }
        List<LifecycleRule.Transition> transitions = transitions(rule.get("Transitions"), filter);
        noncurrent(rule);
        Integer abortDays = null;
        JsonNode abort = rule.get("AbortIncompleteMultipartUpload");
        if (abort != null) {
            abortDays = positive(abort, "DaysAfterInitiation",
                    "'DaysAfterInitiation' for AbortIncompleteMultipartUpload action must be a positive integer", 1);
            if (abortDays == null) {
                throw Input.malformedXml();
            }
            if (!filter.tags().isEmpty()) {
                throw S3Errors.INVALID_REQUEST.exception("AbortIncompleteMultipartUpload cannot be specified with Tags.");
            }
            if (filter.hasSize()) {
                throw S3Errors.INVALID_REQUEST.exception(
                        "AbortIncompleteMultipartUpload cannot be specified with Object Size.");
            }
        }
        if (expiration == null && transitions.isEmpty() && abort == null && !rule.has("NoncurrentVersionExpiration")
                && !hasItems(rule.get("NoncurrentVersionTransitions"))) {
            throw S3Errors.INVALID_REQUEST.exception("At least one action needs to be specified in a rule");
        }
        for (LifecycleRule.Transition t : transitions) {
            if (days != null && t.days() != null && days <= t.days()) {
                throw S3Errors.INVALID_ARGUMENT.exception("'Days' in the Expiration action for filter '(prefix=%s)' must"
                        + " be greater than 'Days' in the Transition action", filter.prefix());
            }
        }
        return new LifecycleRule(id, "Enabled".equals(status), filter, days, date, transitions, abortDays);
    }

    /** The rule's Filter (exactly one of its elements; And for several) or its older top-level Prefix. */
    private static LifecycleFilter filter(JsonNode rule) {
        JsonNode filter = rule.get("Filter");
        filter = filter == null || filter.isNull() ? null : filter;
        boolean legacy = rule.has("Prefix");
        if (legacy == (filter != null)) {
            throw Input.malformedXml();
        }
        if (legacy) {
            return new LifecycleFilter(Input.text(rule, "Prefix"), Map.of(), null, null);
        }
        int elements = 0;
        for (String name : List.of("Prefix", "Tag", "ObjectSizeGreaterThan", "ObjectSizeLessThan", "And")) {
            elements += filter.has(name) ? 1 : 0;
        }
        if (elements > 1) {
            throw Input.malformedXml();
        }
        JsonNode and = filter.get("And");
        JsonNode source = and != null ? and : filter;
        Map<String, String> tags = new HashMap<>();
        if (filter.has("Tag")) {
            tag(filter.get("Tag"), tags);
        }
        if (and != null && and.get("Tags") != null) {
            and.get("Tags").forEach(t -> tag(t, tags));
        }
        return new LifecycleFilter(Input.text(source, "Prefix"), tags, size(source, "ObjectSizeGreaterThan"),
                size(source, "ObjectSizeLessThan"));
    }

    private static void tag(JsonNode tag, Map<String, String> tags) {
        String key = Input.text(tag, "Key");
        if (key == null || tags.put(key, tag.path("Value").asText("")) != null) {
            throw Input.malformedXml();
        }
    }

    private static Long size(JsonNode filter, String member) {
        JsonNode v = filter.get(member);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.canConvertToLong() && !v.asText().matches("\\d{1,18}")) {
            throw Input.malformedXml();
        }
        return v.canConvertToLong() ? v.longValue() : Long.parseLong(v.asText());
    }

    private static List<LifecycleRule.Transition> transitions(JsonNode list, LifecycleFilter filter) {
        List<LifecycleRule.Transition> out = new ArrayList<>();
        if (list == null) {
            return out;
        }
        Set<String> classes = new HashSet<>();
        Boolean byDate = null;
        for (JsonNode t : list) {
            String storageClass = Input.text(t, "StorageClass");
            if (storageClass == null || !LifecycleConfiguration.COLDNESS.contains(storageClass) || storageClass.equals("STANDARD")) {
                throw Input.malformedXml();
            }
            Integer days = positive(t, "Days", "'Days' for Transition action must be a positive integer", 0);
            Long date = midnight(t, "Date");
            if ((days == null) == (date == null)) {
                throw Input.malformedXml();
            }
            if (days != null && days < 30 && INFREQUENT.contains(storageClass)) {
                throw S3Errors.INVALID_ARGUMENT.exception("'Days' in Transition action must be greater than or equal"
                        + " to 30 for storageClass '%s'", storageClass);
            }
            if (byDate != null && byDate != (date != null)) {
                throw S3Errors.INVALID_REQUEST.exception("Found mixed 'Date' and 'Days' based Transition actions in"
                        + " lifecycle rule for filter '(prefix=%s)'", filter.prefix());
            }
            byDate = date != null;
            if (!classes.add(storageClass)) {
                throw S3Errors.INVALID_REQUEST.exception("'StorageClass' must be different for 'Transition' actions in"
                        + " same 'Rule' with filter '(prefix=%s)'", filter.prefix());
            }
            out.add(new LifecycleRule.Transition(days, date, storageClass));
        }
        return out;
    }

    /** Noncurrent versions never exist here, but their actions are checked as S3 checks them. */
    private static void noncurrent(JsonNode rule) {
        JsonNode expiration = rule.get("NoncurrentVersionExpiration");
        if (expiration != null && positive(expiration, "NoncurrentDays",
                "'NoncurrentDays' for NoncurrentVersionExpiration action must be a positive integer", 1) == null) {
            throw Input.malformedXml();
        }
        JsonNode transitions = rule.get("NoncurrentVersionTransitions");
        if (transitions != null) {
            for (JsonNode t : transitions) {
                String storageClass = Input.text(t, "StorageClass");
                if (storageClass == null || !LifecycleConfiguration.COLDNESS.contains(storageClass) || storageClass.equals("STANDARD")
                        || positive(t, "NoncurrentDays", "'NoncurrentDays' for NoncurrentVersionTransition action"
                        + " must be a positive integer", 0) == null) {
                    throw Input.malformedXml();
                }
            }
        }
    }

    private static boolean hasItems(JsonNode list) {
        return list != null && list.isArray() && !list.isEmpty();
    }

    /** An integer member at least {@code min}, or null when absent. */
    private static Integer positive(JsonNode node, String member, String message, int min) {
        JsonNode v = node.get(member);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.canConvertToInt() && !v.asText().matches("-?\\d{1,9}")) {
            throw Input.malformedXml();
        }
        int value = v.canConvertToInt() ? v.intValue() : Integer.parseInt(v.asText());
        if (value < min) {
            throw S3Errors.INVALID_ARGUMENT.exception("%s", message);
        }
        return value;
    }

    private static Long midnight(JsonNode node, String member) {
        JsonNode v = node.get(member);
        if (v == null || v.isNull()) {
            return null;
        }
        Long at = Input.timestampMillis(node, member);
        if (at == null) {
            throw Input.malformedXml();
        }
        if (at != null && !UtcMidnight.isMidnight(at)) {
            AwsException e = S3Errors.INVALID_ARGUMENT.exception("'Date' must be at midnight GMT");
            throw e.with("ArgumentName", "Date");
        }
        return at;
    }
}
