package io.mailroom.core.model;

import java.util.List;

/**
 * One operation of a service model.
 *
 * @param resultWrapper Query protocol: the element wrapping the output ({@code SendMessageResult}), or null
 * @param httpMethod    REST protocols: the method
 * @param requestUri    REST protocols: the URI template, e.g. {@code /v2/email/identities/{EmailIdentity}}
 * @param successCode   REST protocols: the status of a successful answer
 * @param deprecated    superseded by another operation on the same route (S3 PutBucketNotification)
 */
public record OperationModel(String name, Shape input, Shape output, String resultWrapper,
                             String httpMethod, String requestUri, int successCode, List<String> errors,
                             boolean deprecated) {
}
