package io.mailroom.ses.sending;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every message SES accepted, across accounts and regions, in send order: what LocalStack shows at
 * {@code GET /_aws/ses} and what {@code /_mailroom/ses/messages/{id}.eml} serves.
 */
public final class Mailbox {
    private static final DateTimeFormatter LOCALSTACK_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private final Map<String, SentMessage> byId = new LinkedHashMap<>();

    public synchronized void add(SentMessage m) {
        byId.put(m.id(), m);
    }

    public synchronized Optional<SentMessage> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public synchronized List<SentMessage> all() {
        return new ArrayList<>(byId.values());
    }

    /** Removes one message ({@code DELETE /_aws/ses?id=}) or, with null, all. */
    public synchronized void clear(String id) {
        if (id == null) {
            byId.clear();
        } else {
            byId.remove(id);
        }
    }

    /**
     * LocalStack's {@code {"messages": [...]}}: filters {@code id} (message id) and {@code email} (Source),
     * each ignored when null or empty. Every message has Id, Region, Source, Destination, Subject,
     * Body (text_part, html_part), RawData and Timestamp; templated sends add Template and TemplateData.
     */
    public synchronized ObjectNode toLocalStackJson(String id, String email) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode messages = out.putArray("messages");
        for (SentMessage m : byId.values()) {
            if (id != null && !id.isEmpty() && !id.equals(m.id())) {
                continue;
            }
            if (email != null && !email.isEmpty() && !email.equals(m.source())) {
                continue;
            }
            messages.add(json(m));
        }
        return out;
    }

    private static ObjectNode json(SentMessage m) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("Id", m.id());
        o.put("Region", m.region());
        ObjectNode dest = o.putObject("Destination");
        dest.set("ToAddresses", strings(m.to()));
        if (!m.cc().isEmpty()) {
            dest.set("CcAddresses", strings(m.cc()));
        }
        if (!m.bcc().isEmpty()) {
            dest.set("BccAddresses", strings(m.bcc()));
        }
        o.put("Source", m.source());
        o.put("Subject", m.subject());
        ObjectNode body = o.putObject("Body");
        body.put("text_part", m.text());
        body.put("html_part", m.html());
        if (m.templateName() != null) {
            o.put("Template", m.templateName());
            o.put("TemplateData", m.templateData());
        }
        o.put("RawData", new String(m.raw(), StandardCharsets.UTF_8));
        o.put("Timestamp", LOCALSTACK_TIME.format(Instant.ofEpochMilli(m.timestampMillis())));
        return o;
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        values.forEach(a::add);
        return a;
    }
}
