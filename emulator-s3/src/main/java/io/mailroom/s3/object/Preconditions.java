package io.mailroom.s3.object;

import com.fasterxml.jackson.databind.JsonNode;
import io.mailroom.core.error.AwsException;
import io.mailroom.s3.S3Errors;
import io.mailroom.s3.api.Input;

/**
 * Conditional request headers, evaluated as RFC 9110 §13.2.2 orders them, which is also S3's documented
 * behaviour: a matching If-Match makes If-Unmodified-Since irrelevant, and an If-None-Match makes
 * If-Modified-Since irrelevant (https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html).
 * Dates are epoch millis; objects' Last-Modified has whole seconds, like the HTTP-dates compared with it.
 *
 * @param headerPrefix what the headers' names start with: "" for GetObject's, {@code x-amz-copy-source-}
 *                     for CopyObject's; S3 names the header that failed in its error's {@code <Condition>}
 */
public record Preconditions(String ifMatch, String ifNoneMatch, Long ifModifiedSince, Long ifUnmodifiedSince,
                            String headerPrefix) {
    /** S3's message for every condition that does not hold, in an error and in a DeleteObjects entry. */
    public static final String FAILED_MESSAGE = "At least one of the pre-conditions you specified did not hold";

    /** What the conditions let the request do. */
    public enum Outcome {
        PROCEED,
        /** 304 Not Modified: only GET and HEAD answer it. */
        NOT_MODIFIED
    }

    /** The conditions of GetObject and HeadObject. */
    public static Preconditions of(JsonNode input) {
        return new Preconditions(Input.text(input, "IfMatch"), Input.text(input, "IfNoneMatch"),
                Input.timestampMillis(input, "IfModifiedSince"), Input.timestampMillis(input, "IfUnmodifiedSince"), "");
    }

    /** CopyObject's conditions on its source ({@code x-amz-copy-source-if-*}). */
    public static Preconditions ofCopySource(JsonNode input) {
        return new Preconditions(Input.text(input, "CopySourceIfMatch"), Input.text(input, "CopySourceIfNoneMatch"),
                Input.timestampMillis(input, "CopySourceIfModifiedSince"),
                Input.timestampMillis(input, "CopySourceIfUnmodifiedSince"), "x-amz-copy-source-");
    }

    /**
     * @throws io.mailroom.core.error.AwsException PreconditionFailed (412)
     */
    public Outcome evaluate(StoredObject object, long now) {
        return unmodifiedBy(object, now) == null ? Outcome.PROCEED : Outcome.NOT_MODIFIED;
    }

    /** For CopyObject, where S3 answers 412 for every condition that does not hold, 304 being no copy answer. */
    public void require(StoredObject source, long now) {
        String condition = unmodifiedBy(source, now);
        if (condition != null) {
            throw failed(condition);
        }
    }

    /**
     * Throws PreconditionFailed for an If-Match or If-Unmodified-Since that does not hold; answers the header
     * that makes a GET a 304, or null. An If-Modified-Since later than {@code now} is ignored, as S3 does (a
     * CopyObject with one copies) and as RFC 2616 §14.25 put it: such a date is invalid.
     */
    private String unmodifiedBy(StoredObject object, long now) {
        if (ifMatch != null) {
            if (!ETag.listed(ifMatch, object.etag())) {
                throw failed(headerPrefix + "If-Match");
            }
        } else if (ifUnmodifiedSince != null && object.lastModified() > ifUnmodifiedSince) {
            throw failed(headerPrefix + "If-Unmodified-Since");
        }
        if (ifNoneMatch != null) {
            return ETag.listed(ifNoneMatch, object.etag()) ? headerPrefix + "If-None-Match" : null;
        }
        boolean modifiedSince = ifModifiedSince == null || ifModifiedSince > now
                || object.lastModified() > ifModifiedSince;
        return modifiedSince ? null : headerPrefix + "If-Modified-Since";
    }

    /** PreconditionFailed (412), naming the header whose condition did not hold ({@code If-Match}...). */
    public static AwsException failed(String condition) {
        return S3Errors.PRECONDITION_FAILED.exception(FAILED_MESSAGE)
                .with("Condition", condition);
    }
}
