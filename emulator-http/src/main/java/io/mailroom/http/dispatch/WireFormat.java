package io.mailroom.http.dispatch;

import io.mailroom.protocol.Canonical;
import io.mailroom.core.error.AwsException;
import io.mailroom.core.error.CommonErrors;
import io.mailroom.core.model.OperationModel;
import io.mailroom.core.model.ServiceModel;
import io.mailroom.protocol.EncodedResponse;
import io.mailroom.protocol.json.JsonCodec;
import io.mailroom.protocol.query.QueryErrorEncoder;
import io.mailroom.protocol.query.QueryXmlEncoder;
import io.mailroom.protocol.rest.RestJsonCodec;
import io.mailroom.protocol.rest.RestXmlCodec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;

/** How one request's answer is rendered: the protocol it came in, for the service it addressed. */
sealed interface WireFormat {

    EncodedResponse success(OperationModel operation, JsonNode output, String requestId);

    EncodedResponse error(AwsException error, String requestId);

    /** The error for an operation of the model that Mailroom does not emulate. */
    default AwsException unsupported(String operation, String reason) {
        return CommonErrors.INVALID_ACTION.exception("The action %s is not supported by Mailroom: %s", operation, reason);
    }

    /** AWS JSON 1.0/1.1: {@code {"__type": "...#Code", "message": ...}} plus, for query-compatible services, the header. */
    record Json(ServiceModel model, String errorPrefix) implements WireFormat {
        // Errors raised by AWS's request framework, not by the service: named in the framework's namespace.
        private static final Set<String> FRAMEWORK_ERRORS = Set.of(
                CommonErrors.SERIALIZATION.type(), CommonErrors.UNKNOWN_OPERATION.type());

        private String contentType() {
            return "application/x-amz-json-" + (model == null || model.jsonVersion() == null ? "1.0" : model.jsonVersion());
        }

        @Override
        public EncodedResponse success(OperationModel operation, JsonNode output, String requestId) {
            return new EncodedResponse(200, contentType(), JsonCodec.encode(output), Map.of());
        }

        @Override
        public EncodedResponse error(AwsException error, String requestId) {
            String prefix = FRAMEWORK_ERRORS.contains(error.error().type()) || errorPrefix == null
                    ? "com.amazon.coral.service#" : errorPrefix;
            ObjectNode body = Canonical.NODES.objectNode();
            body.put("__type", prefix + error.error().type());
            body.put("message", error.getMessage());
            Map<String, String> headers = model != null && model.queryCompatible()
                    ? Map.of("x-amzn-query-error", error.error().code() + ";" + error.error().fault().wireName())
                    : Map.of();
            return new EncodedResponse(error.error().status(), contentType(), JsonCodec.encode(body), headers);
        }
    }

    /** AWS REST-JSON: members bound to URI, query string and headers; errors typed by {@code x-amzn-ErrorType}. */
    record RestJson() implements WireFormat {
        @Override
        public EncodedResponse success(OperationModel operation, JsonNode output, String requestId) {
            return RestJsonCodec.success(operation, output);
        }

        @Override
        public EncodedResponse error(AwsException error, String requestId) {
            return RestJsonCodec.error(error);
        }
    }

    /** AWS REST-XML (S3): payloads, XML documents and {@code <Error>} errors; nothing in HEAD bodies. */
    record RestXml(String xmlNamespace, boolean head) implements WireFormat {
        @Override
        public EncodedResponse success(OperationModel operation, JsonNode output, String requestId) {
            return RestXmlCodec.success(operation, output, xmlNamespace, head, requestId);
        }

        @Override
        public EncodedResponse error(AwsException error, String requestId) {
            return RestXmlCodec.error(error, requestId, head);
        }

        @Override
        public AwsException unsupported(String operation, String reason) {
            return CommonErrors.NOT_IMPLEMENTED.exception(
                    "A header you provided implies functionality that is not implemented (%s: %s).", operation, reason);
        }
    }

    /** AWS Query: XML responses and {@code <ErrorResponse>} errors. */
    record Query(String xmlNamespace) implements WireFormat {
        @Override
        public EncodedResponse success(OperationModel operation, JsonNode output, String requestId) {
            return new EncodedResponse(200, "text/xml", QueryXmlEncoder.encode(xmlNamespace, operation, output, requestId),
                    Map.of());
        }

        @Override
        public EncodedResponse error(AwsException error, String requestId) {
            return new EncodedResponse(error.error().status(), "text/xml",
                    QueryErrorEncoder.encode(xmlNamespace, error, requestId), Map.of());
        }
    }
}
