package io.mailroom.ses.inbound;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.ses.notification.NotificationJson;
import java.util.ArrayList;
import java.util.List;

/** Every inbound message processed, in arrival order, until the SES state is reset. */
public final class InboundLog {
    private final List<InboundRecord> records = new ArrayList<>();

    public synchronized void add(InboundRecord r) {
        records.add(r);
    }

    public synchronized List<InboundRecord> all() {
        return List.copyOf(records);
    }

    public synchronized void clear() {
        records.clear();
    }

    /**
     * {@code {"messages": [{messageId, timestamp, accountId, region, mailFrom, recipients, remoteIp, tls, ruleSet,
     * rules, actions: [{rule, type, outcome, ...detail}], accepted, rejected, size}]}} in arrival order.
     */
    public synchronized ObjectNode toJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode out = f.objectNode();
        ArrayNode messages = out.putArray("messages");
        for (InboundRecord r : records) {
            ObjectNode m = messages.addObject();
            m.put("messageId", r.messageId());
            m.put("timestamp", NotificationJson.time(r.timestampMillis()));
            m.put("accountId", r.accountId());
            m.put("region", r.region());
            m.put("mailFrom", r.mailFrom());
            r.recipients().forEach(m.putArray("recipients")::add);
            m.put("remoteIp", r.remoteIp());
            m.put("tls", r.tls());
            m.put("ruleSet", r.ruleSet());
            r.rules().forEach(m.putArray("rules")::add);
            ArrayNode actions = m.putArray("actions");
            for (ActionRecord a : r.actions()) {
                ObjectNode o = actions.addObject().put("rule", a.rule()).put("type", a.type()).put("outcome", a.outcome());
                o.setAll(a.detail().deepCopy());
            }
            r.accepted().forEach(m.putArray("accepted")::add);
            r.rejected().forEach(m.putArray("rejected")::add);
            m.put("size", r.raw().length);
        }
        return out;
    }
}
