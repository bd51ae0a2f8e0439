package io.mailroom.http.dispatch;

import io.mailroom.protocol.EncodedResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Cross-origin requests from a web page, as the AWS SDKs for JavaScript send them from a browser. SQS, SNS and
 * SES are CORS-enabled services: they answer a preflight for any origin and let the page read their answers,
 * request-id and error-type headers included (the SDKs parse errors from them). S3 decides per bucket, by its
 * CORS configuration (see {@code io.mailroom.s3.api.CorsOperations}).
 * See https://docs.aws.amazon.com/sdk-for-javascript/v3/developer-guide/cors.html
 */
final class CrossOrigin {
    private static final String EXPOSED = "x-amzn-RequestId,x-amzn-ErrorType,x-amzn-ErrorMessage,x-amzn-query-error,Date";
    private static final Pattern QUEUE_PATH = Pattern.compile("/\\d{12}/[^/]+");
    /**
     * What is left of a service's own host name once the local domain is taken off ({@code sqs.us-east-1} of
     * {@code sqs.us-east-1.localhost.localstack.cloud}), which would otherwise name a bucket; SES v2's is {@code email}.
     */
    private static final Pattern SERVICE_HOST = Pattern.compile("(?:sqs|sns|email|ses)(?:\\.[a-z]{2}(?:-[a-z]+)+-\\d+)?");

    private CrossOrigin() {
    }

    static boolean isPreflight(FullHttpRequest request) {
        return "OPTIONS".equals(request.method().name())
                && request.headers().contains(HttpHeaderNames.ORIGIN)
                && request.headers().contains(HttpHeaderNames.ACCESS_CONTROL_REQUEST_METHOD);
    }

    /** Whether a preflight to this path asks the query and JSON services (the root, a queue URL) rather than S3. */
    static boolean addressesCorsEnabledService(String path) {
        return "/".equals(path) || path.isEmpty() || QUEUE_PATH.matcher(path).matches();
    }

    /**
     * Whether a path is one of the developer endpoints (Mailroom's, and LocalStack's that Mailroom answers), which
     * a page on any origin may call, as it may call SQS: a bucket of that name would be no valid bucket name.
     */
    static boolean addressesDeveloperEndpoint(String path) {
        return path.startsWith("/_mailroom/") || path.startsWith("/_aws/") || path.startsWith("/_localstack/");
    }

    /** Whether the bucket a host name seems to name is a CORS-enabled service's own name instead. */
    static boolean isServiceHostName(String hostBucket) {
        return SERVICE_HOST.matcher(hostBucket).matches();
    }

    /** The answer to a preflight for a CORS-enabled service: any origin, method and requested headers. */
    static EncodedResponse preflight(FullHttpRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Access-Control-Allow-Origin", "*");
        headers.put("Access-Control-Allow-Methods", "GET,HEAD,PUT,POST,DELETE,PATCH,OPTIONS");
        String requested = request.headers().get(HttpHeaderNames.ACCESS_CONTROL_REQUEST_HEADERS);
        if (requested != null) {
            headers.put("Access-Control-Allow-Headers", requested);
        }
        headers.put("Access-Control-Max-Age", "172800");
        return new EncodedResponse(200, "text/plain", new byte[0], headers);
    }

    /**
     * The answer to a request that came with an Origin, readable by the page when a CORS-enabled service gave
     * it. S3's answers (they carry {@code x-amz-request-id}) stay as they are: their bucket's CORS configuration
     * decides.
     */
    static Dispatcher.Reply readable(Dispatcher.Reply reply) {
        EncodedResponse response = reply.response();
        if (response.headers().containsKey("x-amz-request-id")) {
            return reply;
        }
        Map<String, String> headers = new LinkedHashMap<>(response.headers());
        headers.putIfAbsent("Access-Control-Allow-Origin", "*");
        headers.putIfAbsent("Access-Control-Expose-Headers", EXPOSED);
        return new Dispatcher.Reply(new EncodedResponse(response.status(), response.contentType(), response.body(),
                headers), reply.requestId());
    }
}
