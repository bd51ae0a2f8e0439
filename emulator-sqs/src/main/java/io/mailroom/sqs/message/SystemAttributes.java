package io.mailroom.sqs.message;

import com.fasterxml.jackson.databind.JsonNode;
import io.mailroom.sqs.SqsErrors;
import java.util.Iterator;
import java.util.Map;

/**
 * The system attributes a sender may set: only {@code AWSTraceHeader}, of type String. Its size does not
 * count towards the message size (SendMessage.MessageSystemAttributes documentation).
 */
public record SystemAttributes(String traceHeader, String md5) {
    public static final String AWS_TRACE_HEADER = "AWSTraceHeader";
    public static final SystemAttributes NONE = new SystemAttributes(null, null);

    public static SystemAttributes parse(JsonNode map) {
        if (map == null || map.isNull() || map.size() == 0) {
            return NONE;
        }
        String trace = null;
        Iterator<Map.Entry<String, JsonNode>> it = map.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().equals(AWS_TRACE_HEADER)) {
                throw SqsErrors.INVALID_PARAMETER_VALUE.exception(
                        "Message system attribute name '%s' is invalid.", e.getKey());
            }
            JsonNode v = e.getValue();
            if (!"String".equals(v.path("DataType").asText(null))) {
                throw SqsErrors.INVALID_PARAMETER_VALUE.exception(
                        "Message system attribute '%s' must be of type 'String'.", AWS_TRACE_HEADER);
            }
            trace = v.path("StringValue").asText("");
            if (trace.isEmpty()) {
                throw SqsErrors.INVALID_PARAMETER_VALUE.exception(
                        "Message system attribute '%s' must contain a non-empty value of type 'String'.", AWS_TRACE_HEADER);
            }
        }
        return of(trace);
    }

    public static SystemAttributes of(String traceHeader) {
        if (traceHeader == null) {
            return NONE;
        }
        String md5 = AttributeDigest.ofAttributes(new String[] {AWS_TRACE_HEADER},
                new MessageAttributeValue[] {new MessageAttributeValue("String", traceHeader, null)});
        return new SystemAttributes(traceHeader, md5);
    }
}
