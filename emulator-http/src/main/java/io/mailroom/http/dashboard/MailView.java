package io.mailroom.http.dashboard;

import io.mailroom.protocol.Canonical;
import io.mailroom.http.DeveloperJson;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.protocol.EncodedResponse;
import io.mailroom.ses.SesModule;
import io.mailroom.ses.mime.AttachmentReader.Attachment;
import io.mailroom.ses.mime.Header;
import io.mailroom.ses.mime.ParsedMessage;
import io.mailroom.ses.sending.SentMessage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Sent mail: {@code GET /_mailroom/api/mail} lists it newest first (at most {@value #LIST_LIMIT}),
 * {@code /mail/{id}} is one message read back from its stored RFC 5322 form (headers, text, HTML,
 * attachments), and {@code /mail/{id}/attachments/{n}} downloads one attachment.
 */
final class MailView {
    private static final String ATTACHMENTS = "/attachments/";
    /** The page polls the list every second: a test suite's thousands of mails need not travel each time. */
    static final int LIST_LIMIT = 500;

    private final Supplier<SesModule> ses;

    MailView(Supplier<SesModule> ses) {
        this.ses = ses;
    }

    /** @param route what follows {@code /_mailroom/api/mail} */
    EncodedResponse serve(String route) {
        if (route.isEmpty() || route.equals("/")) {
            return list();
        }
        String rest = route.substring(1);
        int attachments = rest.indexOf(ATTACHMENTS);
        if (attachments < 0) {
            return message(rest);
        }
        String index = rest.substring(attachments + ATTACHMENTS.length());
        return index.matches("\\d{1,4}") ? attachment(rest.substring(0, attachments), Integer.parseInt(index))
                : NotFound.response("No attachment " + index + ".");
    }

    private EncodedResponse list() {
        List<SentMessage> sent = ses.get().sentMessages();
        ObjectNode root = Canonical.NODES.objectNode();
        root.put("total", sent.size());
        ArrayNode messages = root.putArray("messages");
        for (int i = sent.size() - 1; i >= Math.max(0, sent.size() - LIST_LIMIT); i--) {
            summary(messages.addObject(), sent.get(i));
        }
        return Json.ok(root);
    }

    private EncodedResponse message(String id) {
        Optional<SentMessage> sent = ses.get().sentMessage(id);
        Optional<ParsedMessage> parsed = ses.get().parsedMessage(id);
        if (sent.isEmpty() || parsed.isEmpty()) {
            return NotFound.response("No sent message " + id + ".");
        }
        ObjectNode root = Canonical.NODES.objectNode();
        summary(root, sent.get());
        ParsedMessage p = parsed.get();
        ArrayNode headers = root.putArray("headers");
        for (Header h : p.headers()) {
            headers.addObject().put("name", h.name()).put("value", h.value());
        }
        root.put("text", p.bodyText());
        root.put("html", p.bodyHtml());
        ArrayNode files = root.putArray("attachments");
        for (int i = 0; i < p.attachments().size(); i++) {
            ParsedMessage.AttachmentInfo a = p.attachments().get(i);
            files.addObject().put("index", i).put("fileName", a.fileName()).put("contentType", a.contentType())
                    .put("size", a.size());
        }
        root.put("rawUrl", "/_mailroom/ses/messages/" + id + ".eml");
        return Json.ok(root);
    }

    private static void summary(ObjectNode node, SentMessage m) {
        node.put("id", m.id());
        node.put("accountId", m.accountId());
        node.put("region", m.region());
        node.put("timestamp", Instant.ofEpochMilli(m.timestampMillis()).toString());
        node.put("source", m.source());
        node.put("subject", m.subject());
        node.set("destinations", DeveloperJson.MAPPER.valueToTree(m.destinations()));
        node.put("template", m.templateName());
        node.put("configurationSet", m.configurationSetName());
    }

    /**
     * Always a download ({@code Content-Disposition: attachment}), and sandboxed should a browser show it
     * anyway: an HTML attachment must not run script with the dashboard's origin.
     */
    private EncodedResponse attachment(String id, int index) {
        Optional<Attachment> found = ses.get().attachment(id, index);
        if (found.isEmpty()) {
            return NotFound.response("No attachment " + index + " in sent message " + id + ".");
        }
        Attachment a = found.get();
        String name = a.fileName() == null || a.fileName().isBlank() ? "attachment-" + index : a.fileName();
        String ascii = name.replaceAll("[^A-Za-z0-9._ -]", "_");
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return new EncodedResponse(200, a.contentType(), a.data(), Map.of(
                "Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded,
                "X-Content-Type-Options", "nosniff",
                "Content-Security-Policy", "sandbox",
                "Cache-Control", "no-store"));
    }
}
