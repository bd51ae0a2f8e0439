package io.mailroom.http.dispatch;

import io.mailroom.core.error.AwsException;
import io.mailroom.core.error.CommonErrors;
import io.mailroom.core.model.OperationModel;
import io.mailroom.core.model.ServiceModel;
import io.mailroom.protocol.EncodedResponse;
import io.mailroom.protocol.json.JsonCodec;
import io.mailroom.protocol.json.JsonErrorEncoder;
import io.mailroom.protocol.query.QueryErrorEncoder;
import io.mailroom.protocol.query.QueryXmlEncoder;
import io.mailroom.protocol.rest.CrossOriginCodec;
import io.mailroom.protocol.rest.PostObjectCodec;
import io.mailroom.protocol.rest.RestJsonCodec;
import io.mailroom.protocol.rest.RestXmlCodec;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

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
        @Override
        public EncodedResponse success(OperationModel operation, JsonNode output, String requestId) {
            return new EncodedResponse(200, JsonErrorEncoder.contentType(model), JsonCodec.encode(output), Map.of());
        }

        @Override
        public EncodedResponse error(AwsException error, String requestId) {
            return JsonErrorEncoder.encode(model, errorPrefix, error);
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

    /** S3's POST Object, an HTML form's upload: answered as S3 answers forms, its errors as other S3 errors. */
    record HtmlFormUpload() implements WireFormat {
        @Override
        public EncodedResponse success(OperationModel operation, JsonNode output, String requestId) {
            return PostObjectCodec.success(output, requestId);
        }

        @Override
        public EncodedResponse error(AwsException error, String requestId) {
            return RestXmlCodec.error(error, requestId, false);
        }
    }

    /** S3's answer to a browser's preflight: the granted headers and no body; refusals as other S3 errors. */
    record BucketPreflight() implements WireFormat {
        @Override
        public EncodedResponse success(OperationModel operation, JsonNode output, String requestId) {
            return CrossOriginCodec.preflight(output, requestId);
        }

        @Override
        public EncodedResponse error(AwsException error, String requestId) {
            return RestXmlCodec.error(error, requestId, false);
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
