package io.mailroom.ses.template;

/** A template after substitution; parts the template lacks stay null. */
public record RenderedContent(String subject, String text, String html) {
}
