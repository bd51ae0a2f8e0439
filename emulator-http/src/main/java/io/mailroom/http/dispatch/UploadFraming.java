package io.mailroom.http.dispatch;

import io.mailroom.protocol.rest.AwsChunkedBody;
import io.mailroom.s3.S3Errors;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpHeaderValues;

/**
 * How an object's bytes come to S3 (PutObject, UploadPart): in a body of the length Content-Length announces, or
 * in {@code aws-chunked} frames, which may travel in HTTP chunks. S3 does not implement HTTP's chunking of plain
 * bytes and answers 501 naming the Transfer-Encoding header, as clients that stream without a length have met
 * (https://github.com/aws/aws-sdk-js-v3/pull/3403); an upload with neither is 411 MissingContentLength
 * (https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList).
 */
final class UploadFraming {
    private UploadFraming() {
    }

    /** Refuses an upload framed as S3 does not take it; any other request passes. */
    static void check(String operation, HttpHeaders headers) {
        if (!"PutObject".equals(operation) && !"UploadPart".equals(operation)) {
            return;
        }
        if (headers.containsValue(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED, true)) {
            if (!AwsChunkedBody.applies(headers.get(HttpHeaderNames.CONTENT_ENCODING),
                    headers.get("x-amz-content-sha256"))) {
                throw S3Errors.NOT_IMPLEMENTED.exception("A header you provided implies functionality that is not"
                        + " implemented").with("Header", "Transfer-Encoding");
            }
        } else if (!headers.contains(HttpHeaderNames.CONTENT_LENGTH)) {
            throw S3Errors.MISSING_CONTENT_LENGTH.exception("You must provide the Content-Length HTTP header.");
        }
    }
}
