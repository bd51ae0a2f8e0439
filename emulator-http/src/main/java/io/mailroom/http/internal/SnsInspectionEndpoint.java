package io.mailroom.http.internal;

import io.mailroom.protocol.Canonical;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.error.CommonErrors;
import io.mailroom.core.request.RequestContext;
import io.mailroom.protocol.EncodedResponse;
import io.mailroom.protocol.json.JsonCodec;
import io.mailroom.sns.SnsService;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * LocalStack's SNS developer endpoints, so tests written against them keep working:
 * {@code /_aws/sns/sms-messages} and {@code /_aws/sns/platform-endpoint-messages} ({@code GET} lists,
 * {@code DELETE} clears; filters {@code accountId}, {@code region}, {@code phoneNumber} / {@code endpointArn}),
 * {@code GET /_aws/sns/subscription-tokens/{subscriptionArn}} and {@code POST /_aws/sns/phone-opt-outs}.
 */
public final class SnsInspectionEndpoint implements InternalEndpoint {
    private static final String PREFIX = "/_aws/sns/";
    private static final String SMS = PREFIX + "sms-messages";
    private static final String PUSH = PREFIX + "platform-endpoint-messages";
    private static final String TOKENS = PREFIX + "subscription-tokens/";
    private static final String OPT_OUTS = PREFIX + "phone-opt-outs";
    private static final byte[] EMPTY = new byte[0];
    private final Supplier<SnsService> sns;

    public SnsInspectionEndpoint(Supplier<SnsService> sns) {
        this.sns = sns;
    }

    @Override
    public boolean matches(FullHttpRequest request, String path) {
        return path.startsWith(PREFIX) && !path.equals(SnsService.certificatePath());
    }

    @Override
    public EncodedResponse handle(FullHttpRequest request, QueryStringDecoder uri, RequestContext context) {
        String method = request.method().name();
        String path = uri.path();
        String account = Params.getOr(uri, "accountId", context.accountId());
        String region = Params.getOr(uri, "region", context.region());
        if (path.equals(SMS) || path.equals(PUSH)) {
            boolean sms = path.equals(SMS);
            String filter = Params.get(uri, sms ? "phoneNumber" : "endpointArn");
            if ("DELETE".equals(method)) {
                if (sms) {
                    sns.get().clearSmsMessages(account, region, filter);
                } else {
                    sns.get().clearPlatformEndpointMessages(account, region, filter);
                }
                return new EncodedResponse(204, "application/json", EMPTY, Map.of());
            }
            ObjectNode body = sms ? sns.get().smsMessages(account, region, filter)
                    : sns.get().platformEndpointMessages(account, region, filter);
            return json(200, body);
        }
        if (path.startsWith(TOKENS) && "GET".equals(method)) {
            String arn = URLDecoder.decode(path.substring(TOKENS.length()), StandardCharsets.UTF_8);
            Optional<ObjectNode> token = sns.get().subscriptionToken(arn);
            if (token.isEmpty()) {
                ObjectNode missing = Canonical.NODES.objectNode();
                missing.put("error", "The SubscriptionArn was not found or has no confirmation token.");
                missing.put("subscription_arn", arn);
                return json(404, missing);
            }
            return json(200, token.get());
        }
        if (path.equals(OPT_OUTS) && "POST".equals(method)) {
            String phone = Params.get(uri, "phoneNumber");
            if (phone == null) {
                throw CommonErrors.MISSING_PARAMETER.exception("The request must contain the parameter phoneNumber.");
            }
            sns.get().optOutPhoneNumber(account, region, phone);
            return new EncodedResponse(204, "application/json", EMPTY, Map.of());
        }
        throw CommonErrors.INVALID_ACTION.exception("No developer endpoint %s %s.", method, path);
    }

    private static EncodedResponse json(int status, ObjectNode body) {
        return new EncodedResponse(status, "application/json", JsonCodec.encode(body), Map.of());
    }
}
