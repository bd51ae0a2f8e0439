package io.mailroom.core.error;

/** Errors every AWS Query/JSON service answers with, independent of its model. */
public final class CommonErrors {
    public static final ErrorCode INVALID_ACTION = ErrorCode.sender("InvalidAction", 400);
    public static final ErrorCode MISSING_ACTION = ErrorCode.sender("MissingAction", 400);
    public static final ErrorCode MISSING_PARAMETER = ErrorCode.sender("MissingParameter", 400);
    public static final ErrorCode INVALID_PARAMETER_VALUE = ErrorCode.sender("InvalidParameterValue", 400);
    public static final ErrorCode INVALID_PARAMETER_COMBINATION = ErrorCode.sender("InvalidParameterCombination", 400);
    public static final ErrorCode MALFORMED_QUERY_STRING = ErrorCode.sender("MalformedQueryString", 404);
    public static final ErrorCode SERIALIZATION = ErrorCode.sender("SerializationException", 400);
    public static final ErrorCode UNKNOWN_OPERATION = ErrorCode.sender("UnknownOperationException", 400);
    /** A request HTTP itself cannot parse (a bad request line, header or Content-Length). */
    public static final ErrorCode BAD_REQUEST = ErrorCode.sender("BadRequest", 400);
    public static final ErrorCode REQUEST_ENTITY_TOO_LARGE = ErrorCode.sender("RequestEntityTooLarge", 413);
    /** The client stopped sending midway through a request (S3's name and status for it). */
    public static final ErrorCode REQUEST_TIMEOUT = ErrorCode.sender("RequestTimeout", 400);
    public static final ErrorCode METHOD_NOT_ALLOWED = ErrorCode.sender("MethodNotAllowed", 405);
    public static final ErrorCode NOT_IMPLEMENTED = new ErrorCode("NotImplemented", "NotImplemented", 501, Fault.SENDER);
    public static final ErrorCode INTERNAL_FAILURE = new ErrorCode("InternalFailure", "InternalFailure", 500, Fault.RECEIVER);

    private CommonErrors() {
    }
}
