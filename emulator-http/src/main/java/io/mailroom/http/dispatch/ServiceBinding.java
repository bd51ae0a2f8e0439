package io.mailroom.http.dispatch;

import io.mailroom.core.model.ServiceModel;
import io.mailroom.core.service.AwsService;
import io.mailroom.core.service.ServiceDescriptor;
import io.mailroom.protocol.InputValidator;

/** A service with its descriptor, looked up once. */
record ServiceBinding(AwsService service, ServiceDescriptor descriptor, InputValidator validator) {

    ServiceBinding(AwsService service) {
        this(service, service.descriptor(), new InputValidator(service.descriptor().validation(), service.descriptor().enumPolicies()));
    }

    ServiceModel jsonModel() {
        return descriptor.jsonModel().orElse(null);
    }

    ServiceModel queryModel() {
        return descriptor.queryModel().orElse(null);
    }
}
