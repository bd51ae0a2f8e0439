package io.mailroom.core.request;

/**
 * Who is calling and where: resources are isolated per account and region.
 *
 * @param accountId 12-digit account selected by the access key (or the configured default)
 * @param region    region from the SigV4 credential scope (or the configured default)
 * @param requestId id echoed in the response metadata and logs
 * @param endpoint  base URL the client used to reach us ({@code http://host:port}), for URLs we hand back
 */
public record RequestContext(String accountId, String region, String requestId, String endpoint) {
}
