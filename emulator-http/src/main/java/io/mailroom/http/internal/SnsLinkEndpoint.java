package io.mailroom.http.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.error.AwsException;
import io.mailroom.core.model.ServiceModel;
import io.mailroom.core.request.RequestContext;
import io.mailroom.protocol.EncodedResponse;
import io.mailroom.protocol.query.QueryErrorEncoder;
import io.mailroom.protocol.query.QueryXmlEncoder;
import io.mailroom.sns.SnsService;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The {@code SubscribeURL} and {@code UnsubscribeURL} of SNS messages: a plain, unsigned
 * {@code GET /?Action=ConfirmSubscription&TopicArn=..&Token=..} (or {@code Action=Unsubscribe}).
 * AWS records such a confirmation as not authenticated, which the signed API call is, so these
 * requests are told apart here by their missing signature.
 */
public final class SnsLinkEndpoint implements InternalEndpoint {
    private final Supplier<SnsService> sns;
    private final ServiceModel model;

    public SnsLinkEndpoint(Supplier<SnsService> sns) {
        this.sns = sns;
        this.model = SnsService.DESCRIPTOR.queryModel().orElseThrow();
    }

    @Override
    public boolean matches(FullHttpRequest request, String path) {
        if (!"GET".equals(request.method().name()) || !"/".equals(path)
                || request.headers().contains(HttpHeaderNames.AUTHORIZATION)) {
            return false;
        }
        String uri = request.uri();
        return uri.contains("Action=ConfirmSubscription") || uri.contains("Action=Unsubscribe");
    }

    @Override
    public EncodedResponse handle(FullHttpRequest request, QueryStringDecoder uri, RequestContext context) {
        String action = Params.get(uri, "Action");
        try {
            ObjectNode output = "ConfirmSubscription".equals(action)
                    ? sns.get().confirmSubscriptionFromUrl(context, Params.get(uri, "TopicArn"), Params.get(uri, "Token"))
                    : sns.get().unsubscribeFromUrl(context, Params.get(uri, "SubscriptionArn"));
            return new EncodedResponse(200, "text/xml", QueryXmlEncoder.encode(model.xmlNamespace(),
                    model.operation(action).orElseThrow(), output, context.requestId()), Map.of());
        } catch (AwsException e) {
            return new EncodedResponse(e.error().status(), "text/xml",
                    QueryErrorEncoder.encode(model.xmlNamespace(), e, context.requestId()), Map.of());
        }
    }
}
