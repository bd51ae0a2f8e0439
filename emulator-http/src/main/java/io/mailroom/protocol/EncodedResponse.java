package io.mailroom.protocol;

import java.util.Map;

/**
 * A response ready for the wire, independent of the HTTP library.
 *
 * @param status      HTTP status
 * @param contentType media type of the body; null for an answer that has none (S3's to a preflight)
 * @param body        the bytes
 * @param headers     further headers (for example {@code x-amzn-query-error})
 */
public record EncodedResponse(int status, String contentType, byte[] body, Map<String, String> headers) {
}
