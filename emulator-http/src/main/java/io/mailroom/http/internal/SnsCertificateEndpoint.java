package io.mailroom.http.internal;

import io.mailroom.core.request.RequestContext;
import io.mailroom.protocol.EncodedResponse;
import io.mailroom.sns.SnsService;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.Map;
import java.util.function.Supplier;

/** The certificate that signs SNS messages, served at the {@code SigningCertURL} the messages name. */
public final class SnsCertificateEndpoint implements InternalEndpoint {
    private final Supplier<SnsService> sns;

    public SnsCertificateEndpoint(Supplier<SnsService> sns) {
        this.sns = sns;
    }

    @Override
    public boolean matches(FullHttpRequest request, String path) {
        return "GET".equals(request.method().name()) && SnsService.certificatePath().equals(path);
    }

    @Override
    public EncodedResponse handle(FullHttpRequest request, QueryStringDecoder uri, RequestContext context) {
        return new EncodedResponse(200, "application/x-pem-file", sns.get().signingCertificatePem(), Map.of());
    }
}
