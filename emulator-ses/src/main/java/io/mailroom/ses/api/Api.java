package io.mailroom.ses.api;

import io.mailroom.core.error.AwsException;
import io.mailroom.core.error.CommonErrors;

/**
 * Which SES API a request came through. Both share one state, but the same failure is a different
 * error in each: v1 has one exception per condition ({@code TemplateDoesNotExist},
 * {@code ConfigurationSetDoesNotExist}), v2 folds them into {@code NotFoundException} /
 * {@code BadRequestException}. Engines raise through this so one code path serves both.
 */
public enum Api {
    V1, V2;

    public AwsException invalidParameter(String message) {
        return this == V1 ? CommonErrors.INVALID_PARAMETER_VALUE.exception(message)
                : SesErrors.v2("BadRequestException").exception(message);
    }

    public AwsException messageRejected(String message) {
        return error("MessageRejected", "MessageRejected", message);
    }

    public AwsException notFound(String v1Shape, String message) {
        return error(v1Shape, "NotFoundException", message);
    }

    public AwsException alreadyExists(String v1Shape, String message) {
        return error(v1Shape, "AlreadyExistsException", message);
    }

    public AwsException limitExceeded(String message) {
        return error("LimitExceededException", "LimitExceededException", message);
    }

    public AwsException templateNotFound(String name) {
        return notFound("TemplateDoesNotExistException", "Template " + name + " does not exist.");
    }

    public AwsException configurationSetNotFound(String name) {
        return notFound("ConfigurationSetDoesNotExistException", "Configuration set <" + name + "> does not exist.");
    }

    public AwsException accountSendingPaused() {
        return error("AccountSendingPausedException", "SendingPausedException",
                "Email sending is disabled for this account.");
    }

    public AwsException configurationSetSendingPaused(String name) {
        return error("ConfigurationSetSendingPausedException", "SendingPausedException",
                "Email sending is disabled for configuration set <" + name + ">.");
    }

    public AwsException missingRenderingAttribute(String message) {
        return error("MissingRenderingAttributeException", "BadRequestException", message);
    }

    public AwsException invalidRenderingParameter(String message) {
        return error("InvalidRenderingParameterException", "BadRequestException", message);
    }

    public AwsException invalidTemplate(String message) {
        return error("InvalidTemplateException", "BadRequestException", message);
    }

    public AwsException mailFromDomainNotVerified(String message) {
        return error("MailFromDomainNotVerifiedException", "MailFromDomainNotVerifiedException", message);
    }

    /** The v1 shape when called through v1, else the v2 shape. */
    public AwsException error(String v1Shape, String v2Shape, String message) {
        return this == V1 ? SesErrors.v1(v1Shape).exception(message) : SesErrors.v2(v2Shape).exception(message);
    }
}
