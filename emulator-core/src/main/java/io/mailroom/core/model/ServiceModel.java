package io.mailroom.core.model;

import java.util.Map;
import java.util.Optional;

/**
 * A loaded AWS service model: the metadata that drives the wire protocol, the operations and the
 * shapes. Loaded once at startup from a bundled resource by {@link ModelLoader}.
 *
 * @param serviceId       the service's name in the SDKs ({@code SQS}, {@code SESv2})
 * @param protocol        {@code json}, {@code query}, {@code rest-json} or {@code rest-xml}
 * @param targetPrefix    JSON protocol: the {@code X-Amz-Target} prefix ({@code AmazonSQS})
 * @param jsonVersion     JSON protocols: {@code 1.0} or {@code 1.1}
 * @param xmlNamespace    Query and REST-XML: the response namespace
 * @param queryCompatible the service answers JSON errors with an {@code x-amzn-query-error} header
 */
public record ServiceModel(String serviceId, String protocol, String apiVersion, String endpointPrefix, String signingName,
                           String targetPrefix, String jsonVersion, String xmlNamespace,
                           boolean queryCompatible, Map<String, OperationModel> operations,
                           Map<String, Shape> shapes) {

    public Optional<OperationModel> operation(String name) {
        return Optional.ofNullable(operations.get(name));
    }

    public Shape shape(String name) {
        return shapes.get(name);
    }
}
