package io.mailroom.protocol.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.error.AwsException;
import io.mailroom.core.error.CommonErrors;
import io.mailroom.core.model.ServiceModel;
import io.mailroom.protocol.Canonical;
import io.mailroom.protocol.EncodedResponse;
import java.util.Map;
import java.util.Set;

/**
 * Errors of the AWS JSON 1.0/1.1 protocols: {@code {"__type": "...#Code", "message": ...}}, plus the
 * {@code x-amzn-query-error} header for query-compatible services (SQS), from which current SDKs take
 * the old Query error code.
 */
public final class JsonErrorEncoder {
    // Errors raised by AWS's request framework, not by the service: named in the framework's namespace.
    private static final Set<String> FRAMEWORK_ERRORS = Set.of(
            CommonErrors.SERIALIZATION.type(), CommonErrors.UNKNOWN_OPERATION.type());

    private JsonErrorEncoder() {
    }

    /** {@code application/x-amz-json-1.0} or {@code -1.1}, as the model says; 1.0 without a model. */
    public static String contentType(ServiceModel model) {
        return "application/x-amz-json-" + (model == null || model.jsonVersion() == null ? "1.0" : model.jsonVersion());
    }

    /**
     * @param model       the service's JSON model, or null when no service could be told from the request
     * @param errorPrefix the service's error namespace ({@code com.amazonaws.sqs#}), or null
     */
    public static EncodedResponse encode(ServiceModel model, String errorPrefix, AwsException error) {
        String prefix = FRAMEWORK_ERRORS.contains(error.error().type()) || errorPrefix == null
                ? "com.amazon.coral.service#" : errorPrefix;
        ObjectNode body = Canonical.NODES.objectNode();
        body.put("__type", prefix + error.error().type());
        body.put("message", error.getMessage());
        Map<String, String> headers = model != null && model.queryCompatible()
                ? Map.of("x-amzn-query-error", error.error().code() + ";" + error.error().fault().wireName())
                : Map.of();
        return new EncodedResponse(error.error().status(), contentType(model), JsonCodec.encode(body), headers);
    }
}
