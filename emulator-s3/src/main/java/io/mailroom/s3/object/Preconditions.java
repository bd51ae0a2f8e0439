package io.mailroom.s3.object;

import com.fasterxml.jackson.databind.JsonNode;
import io.mailroom.s3.S3Errors;
import io.mailroom.s3.api.Input;

/**
 * Conditional request headers, evaluated as RFC 9110 §13.2.2 orders them, which is also S3's documented
 * behaviour: a matching If-Match makes If-Unmodified-Since irrelevant, and an If-None-Match makes
 * If-Modified-Since irrelevant (https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html).
 * Dates are epoch millis; objects' Last-Modified has whole seconds, like the HTTP-dates compared with it.
 */
public record Preconditions(String ifMatch, String ifNoneMatch, Long ifModifiedSince, Long ifUnmodifiedSince) {

    /** What the conditions let the request do. */
    public enum Outcome {
        PROCEED,
        /** 304 Not Modified: only GET and HEAD answer it. */
        NOT_MODIFIED
    }

    /** The conditions of GetObject and HeadObject. */
    public static Preconditions of(JsonNode input) {
        return new Preconditions(Input.text(input, "IfMatch"), Input.text(input, "IfNoneMatch"),
                Input.timestampMillis(input, "IfModifiedSince"), Input.timestampMillis(input, "IfUnmodifiedSince"));
    }

    /** CopyObject's conditions on its source ({@code x-amz-copy-source-if-*}). */
    public static Preconditions ofCopySource(JsonNode input) {
        return new Preconditions(Input.text(input, "CopySourceIfMatch"), Input.text(input, "CopySourceIfNoneMatch"),
                Input.timestampMillis(input, "CopySourceIfModifiedSince"),
                Input.timestampMillis(input, "CopySourceIfUnmodifiedSince"));
    }

    /** @throws io.mailroom.core.error.AwsException PreconditionFailed (412) */
    public Outcome evaluate(StoredObject object) {
        if (ifMatch != null) {
            if (!ETag.listed(ifMatch, object.etag())) {
                throw failed();
            }
        } else if (ifUnmodifiedSince != null && object.lastModified() > ifUnmodifiedSince) {
            throw failed();
        }
        if (ifNoneMatch != null) {
            if (ETag.listed(ifNoneMatch, object.etag())) {
                return Outcome.NOT_MODIFIED;
            }
        } else if (ifModifiedSince != null && object.lastModified() <= ifModifiedSince) {
            return Outcome.NOT_MODIFIED;
        }
        return Outcome.PROCEED;
    }

    /** For CopyObject, where S3 answers 412 for every condition that does not hold, 304 being no copy answer. */
    public void require(StoredObject source) {
        if (evaluate(source) == Outcome.NOT_MODIFIED) {
            throw failed();
        }
    }

    public static RuntimeException failed() {
        return S3Errors.PRECONDITION_FAILED.exception("At least one of the pre-conditions you specified did not hold");
    }
}
