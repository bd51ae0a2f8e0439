package io.mailroom.core.service;

import io.mailroom.core.error.CommonErrors;
import io.mailroom.core.error.ErrorCode;

/**
 * The errors a service answers when a request breaks what its model says, which differ by service:
 * SQS says {@code MissingParameter} / {@code InvalidParameterValue}; SNS and SES v1 say {@code ValidationError} for
 * an absent member, then {@code InvalidParameter} and {@code InvalidParameterValue}; SES v2 says
 * {@code BadRequestException}.
 *
 * @param missing        a required member is absent
 * @param invalid        a value breaks a length, range, pattern or enum constraint, or has the wrong type
 * @param missingWording how the message of {@code missing} names the member
 */
public record ValidationErrors(ErrorCode missing, ErrorCode invalid, MissingWording missingWording) {

    public static final ValidationErrors QUERY_DEFAULT =
            new ValidationErrors(CommonErrors.MISSING_PARAMETER, CommonErrors.INVALID_PARAMETER_VALUE);

    /** How an absent required member is told. */
    public enum MissingWording {
        /** {@code The request must contain the parameter MessageBody.} (SQS, SES v2, S3) */
        MUST_CONTAIN,
        /**
         * AWS's request validation of the services that answer {@code ValidationError} (SNS, SES v1), with the member
         * in lower camel case: {@code 1 validation error detected: Value null at 'message' failed to satisfy
         * constraint: Member must not be null}.
         */
        MUST_NOT_BE_NULL
    }

    public ValidationErrors(ErrorCode missing, ErrorCode invalid) {
        this(missing, invalid, MissingWording.MUST_CONTAIN);
    }

    public static ValidationErrors both(ErrorCode error) {
        return new ValidationErrors(error, error);
    }
}
