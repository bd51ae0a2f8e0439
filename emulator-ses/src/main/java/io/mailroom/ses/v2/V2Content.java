package io.mailroom.ses.v2;

import com.fasterxml.jackson.databind.JsonNode;
import io.mailroom.ses.api.Api;
import io.mailroom.ses.api.Inputs;
import io.mailroom.ses.mime.AttachmentSpec;
import io.mailroom.ses.mime.Header;
import io.mailroom.ses.sending.MailContent;
import io.mailroom.ses.sending.SendRequest;
import io.mailroom.ses.template.EmailTemplate;
import java.util.ArrayList;
import java.util.List;

/** Reading v2 EmailContent (exactly one of Simple, Raw, Template), headers and attachments. */
final class V2Content {
    private V2Content() {
    }

    static MailContent content(JsonNode content) {
        JsonNode simple = Inputs.node(content, "Simple");
        JsonNode raw = Inputs.node(content, "Raw");
        JsonNode template = Inputs.node(content, "Template");
        int given = (simple != null ? 1 : 0) + (raw != null ? 1 : 0) + (template != null ? 1 : 0);
        if (given != 1) {
            throw Api.V2.invalidParameter("Exactly one of Simple, Raw or Template content must be specified.");
        }
        if (raw != null) {
            return new MailContent.Raw(Inputs.blob(raw, "Data"));
        }
        if (simple != null) {
            JsonNode subject = Inputs.node(simple, "Subject");
            JsonNode body = Inputs.node(simple, "Body");
            JsonNode text = Inputs.node(body, "Text");
            JsonNode html = Inputs.node(body, "Html");
            String charset = Inputs.text(text != null ? text : html, "Charset");
            return new MailContent.Simple(Inputs.text(subject, "Data"), Inputs.text(text, "Data"),
                    Inputs.text(html, "Data"), charset, headers(Inputs.node(simple, "Headers")),
                    attachments(Inputs.node(simple, "Attachments")));
        }
        return template(template, Inputs.text(template, "TemplateData"), null);
    }

    static MailContent.Templated template(JsonNode template, String data, JsonNode extraHeaders) {
        String name = Inputs.text(template, "TemplateName");
        String arn = Inputs.text(template, "TemplateArn");
        if (name == null && arn != null) {
            name = arn.substring(arn.lastIndexOf('/') + 1);
        }
        JsonNode inline = Inputs.node(template, "TemplateContent");
        EmailTemplate inlineTemplate = null;
        if (inline != null) {
            inlineTemplate = new EmailTemplate("inline", Inputs.text(inline, "Subject"), Inputs.text(inline, "Text"),
                    Inputs.text(inline, "Html"), 0);
            InlineTemplates.checkSimple(inlineTemplate);
        } else if (name == null) {
            throw Api.V2.invalidParameter("Template content requires TemplateName, TemplateArn or TemplateContent.");
        }
        InlineTemplates.checkData(data);
        List<Header> headers = new ArrayList<>(headers(Inputs.node(template, "Headers")));
        headers.addAll(headers(extraHeaders));
        return new MailContent.Templated(inline != null ? "inline" : name, inlineTemplate, data, headers,
                attachments(Inputs.node(template, "Attachments")));
    }

    static SendRequest.Destination destination(JsonNode d) {
        if (d == null) {
            return null;
        }
        return new SendRequest.Destination(Inputs.strings(d, "ToAddresses"), Inputs.strings(d, "CcAddresses"),
                Inputs.strings(d, "BccAddresses"));
    }

    static List<Header> headers(JsonNode headers) {
        List<Header> out = new ArrayList<>();
        if (headers != null) {
            headers.forEach(h -> out.add(new Header(Inputs.text(h, "Name"), Inputs.text(h, "Value"))));
        }
        return out;
    }

    static List<AttachmentSpec> attachments(JsonNode attachments) {
        List<AttachmentSpec> out = new ArrayList<>();
        if (attachments != null) {
            attachments.forEach(a -> out.add(new AttachmentSpec(Inputs.text(a, "FileName"), Inputs.text(a, "ContentType"),
                    Inputs.text(a, "ContentDisposition"), Inputs.text(a, "ContentId"),
                    Inputs.text(a, "ContentDescription"), Inputs.text(a, "ContentTransferEncoding"),
                    Inputs.blob(a, "RawContent"))));
        }
        return out;
    }
}
