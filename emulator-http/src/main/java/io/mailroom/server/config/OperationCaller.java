package io.mailroom.server.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.error.AwsException;
import io.mailroom.core.model.OperationModel;
import io.mailroom.core.request.RequestContext;
import io.mailroom.core.service.AwsService;
import io.mailroom.core.service.Handler;
import io.mailroom.protocol.InputValidator;

/**
 * Runs one operation of a service as a request would: the model's constraints first, then the service's
 * own checks. An AWS error becomes a {@link ConfigException} that names where the file asked for it.
 */
final class OperationCaller {
    private final AwsService service;
    private final InputValidator validator;

    OperationCaller(AwsService service) {
        this.service = service;
        this.validator = new InputValidator(service.descriptor().validation(), service.descriptor().enumPolicies());
    }

    /** Calls {@code operation}; an error is reported at {@code at}. */
    ObjectNode call(RequestContext ctx, String operation, ObjectNode input, Position at) {
        try {
            return call(ctx, operation, input);
        } catch (AwsException e) {
            throw at.error(describe(e));
        }
    }

    /** Calls {@code operation} and lets an AWS error through, for callers that place it themselves. */
    ObjectNode call(RequestContext ctx, String operation, ObjectNode input) {
        OperationModel constraints = service.descriptor().validationModel().operations().get(operation);
        if (constraints != null && constraints.input() != null) {
            validator.validate(constraints.input(), input);
        }
        Handler handler = service.operations().find(operation)
                .orElseThrow(() -> new IllegalStateException("no operation " + operation));
        if (handler instanceof Handler.Sync sync) {
            return sync.handle(ctx, input);
        }
        // Setup only uses operations that answer at once.
        throw new IllegalStateException(operation + " is not a synchronous operation");
    }

    static String describe(AwsException e) {
        return e.error().code() + ": " + e.getMessage();
    }
}
