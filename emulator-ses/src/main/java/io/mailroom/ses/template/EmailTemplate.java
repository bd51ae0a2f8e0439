package io.mailroom.ses.template;

/** A stored template (v1 {@code Template}: SubjectPart/TextPart/HtmlPart; v2 EmailTemplateContent). */
public record EmailTemplate(String name, String subject, String text, String html, long createdMillis) {
}
