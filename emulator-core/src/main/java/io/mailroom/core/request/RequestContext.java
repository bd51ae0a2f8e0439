package io.mailroom.core.request;

/**
 * Who is calling and where: resources are isolated per account and region.
 *
 * @param accountId   12-digit account selected by the access key (or the configured default)
 * @param region      region from the SigV4 credential scope (or the configured default)
 * @param requestId   id echoed in the response metadata and logs
 * @param endpoint    base URL the client used to reach us ({@code http://host:port}), for URLs we hand back
 * @param traceHeader the request's X-Ray trace header ({@code X-Amzn-Trace-Id}), or null; services pass it on
 *                    with the messages the request makes them send, as AWS does
 */
public record RequestContext(String accountId, String region, String requestId, String endpoint, String traceHeader) {

    /** A request without a trace header. */
    public RequestContext(String accountId, String region, String requestId, String endpoint) {
        this(accountId, region, requestId, endpoint, null);
    }
}
