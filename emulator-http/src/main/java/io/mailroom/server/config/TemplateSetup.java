package io.mailroom.server.config;

/** An SES email template (CreateTemplate); parts may be null. */
public record TemplateSetup(Position at, String name, String subject, String text, String html) {
}
