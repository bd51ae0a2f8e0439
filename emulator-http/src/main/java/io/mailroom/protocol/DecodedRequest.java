package io.mailroom.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.model.OperationModel;

/** A request after its protocol decoded it: which operation, and its canonical input. */
public record DecodedRequest(OperationModel operation, ObjectNode input) {
}
