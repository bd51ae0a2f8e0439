package io.mailroom.core.service;

import io.mailroom.core.error.CommonErrors;
import io.mailroom.core.error.ErrorCode;

/**
 * The errors a service answers when a request breaks what its model says, which differ by service:
 * SQS says {@code MissingParameter} / {@code InvalidParameterValue}, SNS says {@code InvalidParameter},
 * SES v2 says {@code BadRequestException}.
 *
 * @param missing a required member is absent
 * @param invalid a value breaks a length, range, pattern or enum constraint, or has the wrong type
 */
public record ValidationErrors(ErrorCode missing, ErrorCode invalid) {

    public static final ValidationErrors QUERY_DEFAULT =
            new ValidationErrors(CommonErrors.MISSING_PARAMETER, CommonErrors.INVALID_PARAMETER_VALUE);

    public static ValidationErrors both(ErrorCode error) {
        return new ValidationErrors(error, error);
    }
}
