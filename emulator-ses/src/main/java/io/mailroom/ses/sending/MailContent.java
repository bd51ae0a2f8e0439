package io.mailroom.ses.sending;

import io.mailroom.ses.mime.AttachmentSpec;
import io.mailroom.ses.mime.Header;
import io.mailroom.ses.template.EmailTemplate;
import java.util.List;

/** The body of a send: built by SES from parts, given whole, or rendered from a template. */
public sealed interface MailContent {

    record Simple(String subject, String text, String html, String charset, List<Header> headers,
                  List<AttachmentSpec> attachments) implements MailContent {
    }

    record Raw(byte[] data) implements MailContent {
    }

    /**
     * @param templateName a stored template's name, or null with {@code inline}
     * @param inline       v2 TemplateContent given in the request, or null
     */
    record Templated(String templateName, EmailTemplate inline, String templateData, List<Header> headers,
                     List<AttachmentSpec> attachments) implements MailContent {
    }
}
