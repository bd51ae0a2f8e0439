package io.mailroom.sns;

import io.mailroom.core.error.AwsException;
import io.mailroom.core.error.ErrorCode;
import io.mailroom.core.error.Fault;
import io.mailroom.core.model.Shape;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SNS's errors, derived from the exception shapes of the model: the shape name is the error type and
 * the {@code error} trait gives the Query code, status and fault (NotFoundException → NotFound, 404).
 */
public final class SnsErrors {
    public static final Map<String, ErrorCode> ALL = load();

    public static final ErrorCode INVALID_PARAMETER = of("InvalidParameterException");
    public static final ErrorCode INVALID_PARAMETER_VALUE = of("InvalidParameterValueException");
    public static final ErrorCode NOT_FOUND = of("NotFoundException");
    public static final ErrorCode INVALID_STATE = of("InvalidStateException");
    public static final ErrorCode RESOURCE_NOT_FOUND = of("ResourceNotFoundException");
    public static final ErrorCode AUTHORIZATION_ERROR = of("AuthorizationErrorException");
    public static final ErrorCode TAG_LIMIT_EXCEEDED = of("TagLimitExceededException");
    public static final ErrorCode TAG_POLICY = of("TagPolicyException");
    public static final ErrorCode BATCH_ENTRY_IDS_NOT_DISTINCT = of("BatchEntryIdsNotDistinctException");
    public static final ErrorCode BATCH_REQUEST_TOO_LONG = of("BatchRequestTooLongException");
    public static final ErrorCode EMPTY_BATCH_REQUEST = of("EmptyBatchRequestException");
    public static final ErrorCode INVALID_BATCH_ENTRY_ID = of("InvalidBatchEntryIdException");
    public static final ErrorCode TOO_MANY_ENTRIES_IN_BATCH = of("TooManyEntriesInBatchRequestException");
    public static final ErrorCode ENDPOINT_DISABLED = of("EndpointDisabledException");
    public static final ErrorCode PLATFORM_APPLICATION_DISABLED = of("PlatformApplicationDisabledException");
    public static final ErrorCode FILTER_POLICY_LIMIT_EXCEEDED = of("FilterPolicyLimitExceededException");
    public static final ErrorCode SUBSCRIPTION_LIMIT_EXCEEDED = of("SubscriptionLimitExceededException");
    public static final ErrorCode TOPIC_LIMIT_EXCEEDED = of("TopicLimitExceededException");
    public static final ErrorCode VERIFICATION = of("VerificationException");
    public static final ErrorCode USER_ERROR = of("UserErrorException");
    public static final ErrorCode OPTED_OUT = of("OptedOutException");
    public static final ErrorCode THROTTLED = of("ThrottledException");
    /** Not in the model: AWS's request validation, when a required member is absent. */
    public static final ErrorCode VALIDATION_ERROR = ErrorCode.sender("ValidationError", 400);

    private static final String INVALID = "Invalid parameter: ";

    private SnsErrors() {
    }

    /** InvalidParameter with AWS's {@code "Invalid parameter: ..."} message prefix. */
    public static AwsException invalid(String detail) {
        return INVALID_PARAMETER.exception(INVALID + detail);
    }

    /**
     * The same InvalidParameter told after {@code reason}: {@code "Invalid parameter: " + reason + detail}.
     * Any other error is answered as it is.
     */
    public static AwsException withReason(String reason, AwsException e) {
        String message = e.getMessage();
        if (e.error() != INVALID_PARAMETER || !message.startsWith(INVALID)) {
            return e;
        }
        return invalid(reason + message.substring(INVALID.length()));
    }

    public static AwsException topicNotFound() {
        return NOT_FOUND.exception("Topic does not exist");
    }

    public static AwsException subscriptionNotFound() {
        return NOT_FOUND.exception("Subscription does not exist");
    }

    private static ErrorCode of(String shape) {
        ErrorCode code = ALL.get(shape);
        if (code == null) {
            throw new IllegalStateException("SNS model has no exception shape " + shape);
        }
        return code;
    }

    private static Map<String, ErrorCode> load() {
        Map<String, ErrorCode> errors = new LinkedHashMap<>();
        for (Shape shape : SnsModel.MODEL.shapes().values()) {
            if (!shape.isException()) {
                continue;
            }
            if (shape.error() != null) {
                errors.put(shape.name(), new ErrorCode(shape.name(), shape.error().code(),
                        shape.error().httpStatusCode(),
                        shape.error().httpStatusCode() >= 500 ? Fault.RECEIVER : Fault.SENDER));
            } else {
                // VerificationException carries no error trait: AWS answers it under its shape name, 400.
                errors.put(shape.name(), new ErrorCode(shape.name(), shape.name(), 400, Fault.SENDER));
            }
        }
        return Collections.unmodifiableMap(errors);
    }
}
