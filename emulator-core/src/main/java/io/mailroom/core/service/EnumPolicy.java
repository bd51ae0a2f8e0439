package io.mailroom.core.service;

import io.mailroom.core.error.AwsException;
import io.mailroom.core.error.ErrorCode;

/**
 * How the front end treats a value outside a model enum. AWS services differ: SQS answers
 * {@code InvalidAttributeName: Unknown Attribute X.} for attribute names, and some enums are wider on
 * the wire than in the model (ReceiveMessage's {@code AttributeNames} takes message attribute names
 * although the model types it with queue attribute names), so those are left to the service.
 */
public sealed interface EnumPolicy {

    /** The service validates these values itself. */
    record Open() implements EnumPolicy {
    }

    /**
     * Refused with this error.
     *
     * @param messageFormat with {@code %1$s} for the value and {@code %2$s} for the parameter
     */
    record Reject(ErrorCode error, String messageFormat) implements EnumPolicy {
        public AwsException exception(String value, String parameter) {
            return error.exception(String.format(messageFormat, value, parameter));
        }
    }
}
