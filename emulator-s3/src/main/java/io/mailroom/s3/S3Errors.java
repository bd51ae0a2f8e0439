package io.mailroom.s3;

import io.mailroom.core.error.AwsException;
import io.mailroom.core.error.CommonErrors;
import io.mailroom.core.error.ErrorCode;
import io.mailroom.core.error.Fault;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * S3's errors. REST-XML errors carry only a {@code <Code>}, so the shape name, the code and the
 * {@code type} are all the same string. Codes and statuses follow
 * https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList.
 */
public final class S3Errors {
    public static final ErrorCode ACCESS_CONTROL_LIST_NOT_SUPPORTED = sender("AccessControlListNotSupported", 400);
    public static final ErrorCode ACCESS_DENIED = sender("AccessDenied", 403);
    /** A cross-origin preflight the bucket's CORS rules do not allow. */
    public static final ErrorCode ACCESS_FORBIDDEN = sender("AccessForbidden", 403);
    /** A presigned request's query-string authentication parameters are missing or out of range. */
    public static final ErrorCode AUTHORIZATION_QUERY_PARAMETERS_ERROR =
            sender("AuthorizationQueryParametersError", 400);
    public static final ErrorCode BAD_DIGEST = sender("BadDigest", 400);
    public static final ErrorCode BAD_REQUEST = sender("BadRequest", 400);
    public static final ErrorCode BUCKET_ALREADY_EXISTS = sender("BucketAlreadyExists", 409);
    public static final ErrorCode BUCKET_ALREADY_OWNED_BY_YOU = sender("BucketAlreadyOwnedByYou", 409);
    public static final ErrorCode BUCKET_NOT_EMPTY = sender("BucketNotEmpty", 409);
    public static final ErrorCode ENTITY_TOO_LARGE = sender("EntityTooLarge", 400);
    public static final ErrorCode ENTITY_TOO_SMALL = sender("EntityTooSmall", 400);
    public static final ErrorCode ILLEGAL_LOCATION_CONSTRAINT = sender("IllegalLocationConstraintException", 400);
    public static final ErrorCode INVALID_ARGUMENT = sender("InvalidArgument", 400);
    public static final ErrorCode INVALID_BUCKET_ACL_WITH_OBJECT_OWNERSHIP =
            sender("InvalidBucketAclWithObjectOwnership", 400);
    public static final ErrorCode INVALID_BUCKET_NAME = sender("InvalidBucketName", 400);
    public static final ErrorCode INVALID_DIGEST = sender("InvalidDigest", 400);
    public static final ErrorCode INVALID_PART = sender("InvalidPart", 400);
    public static final ErrorCode INVALID_PART_ORDER = sender("InvalidPartOrder", 400);
    public static final ErrorCode INVALID_PART_NUMBER = sender("InvalidPartNumber", 416);
    public static final ErrorCode INVALID_POLICY_DOCUMENT = sender("InvalidPolicyDocument", 400);
    public static final ErrorCode INVALID_LOCATION_CONSTRAINT = sender("InvalidLocationConstraint", 400);
    public static final ErrorCode INVALID_OBJECT_STATE = sender("InvalidObjectState", 403);
    public static final ErrorCode INVALID_RANGE = sender("InvalidRange", 416);
    public static final ErrorCode INVALID_TAG = sender("InvalidTag", 400);
    /** A request path that is no URI S3 can read: a broken %-escape, or bytes that are not UTF-8. */
    public static final ErrorCode INVALID_URI = sender("InvalidURI", 400);
    public static final ErrorCode INVALID_REQUEST = sender("InvalidRequest", 400);
    public static final ErrorCode KEY_TOO_LONG = sender("KeyTooLongError", 400);
    public static final ErrorCode MALFORMED_POLICY = sender("MalformedPolicy", 400);
    public static final ErrorCode MALFORMED_XML = sender("MalformedXML", 400);
    public static final ErrorCode MALFORMED_ACL = sender("MalformedACLError", 400);
    public static final ErrorCode MISSING_CONTENT_LENGTH = sender("MissingContentLength", 411);
    public static final ErrorCode MISSING_SECURITY_HEADER = sender("MissingSecurityHeader", 400);
    public static final ErrorCode METADATA_TOO_LARGE = sender("MetadataTooLarge", 400);
    public static final ErrorCode METHOD_NOT_ALLOWED = sender("MethodNotAllowed", 405);
    public static final ErrorCode NO_SUCH_BUCKET = sender("NoSuchBucket", 404);
    public static final ErrorCode NO_SUCH_BUCKET_POLICY = sender("NoSuchBucketPolicy", 404);
    public static final ErrorCode NO_SUCH_CORS_CONFIGURATION = sender("NoSuchCORSConfiguration", 404);
    public static final ErrorCode NO_SUCH_KEY = sender("NoSuchKey", 404);
    public static final ErrorCode NO_SUCH_LIFECYCLE_CONFIGURATION = sender("NoSuchLifecycleConfiguration", 404);
    public static final ErrorCode NO_SUCH_TAG_SET = sender("NoSuchTagSet", 404);
    public static final ErrorCode NO_SUCH_UPLOAD = sender("NoSuchUpload", 404);
    public static final ErrorCode NO_SUCH_VERSION = sender("NoSuchVersion", 404);
    public static final ErrorCode OWNERSHIP_CONTROLS_NOT_FOUND = sender("OwnershipControlsNotFoundError", 404);
    public static final ErrorCode PRECONDITION_FAILED = sender("PreconditionFailed", 412);
    public static final ErrorCode RESTORE_ALREADY_IN_PROGRESS = sender("RestoreAlreadyInProgress", 409);
    public static final ErrorCode UNEXPECTED_CONTENT = sender("UnexpectedContent", 400);
    public static final ErrorCode UNRESOLVABLE_GRANT_BY_EMAIL_ADDRESS = sender("UnresolvableGrantByEmailAddress", 400);
    public static final ErrorCode NOT_IMPLEMENTED = CommonErrors.NOT_IMPLEMENTED;

