package io.mailroom.ses.api;

import io.mailroom.core.error.CommonErrors;
import io.mailroom.core.error.ErrorCode;
import io.mailroom.core.error.Fault;
import io.mailroom.core.model.ServiceModel;
import io.mailroom.core.model.Shape;
import io.mailroom.ses.SesModels;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SES's errors, derived from the exception shapes of both models. v1 (Query) shapes carry an
 * {@code error} trait with the wire code ({@code TemplateDoesNotExistException} → {@code TemplateDoesNotExist});
 * v2 (REST-JSON) errors are named by their shape and take the trait's HTTP status.
 */
public final class SesErrors {
    /** v1 shape name → error; plus the generic Query errors SES answers with that the model does not list. */
    public static final Map<String, ErrorCode> V1 = load(SesModels.V1, true);
    public static final Map<String, ErrorCode> V2 = load(SesModels.V2, false);
    /** Not in the model: AWS's request validation in API v1, when a required member is absent. */
    public static final ErrorCode VALIDATION_ERROR = ErrorCode.sender("ValidationError", 400);

    private SesErrors() {
    }

    public static ErrorCode v1(String shape) {
        return require(V1, shape);
    }

    public static ErrorCode v2(String shape) {
        return require(V2, shape);
    }

    private static ErrorCode require(Map<String, ErrorCode> errors, String shape) {
        ErrorCode code = errors.get(shape);
        if (code == null) {
            throw new IllegalStateException("SES model has no exception shape " + shape);
        }
        return code;
    }

    private static Map<String, ErrorCode> load(ServiceModel model, boolean query) {
        Map<String, ErrorCode> errors = new LinkedHashMap<>();
        for (Shape shape : model.shapes().values()) {
            if (!shape.isException()) {
                continue;
            }
            int status = shape.error() == null ? 400 : shape.error().httpStatusCode();
            String code = query && shape.error() != null && shape.error().code() != null ? shape.error().code() : shape.name();
            Fault fault = status >= 500 ? Fault.RECEIVER : Fault.SENDER;
            errors.put(shape.name(), new ErrorCode(shape.name(), code, status, fault));
        }
        if (query) {
            // SES v1 answers malformed values with the generic Query error (e.g. "Recipient count exceeds 50.")
            errors.put(CommonErrors.INVALID_PARAMETER_VALUE.type(), CommonErrors.INVALID_PARAMETER_VALUE);
            errors.put("Throttling", ErrorCode.sender("Throttling", 400));
        }
        return Collections.unmodifiableMap(errors);
    }
}
