package io.mailroom.sqs;

import io.mailroom.core.error.ErrorCode;
import io.mailroom.core.error.Fault;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SQS's errors: the error shape (JSON {@code __type}) and the legacy Query code, which the JSON model
 * does not carry. Codes and statuses follow the AWS SDK error metadata
 * (aws-sdk-js-v3 schema {@code awsQueryError} traits, e.g. {@code QueueDoesNotExist} →
 * {@code ["AWS.SimpleQueueService.NonExistentQueue", 400]}; shapes without the trait use their own name)
 * and https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/CommonErrors.html.
 */
public final class SqsErrors {
    public static final ErrorCode QUEUE_DOES_NOT_EXIST =
            sender("QueueDoesNotExist", "AWS.SimpleQueueService.NonExistentQueue", 400);
    public static final ErrorCode QUEUE_NAME_EXISTS = sender("QueueNameExists", "QueueAlreadyExists", 400);
    public static final ErrorCode QUEUE_DELETED_RECENTLY =
            sender("QueueDeletedRecently", "AWS.SimpleQueueService.QueueDeletedRecently", 400);
    public static final ErrorCode RECEIPT_HANDLE_IS_INVALID =
            sender("ReceiptHandleIsInvalid", "ReceiptHandleIsInvalid", 404);
    public static final ErrorCode MESSAGE_NOT_INFLIGHT =
            sender("MessageNotInflight", "AWS.SimpleQueueService.MessageNotInflight", 400);
    public static final ErrorCode PURGE_QUEUE_IN_PROGRESS =
            sender("PurgeQueueInProgress", "AWS.SimpleQueueService.PurgeQueueInProgress", 403);
    public static final ErrorCode TOO_MANY_ENTRIES_IN_BATCH_REQUEST = simpleQueueService("TooManyEntriesInBatchRequest");
    public static final ErrorCode EMPTY_BATCH_REQUEST = simpleQueueService("EmptyBatchRequest");
    public static final ErrorCode BATCH_ENTRY_IDS_NOT_DISTINCT = simpleQueueService("BatchEntryIdsNotDistinct");
    public static final ErrorCode BATCH_REQUEST_TOO_LONG = simpleQueueService("BatchRequestTooLong");
    public static final ErrorCode INVALID_BATCH_ENTRY_ID = simpleQueueService("InvalidBatchEntryId");
    public static final ErrorCode UNSUPPORTED_OPERATION = simpleQueueService("UnsupportedOperation");
    public static final ErrorCode INVALID_ATTRIBUTE_NAME = sender("InvalidAttributeName", "InvalidAttributeName", 400);
    public static final ErrorCode INVALID_ATTRIBUTE_VALUE = sender("InvalidAttributeValue", "InvalidAttributeValue", 400);
    public static final ErrorCode INVALID_MESSAGE_CONTENTS = sender("InvalidMessageContents", "InvalidMessageContents", 400);
    public static final ErrorCode INVALID_ID_FORMAT = sender("InvalidIdFormat", "InvalidIdFormat", 400);
    public static final ErrorCode INVALID_ADDRESS = sender("InvalidAddress", "InvalidAddress", 404);
    public static final ErrorCode INVALID_SECURITY = sender("InvalidSecurity", "InvalidSecurity", 403);
    public static final ErrorCode OVER_LIMIT = sender("OverLimit", "OverLimit", 403);
    public static final ErrorCode REQUEST_THROTTLED = sender("RequestThrottled", "RequestThrottled", 403);
    public static final ErrorCode RESOURCE_NOT_FOUND =
            sender("ResourceNotFoundException", "ResourceNotFoundException", 404);
    public static final ErrorCode KMS_ACCESS_DENIED = kms("KmsAccessDenied", "KMS.AccessDeniedException");
    public static final ErrorCode KMS_DISABLED = kms("KmsDisabled", "KMS.DisabledException");
    public static final ErrorCode KMS_INVALID_KEY_USAGE = kms("KmsInvalidKeyUsage", "KMS.InvalidKeyUsageException");
    public static final ErrorCode KMS_INVALID_STATE = kms("KmsInvalidState", "KMS.InvalidStateException");
    public static final ErrorCode KMS_NOT_FOUND = kms("KmsNotFound", "KMS.NotFoundException");
    public static final ErrorCode KMS_OPT_IN_REQUIRED = sender("KmsOptInRequired", "KMS.OptInRequired", 403);
    public static final ErrorCode KMS_THROTTLED = kms("KmsThrottled", "KMS.ThrottlingException");

    /**
     * Not in the model, but what SQS answers for bad parameter values. Over the JSON protocol its
     * {@code __type} is {@code com.amazonaws.sqs#InvalidParameterValueException} while the
     * {@code x-amzn-query-error} header keeps the Query code (boto3 shows the former as {@code QueryErrorCode}
     * in recordings of AWS's answers, e.g. to ReceiveMessage with {@code MaxNumberOfMessages=11}).
     */
    public static final ErrorCode INVALID_PARAMETER_VALUE =
            sender("InvalidParameterValueException", "InvalidParameterValue", 400);
    /** Not in the model, but what SQS answers for a missing parameter; JSON {@code __type} as recorded likewise. */
    public static final ErrorCode MISSING_PARAMETER =
            sender("MissingRequiredParameterException", "MissingParameter", 400);

    /** Every error shape of the model, by shape name. */
    public static final Map<String, ErrorCode> BY_SHAPE = byShape(
            QUEUE_DOES_NOT_EXIST, QUEUE_NAME_EXISTS, QUEUE_DELETED_RECENTLY, RECEIPT_HANDLE_IS_INVALID,
            MESSAGE_NOT_INFLIGHT, PURGE_QUEUE_IN_PROGRESS, TOO_MANY_ENTRIES_IN_BATCH_REQUEST, EMPTY_BATCH_REQUEST,
            BATCH_ENTRY_IDS_NOT_DISTINCT, BATCH_REQUEST_TOO_LONG, INVALID_BATCH_ENTRY_ID, UNSUPPORTED_OPERATION,
            INVALID_ATTRIBUTE_NAME, INVALID_ATTRIBUTE_VALUE, INVALID_MESSAGE_CONTENTS, INVALID_ID_FORMAT,
            INVALID_ADDRESS, INVALID_SECURITY, OVER_LIMIT, REQUEST_THROTTLED, RESOURCE_NOT_FOUND,
            KMS_ACCESS_DENIED, KMS_DISABLED, KMS_INVALID_KEY_USAGE, KMS_INVALID_STATE, KMS_NOT_FOUND,
            KMS_OPT_IN_REQUIRED, KMS_THROTTLED);

    private SqsErrors() {
    }

    private static ErrorCode sender(String type, String code, int status) {
        return new ErrorCode(type, code, status, Fault.SENDER);
    }

    private static ErrorCode simpleQueueService(String type) {
        return sender(type, "AWS.SimpleQueueService." + type, 400);
    }

    private static ErrorCode kms(String type, String code) {
        return sender(type, code, 400);
    }

    private static Map<String, ErrorCode> byShape(ErrorCode... codes) {
        Map<String, ErrorCode> map = new LinkedHashMap<>();
        for (ErrorCode c : codes) {
            map.put(c.type(), c);
        }
        return Map.copyOf(map);
    }
}
