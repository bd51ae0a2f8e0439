package io.mailroom.core.model;

/** The {@code error} trait of an exception shape: its Query code and HTTP status. */
public record ErrorTrait(String code, int httpStatusCode, boolean senderFault) {
}
