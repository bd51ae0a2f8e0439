package io.mailroom.http.dashboard;

import io.mailroom.core.request.RequestContext;
import io.mailroom.http.internal.InternalEndpoint;
import io.mailroom.protocol.EncodedResponse;
import io.mailroom.s3.S3Service;
import io.mailroom.ses.SesModule;
import io.mailroom.sns.SnsService;
import io.mailroom.sqs.SqsService;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The built-in web dashboard at {@code /_mailroom/}: the page and its assets, and the read-only JSON views
 * under {@code /_mailroom/api/} that its script polls. Nothing here changes state: the page sends and purges
 * through the real SQS operations, so every AWS rule applies to them.
 */
public final class DashboardEndpoint implements InternalEndpoint {
    static final String ROOT = "/_mailroom";
    private static final String ASSETS = ROOT + "/assets/";
    private static final String API = ROOT + "/api/";

    private final StaticAssets assets = new StaticAssets();
    private final QueuesView queues;
    private final TopicsView topics;
    private final MailView mail;
    private final BucketsView buckets;
    private final InboundView inbound;

    public DashboardEndpoint(SqsService sqs, Supplier<SnsService> sns, Supplier<SesModule> ses, Supplier<S3Service> s3) {
        this.queues = new QueuesView(sqs);
        this.topics = new TopicsView(sns);
        this.mail = new MailView(ses);
        this.buckets = new BucketsView(s3);
        this.inbound = new InboundView(ses, s3);
    }

    @Override
    public boolean matches(FullHttpRequest request, String path) {
        String method = request.method().name();
        return ("GET".equals(method) || "HEAD".equals(method)) && (path.equals(ROOT) || path.equals(ROOT + "/")
                || path.startsWith(ASSETS) || path.startsWith(API));
    }

    @Override
    public EncodedResponse handle(FullHttpRequest request, QueryStringDecoder uri, RequestContext context) {
        String path = uri.path();
        if (path.equals(ROOT)) {
            // The page's relative links need the trailing slash.
            return new EncodedResponse(308, "text/plain", new byte[0], Map.of("Location", ROOT + "/"));
        }
        if (path.equals(ROOT + "/")) {
            return assets.serve("index.html", request);
        }
        if (path.startsWith(ASSETS)) {
            return assets.serve(path.substring(ASSETS.length()), request);
        }
        String route = path.substring(API.length());
        if (route.equals("queues")) {
            return queues.list(context);
        }
        if (route.equals("topics")) {
            return topics.list();
        }
        if (route.equals("mail") || route.startsWith("mail/")) {
            return mail.serve(route.substring("mail".length()));
        }
        if (route.equals("buckets") || route.startsWith("buckets/")) {
            var prefix = uri.parameters().get("prefix");
            return buckets.serve(route.substring("buckets".length()), prefix == null ? null : prefix.get(0));
        }
        if (route.equals("inbound")) {
            return inbound.list();
        }
        return NotFound.response("No dashboard view " + path + ".");
    }
}
