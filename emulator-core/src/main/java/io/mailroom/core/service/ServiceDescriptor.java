package io.mailroom.core.service;

import io.mailroom.core.error.ErrorCode;
import io.mailroom.core.model.ServiceModel;
import java.util.Map;
import java.util.Optional;

/**
 * What the front end needs to route and (de)serialize a service's requests.
 *
 * @param signingName    the SigV4 credential-scope service name ({@code sqs}, {@code sns}, {@code ses})
 * @param jsonModel      the model for the JSON protocols, if the service speaks one
 * @param queryModel     the model for the Query protocol, if the service speaks it
 * @param jsonErrorPrefix namespace put before the error shape in JSON {@code __type} ({@code com.amazonaws.sqs#})
 * @param errors         error shape name → error, for every error the service can raise
 * @param validation     the errors for requests that break the model's constraints
 * @param enumPolicies enum shape name → how values outside it are treated; others are refused with InvalidParameterValue
 */
public record ServiceDescriptor(
        String signingName,
        Optional<ServiceModel> jsonModel,
        Optional<ServiceModel> queryModel,
        String jsonErrorPrefix,
        Map<String, ErrorCode> errors,
        ValidationErrors validation,
        Map<String, EnumPolicy> enumPolicies) {

    public ServiceDescriptor(String signingName, Optional<ServiceModel> jsonModel, Optional<ServiceModel> queryModel,
                             String jsonErrorPrefix, Map<String, ErrorCode> errors) {
        this(signingName, jsonModel, queryModel, jsonErrorPrefix, errors, ValidationErrors.QUERY_DEFAULT, Map.of());
    }

    public ServiceDescriptor(String signingName, Optional<ServiceModel> jsonModel, Optional<ServiceModel> queryModel,
                             String jsonErrorPrefix, Map<String, ErrorCode> errors, Map<String, EnumPolicy> enumPolicies) {
        this(signingName, jsonModel, queryModel, jsonErrorPrefix, errors, ValidationErrors.QUERY_DEFAULT, enumPolicies);
    }

    public ServiceDescriptor withValidation(ValidationErrors value) {
        return new ServiceDescriptor(signingName, jsonModel, queryModel, jsonErrorPrefix, errors, value, enumPolicies);
    }

    /** The model with the most constraints (enums, ranges): the JSON model where a service has one. */
    public ServiceModel validationModel() {
        return jsonModel.orElseGet(() -> queryModel.orElseThrow());
    }
}