    /** Every error S3 raises here, by code (which is also the model's shape name where it has one). */
    public static final Map<String, ErrorCode> BY_SHAPE = byShape(ACCESS_CONTROL_LIST_NOT_SUPPORTED, ACCESS_DENIED, ACCESS_FORBIDDEN,
            AUTHORIZATION_QUERY_PARAMETERS_ERROR, BAD_DIGEST, BAD_REQUEST,
            BUCKET_ALREADY_EXISTS, BUCKET_ALREADY_OWNED_BY_YOU, BUCKET_NOT_EMPTY, ENTITY_TOO_LARGE, ENTITY_TOO_SMALL,
            ILLEGAL_LOCATION_CONSTRAINT, INVALID_ARGUMENT, INVALID_BUCKET_ACL_WITH_OBJECT_OWNERSHIP, INVALID_BUCKET_NAME, INVALID_DIGEST,
            INVALID_LOCATION_CONSTRAINT, INVALID_OBJECT_STATE, INVALID_PART, INVALID_PART_NUMBER, INVALID_PART_ORDER, INVALID_POLICY_DOCUMENT, INVALID_RANGE,
            INVALID_REQUEST, INVALID_TAG, INVALID_URI, KEY_TOO_LONG, MALFORMED_ACL, MALFORMED_POLICY, MALFORMED_XML, METADATA_TOO_LARGE,
            MISSING_CONTENT_LENGTH, MISSING_SECURITY_HEADER,
            METHOD_NOT_ALLOWED, NO_SUCH_BUCKET, NO_SUCH_BUCKET_POLICY, NO_SUCH_CORS_CONFIGURATION, NO_SUCH_KEY,
            NO_SUCH_LIFECYCLE_CONFIGURATION, NO_SUCH_TAG_SET,
            NO_SUCH_UPLOAD,
            NO_SUCH_VERSION, OWNERSHIP_CONTROLS_NOT_FOUND, PRECONDITION_FAILED, RESTORE_ALREADY_IN_PROGRESS,
            UNEXPECTED_CONTENT,
            UNRESOLVABLE_GRANT_BY_EMAIL_ADDRESS, NOT_IMPLEMENTED);

    /**
     * An object that is not there: the one message S3 gives wherever a key is looked up, with the key
     * it looked for as {@code <Key>}.
     */
    public static AwsException noSuchKey(String key) {
        return NO_SUCH_KEY.exception("The specified key does not exist.").with("Key", key);
    }

    /**
     * A version id other than "null" on a bucket that was never versioned: S3 names the argument
     * ({@code <ArgumentName>versionId</ArgumentName>}) and echoes it.
     */
    public static AwsException invalidVersionId(String versionId) {
        return INVALID_ARGUMENT.exception("Invalid version id specified").with("ArgumentName", "versionId")
                .with("ArgumentValue", versionId);
    }

    /**
     * An archived object's bytes asked for before a restore made them readable: S3's 403 with the object's storage
     * class (https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html).
     */
    public static AwsException notReadable(String message, String storageClass) {
        return INVALID_OBJECT_STATE.exception("%s", message).with("StorageClass", storageClass);
    }

    private S3Errors() {
    }

    private static ErrorCode sender(String code, int status) {
        return new ErrorCode(code, code, status, Fault.SENDER);
    }

    private static Map<String, ErrorCode> byShape(ErrorCode... codes) {
        Map<String, ErrorCode> map = new LinkedHashMap<>();
        for (ErrorCode c : codes) {
            map.put(c.type(), c);
        }
        return Map.copyOf(map);
    }
}
