package io.mailroom.http.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.error.AwsException;
import io.mailroom.core.error.CommonErrors;
import io.mailroom.core.model.OperationModel;
import io.mailroom.core.model.ServiceModel;
import io.mailroom.core.request.RequestContext;
import io.mailroom.protocol.EncodedResponse;
import io.mailroom.protocol.MediaType;
import io.mailroom.protocol.json.JsonCodec;
import io.mailroom.protocol.json.JsonErrorEncoder;
import io.mailroom.protocol.query.QueryErrorEncoder;
import io.mailroom.protocol.query.QueryXmlEncoder;
import io.mailroom.sqs.SqsService;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * LocalStack's developer endpoint, so tests written against it keep working
 * (https://docs.localstack.cloud/user-guide/aws/sqs/#developer-endpoints). It lists a queue's messages
 * without receiving them; {@code ShowInvisible} and {@code ShowDelayed} add in-flight and delayed ones.
 * <ul>
 *   <li>{@code GET /_aws/sqs/messages?QueueUrl=...}, or {@code /_aws/sqs/messages/{region}/{account}/{queue}}:
 *   ReceiveMessage's XML, or with {@code Accept: application/json} that XML as LocalStack turns it into
 *   JSON ({@link XmlAsJson}).</li>
 *   <li>The same URL as an AWS SDK's or the CLI's endpoint ({@code --endpoint-url .../_aws/sqs/messages
 *   sqs receive-message}): a ReceiveMessage in the JSON or Query protocol, answered in that protocol.</li>
 * </ul>
 */
public final class SqsMessagesEndpoint implements InternalEndpoint {
    private static final String PATH = "/_aws/sqs/messages";
    private static final String OPERATION = "ReceiveMessage";

    private final SqsService sqs;
    private final ServiceModel queryModel;
    private final ServiceModel jsonModel;
    private final String jsonErrorPrefix;
    private final OperationModel receive;

    public SqsMessagesEndpoint(SqsService sqs) {
        this.sqs = sqs;
        this.queryModel = sqs.descriptor().queryModel().orElseThrow();
        this.jsonModel = sqs.descriptor().jsonModel().orElseThrow();
        this.jsonErrorPrefix = sqs.descriptor().jsonErrorPrefix();
        this.receive = queryModel.operation(OPERATION).orElseThrow();
    }

    /** How the request asked, and so how the answer is written. */
    private enum Style { XML, LOCALSTACK_JSON, SDK_JSON, SDK_QUERY }

    @Override
    public boolean matches(FullHttpRequest request, String path) {
        String method = request.method().name();
        return ("GET".equals(method) || "POST".equals(method)) && (path.equals(PATH) || path.startsWith(PATH + "/"));
    }

    @Override
    public EncodedResponse handle(FullHttpRequest request, QueryStringDecoder uri, RequestContext context) {
        String amzTarget = request.headers().get("X-Amz-Target");
        Map<String, List<String>> form = formParameters(request);
        Style style = amzTarget != null ? Style.SDK_JSON
                : form.containsKey("Action") ? Style.SDK_QUERY
                : accepts(request, "json") ? Style.LOCALSTACK_JSON : Style.XML;
        try {
            String queueUrl = switch (style) {
                case SDK_JSON -> {
                    requireReceive(amzTarget.substring(amzTarget.lastIndexOf('.') + 1));
                    byte[] body = ByteBufUtil.getBytes(request.content());
                    yield text(JsonCodec.decode(null, body, 0, body.length), "QueueUrl");
                }
                case SDK_QUERY -> {
                    requireReceive(form.get("Action").get(0));
                    yield first(form.get("QueueUrl"));
                }
                case XML, LOCALSTACK_JSON -> Params.get(uri, "QueueUrl");
            };
            RequestContext scope = context;
            String rest = uri.path().length() > PATH.length() ? uri.path().substring(PATH.length() + 1) : "";
            if (!rest.isEmpty()) {
                String[] parts = rest.split("/");
                if (parts.length != 3) {
                    throw CommonErrors.INVALID_PARAMETER_VALUE.exception(
                            "Expected /_aws/sqs/messages/{region}/{account}/{queue}, got %s", uri.path());
                }
                scope = new RequestContext(parts[1], parts[0], context.requestId(), context.endpoint());
                queueUrl = context.endpoint() + "/" + parts[1] + "/" + parts[2];
            }
            if (queueUrl == null || queueUrl.isEmpty()) {
                throw CommonErrors.MISSING_PARAMETER.exception("The request must contain the parameter QueueUrl.");
            }
            ObjectNode messages = sqs.inspect(scope, queueUrl, flag(uri, "ShowInvisible"), flag(uri, "ShowDelayed"));
            return switch (style) {
                case SDK_JSON -> new EncodedResponse(200, JsonErrorEncoder.contentType(jsonModel),
                        JsonCodec.encode(messages), Map.of());
                case LOCALSTACK_JSON -> new EncodedResponse(200, "application/json",
                        JsonCodec.encode(XmlAsJson.convert(xml(messages, context))), Map.of());
                case XML, SDK_QUERY -> new EncodedResponse(200, "text/xml", xml(messages, context), Map.of());
            };
        } catch (AwsException e) {
            return switch (style) {
                case SDK_JSON -> JsonErrorEncoder.encode(jsonModel, jsonErrorPrefix, e);
                case LOCALSTACK_JSON -> new EncodedResponse(e.error().status(), "application/json",
                        JsonCodec.encode(XmlAsJson.convert(xmlError(e, context))), Map.of());
                case XML, SDK_QUERY -> new EncodedResponse(e.error().status(), "text/xml", xmlError(e, context), Map.of());
            };
        }
    }

    private byte[] xml(ObjectNode messages, RequestContext context) {
        return QueryXmlEncoder.encode(queryModel.xmlNamespace(), receive, messages, context.requestId());
    }

    private byte[] xmlError(AwsException e, RequestContext context) {
        return QueryErrorEncoder.encode(queryModel.xmlNamespace(), e, context.requestId());
    }

    /** Only ReceiveMessage reads a queue; any other action sent here would act on it, so it is refused. */
    private static void requireReceive(String operation) {
        if (!OPERATION.equals(operation)) {
            throw CommonErrors.INVALID_ACTION.exception(
                    "The action %s is not valid for this endpoint: %s only answers ReceiveMessage.", operation, PATH);
        }
    }

    private static Map<String, List<String>> formParameters(FullHttpRequest request) {
        String contentType = request.headers().get(HttpHeaderNames.CONTENT_TYPE);
        if (!"POST".equals(request.method().name()) || !MediaType.is(contentType, "application/x-www-form-urlencoded")) {
            return Map.of();
        }
        return new QueryStringDecoder(request.content().toString(StandardCharsets.UTF_8), StandardCharsets.UTF_8, false)
                .parameters();
    }

    private static boolean accepts(FullHttpRequest request, String type) {
        String accept = request.headers().get(HttpHeaderNames.ACCEPT);
        return accept != null && accept.contains(type);
    }

    private static String text(ObjectNode input, String member) {
        return input.hasNonNull(member) ? input.get(member).asText() : null;
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static boolean flag(QueryStringDecoder uri, String name) {
        return "true".equalsIgnoreCase(Params.get(uri, name));
    }
}
