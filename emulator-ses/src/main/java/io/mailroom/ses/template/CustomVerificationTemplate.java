package io.mailroom.ses.template;

/** A custom verification email template (both APIs share the shape). */
public record CustomVerificationTemplate(String name, String fromEmailAddress, String subject, String content,
                                         String successRedirectionUrl, String failureRedirectionUrl) {
}
