package io.mailroom.sns.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.error.AwsException;
import io.mailroom.sns.MalformedJson;
import io.mailroom.sns.SnsErrors;
import java.util.List;
import java.util.Locale;

/**
 * An HTTP/S delivery policy, at subscription level ({@code healthyRetryPolicy}, {@code throttlePolicy},
 * {@code requestPolicy}) or topic level ({@code {"http": {"defaultHealthyRetryPolicy": ...,
 * "disableSubscriptionOverrides": ...}}}), validated with AWS's limits: numRetries 0–100,
 * minDelayTarget 1–maxDelayTarget, maxDelayTarget ≤ 3,600, phase counts not above numRetries, total
 * retry time ≤ 3,600 s. Fields left out take AWS's defaults.
 *
 * @param retry          the retry policy, or null when the document sets none
 * @param contentType    requestPolicy.headerContentType, or null
 * @param maxReceivesPerSecond throttlePolicy.maxReceivesPerSecond, or null
 * @param disableSubscriptionOverrides topic level only
 */
public record DeliveryPolicy(RetryPolicy retry, String contentType, Integer maxReceivesPerSecond,
                             boolean disableSubscriptionOverrides) {

    public static final String DEFAULT_CONTENT_TYPE = "text/plain; charset=UTF-8";
    public static final DeliveryPolicy NONE = new DeliveryPolicy(null, null, null, false);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CONTENT_TYPES = List.of("application/atom+xml", "application/json",
            "application/octet-stream", "application/soap+xml", "application/x-www-form-urlencoded",
            "application/xhtml+xml", "application/xml", "text/css", "text/csv", "text/html", "text/markdown",
            "text/plain", "text/xml");

    /** Parses a subscription's DeliveryPolicy attribute. */
    public static DeliveryPolicy parseSubscriptionPolicy(String json) {
        JsonNode root = read(json);
        return new DeliveryPolicy(retry(root.get("healthyRetryPolicy"), "healthyRetryPolicy"),
                contentType(root.get("requestPolicy")), throttle(root.get("throttlePolicy")), false);
    }

    /** Parses a topic's DeliveryPolicy attribute (only its {@code http} section drives deliveries). */
    public static DeliveryPolicy parseTopicPolicy(String json) {
        JsonNode root = read(json);
        JsonNode http = root.get("http");
        if (http == null || http.isNull()) {
            return NONE;
        }
        if (!http.isObject()) {
            throw fail("http must be an object");
        }
        JsonNode disable = http.get("disableSubscriptionOverrides");
        if (disable != null && !disable.isBoolean()) {
            throw fail("disableSubscriptionOverrides must be a boolean");
        }
        return new DeliveryPolicy(retry(http.get("defaultHealthyRetryPolicy"), "defaultHealthyRetryPolicy"),
                contentType(http.get("defaultRequestPolicy")), throttle(http.get("defaultThrottlePolicy")),
                disable != null && disable.booleanValue());
    }

    /** What a subscription's deliveries use: its own settings unless the topic forbids overrides. */
    public static DeliveryPolicy effective(DeliveryPolicy topic, DeliveryPolicy subscription) {
        DeliveryPolicy t = topic == null ? NONE : topic;
        DeliveryPolicy s = subscription == null || t.disableSubscriptionOverrides ? NONE : subscription;
        RetryPolicy retry = s.retry != null ? s.retry : t.retry != null ? t.retry : RetryPolicy.DEFAULT;
        String type = s.contentType != null ? s.contentType : t.contentType != null ? t.contentType : DEFAULT_CONTENT_TYPE;
        Integer throttle = s.maxReceivesPerSecond != null ? s.maxReceivesPerSecond : t.maxReceivesPerSecond;
        return new DeliveryPolicy(retry, type, throttle, false);
    }

    /** A topic's EffectiveDeliveryPolicy attribute. */
    public static ObjectNode topicEffectiveJson(DeliveryPolicy topic) {
        DeliveryPolicy t = topic == null ? NONE : topic;
        ObjectNode http = JsonNodeFactory.instance.objectNode();
        http.set("defaultHealthyRetryPolicy", (t.retry != null ? t.retry : RetryPolicy.DEFAULT).toJson());
        http.put("disableSubscriptionOverrides", t.disableSubscriptionOverrides);
        if (t.maxReceivesPerSecond != null) {
            http.putObject("defaultThrottlePolicy").put("maxReceivesPerSecond", t.maxReceivesPerSecond);
        }
        http.putObject("defaultRequestPolicy").put("headerContentType",
                t.contentType != null ? t.contentType : DEFAULT_CONTENT_TYPE);
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.set("http", http);
        return root;
    }

    /** A subscription's EffectiveDeliveryPolicy attribute, for an already effective policy. */
    public ObjectNode subscriptionEffectiveJson(boolean withRequestPolicy) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.set("healthyRetryPolicy", (retry != null ? retry : RetryPolicy.DEFAULT).toJson());
        n.set("sicklyRetryPolicy", NullNode.instance);
        if (maxReceivesPerSecond != null) {
            n.putObject("throttlePolicy").put("maxReceivesPerSecond", maxReceivesPerSecond);
        } else {
            n.set("throttlePolicy", NullNode.instance);
        }
        if (withRequestPolicy) {
            n.putObject("requestPolicy").put("headerContentType", contentType != null ? contentType : DEFAULT_CONTENT_TYPE);
        }
        n.put("guaranteed", false);
        return n;
    }

    private static JsonNode read(String json) {
        try {
            JsonNode root = JSON.readTree(json);
            if (root == null || !root.isObject()) {
                throw fail("Delivery policy must be a JSON object");
            }
            return root;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw fail(MalformedJson.reason(e)); // worded as for the other policies AWS parses alike
        }
    }

    private static RetryPolicy retry(JsonNode node, String name) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw fail(name + " must be an object");
        }
        RetryPolicy d = RetryPolicy.DEFAULT;
        int numRetries = integer(node, "numRetries", d.numRetries(), 0, 100);
        int noDelay = integer(node, "numNoDelayRetries", d.numNoDelayRetries(), 0, 100);
        int minDelay = integer(node, "minDelayTarget", d.minDelayTarget(), 1, 3600);
        int numMin = integer(node, "numMinDelayRetries", d.numMinDelayRetries(), 0, 100);
        int maxDelay = integer(node, "maxDelayTarget", Math.max(minDelay, d.maxDelayTarget()), 1, 3600);
        int numMax = integer(node, "numMaxDelayRetries", d.numMaxDelayRetries(), 0, 100);
        BackoffFunction backoff = BackoffFunction.LINEAR;
        JsonNode f = node.get("backoffFunction");
        if (f != null && !f.isNull()) {
            backoff = BackoffFunction.parse(f.asText().toLowerCase(Locale.ROOT))
                    .orElseThrow(() -> fail(name + ".backoffFunction must be one of arithmetic, exponential, geometric, linear"));
        }
        if (minDelay > maxDelay) {
            throw fail(name + ".minDelayTarget must be less than or equal to maxDelayTarget");
        }
        if (noDelay + numMin + numMax > numRetries) {
            throw fail(name + ": numNoDelayRetries + numMinDelayRetries + numMaxDelayRetries must not exceed numRetries");
        }
        RetryPolicy policy = new RetryPolicy(numRetries, noDelay, minDelay, numMin, maxDelay, numMax, backoff);
        if (policy.totalDelaySeconds() > 3600) {
            throw fail(name + ": total retry time must not exceed 3600 seconds");
        }
        return policy;
    }

    private static int integer(JsonNode node, String field, int fallback, int min, int max) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber()) {
            throw fail(field + " must be an integer");
        }
        int i = v.intValue();
        if (i < min || i > max) {
            throw fail(field + " must be between " + min + " and " + max);
        }
        return i;
    }

    private static String contentType(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        JsonNode type = node.get("headerContentType");
        if (type == null || type.isNull()) {
            return null;
        }
        String value = type.asText();
        String media = value.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!CONTENT_TYPES.contains(media)) {
            throw fail("Invalid headerContentType: " + value);
        }
        return value;
    }

    private static Integer throttle(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        JsonNode v = node.get("maxReceivesPerSecond");
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || v.intValue() < 1) {
            throw fail("maxReceivesPerSecond must be an integer greater than 0");
        }
        return v.intValue();
    }

    private static AwsException fail(String message) {
        return SnsErrors.invalid("DeliveryPolicy: " + message);
    }
}
