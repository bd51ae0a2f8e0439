package io.mailroom.http.internal;

import io.mailroom.protocol.Canonical;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.error.AwsException;
import io.mailroom.core.error.CommonErrors;
import io.mailroom.core.model.OperationModel;
import io.mailroom.core.model.ServiceModel;
import io.mailroom.core.request.RequestContext;
import io.mailroom.protocol.EncodedResponse;
import io.mailroom.protocol.json.JsonCodec;
import io.mailroom.protocol.query.QueryErrorEncoder;
import io.mailroom.protocol.query.QueryXmlEncoder;
import io.mailroom.sqs.SqsService;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.Map;

/**
 * LocalStack's developer endpoint, so tests that use it keep working:
 * {@code GET /_aws/sqs/messages?QueueUrl=...} (or {@code /_aws/sqs/messages/{region}/{account}/{queue}})
 * lists a queue's messages without receiving them. {@code ShowInvisible} and {@code ShowDelayed} include
 * in-flight and delayed messages. Answers like ReceiveMessage: XML, or JSON when the client accepts it.
 */
public final class SqsMessagesEndpoint implements InternalEndpoint {
    private static final String PATH = "/_aws/sqs/messages";
    private final SqsService sqs;
    private final ServiceModel queryModel;
    private final OperationModel receive;

    public SqsMessagesEndpoint(SqsService sqs) {
        this.sqs = sqs;
        this.queryModel = sqs.descriptor().queryModel().orElseThrow();
        this.receive = queryModel.operation("ReceiveMessage").orElseThrow();
    }

    @Override
    public boolean matches(FullHttpRequest request, String path) {
        String method = request.method().name();
        return ("GET".equals(method) || "POST".equals(method)) && (path.equals(PATH) || path.startsWith(PATH + "/"));
    }

    @Override
    public EncodedResponse handle(FullHttpRequest request, QueryStringDecoder uri, RequestContext context) {
        String accept = request.headers().get(HttpHeaderNames.ACCEPT);
        boolean json = accept != null && accept.contains("json");
        try {
            RequestContext target = context;
            String queueUrl = Params.get(uri, "QueueUrl");
            String rest = uri.path().length() > PATH.length() ? uri.path().substring(PATH.length() + 1) : "";
            if (!rest.isEmpty()) {
                String[] parts = rest.split("/");
                if (parts.length != 3) {
                    throw CommonErrors.INVALID_PARAMETER_VALUE.exception(
                            "Expected /_aws/sqs/messages/{region}/{account}/{queue}, got %s", uri.path());
                }
                target = new RequestContext(parts[1], parts[0], context.requestId(), context.endpoint());
                queueUrl = context.endpoint() + "/" + parts[1] + "/" + parts[2];
            }
            if (queueUrl == null) {
                throw CommonErrors.MISSING_PARAMETER.exception("The request must contain the parameter QueueUrl.");
            }
            ObjectNode messages = sqs.inspect(target, queueUrl, flag(uri, "ShowInvisible"), flag(uri, "ShowDelayed"));
            return json
                    ? new EncodedResponse(200, "application/json", JsonCodec.encode(messages), Map.of())
                    : new EncodedResponse(200, "text/xml",
                    QueryXmlEncoder.encode(queryModel.xmlNamespace(), receive, messages, context.requestId()), Map.of());
        } catch (AwsException e) {
            if (json) {
                ObjectNode body = Canonical.NODES.objectNode();
                body.put("__type", e.error().code());
                body.put("message", e.getMessage());
                return new EncodedResponse(e.error().status(), "application/json", JsonCodec.encode(body), Map.of());
            }
            return new EncodedResponse(e.error().status(), "text/xml",
                    QueryErrorEncoder.encode(queryModel.xmlNamespace(), e, context.requestId()), Map.of());
        }
    }

    private static boolean flag(QueryStringDecoder uri, String name) {
        return "true".equalsIgnoreCase(Params.get(uri, name));
    }
}
