package io.mailroom.http.dispatch;

/**
 * @param defaultAccount account for access keys that are not 12 digits
 * @param defaultRegion  region when the request carries no credential scope
 * @param publicBaseUrl  base of URLs handed back (queue URLs); null to use the request's Host header
 * @param fallbackHost   host:port for requests without a Host header
 */
public record DispatchSettings(String defaultAccount, String defaultRegion, String publicBaseUrl, String fallbackHost) {
}
