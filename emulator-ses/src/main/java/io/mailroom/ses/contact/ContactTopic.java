package io.mailroom.ses.contact;

/** A topic of a contact list; {@code defaultStatus} is OPT_IN or OPT_OUT. */
public record ContactTopic(String name, String displayName, String description, String defaultStatus) {
}
