package io.mailroom.core.request;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * S3's second request id, {@code x-amz-id-2} (the SDKs' "extended request id", the test event's
 * {@code HostId}): opaque to clients, but one request has one, so the response header and the event
 * records the request raises must carry the same value. Here it is derived from the request id.
 */
public final class ExtendedRequestId {
    private ExtendedRequestId() {
    }

    public static String of(String requestId) {
        return Base64.getEncoder().encodeToString(requestId.getBytes(StandardCharsets.US_ASCII));
    }
}
