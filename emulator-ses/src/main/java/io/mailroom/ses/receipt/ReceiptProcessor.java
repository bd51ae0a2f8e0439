package io.mailroom.ses.receipt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.mailroom.core.delivery.ObjectSink;
import io.mailroom.core.delivery.TopicPublisher;
import io.mailroom.core.time.Clock;
import io.mailroom.ses.inbound.ActionRecord;
import io.mailroom.ses.inbound.InboundEnvelope;
import io.mailroom.ses.inbound.InboundRecord;
import java.util.List;

/**
 * Runs one account's active rule set on an inbound message
 * (https://docs.aws.amazon.com/ses/latest/dg/receiving-email-receipt-rules-console-walkthrough.html): the IP
 * filters first (a blocked client is refused outright), then the matching enabled rules in order, each one's
 * actions in order, until a Stop action. A rule that requires TLS bounces mail that came without it.
 */
public final class ReceiptProcessor {
    private final ReceiptActions actions;

    public ReceiptProcessor(Clock clock, TopicPublisher topics, ObjectSink objects, BounceMailer bounces) {
        this.actions = new ReceiptActions(clock, topics, objects, bounces);
    }

    public InboundRecord process(ReceiptPlan plan, InboundEnvelope envelope, byte[] raw, String messageId,
                                 long receivedMillis) {
        ReceivedMail mail = new ReceivedMail(messageId, receivedMillis, envelope.mailFrom(), plan.recipients(), raw,
                envelope.remoteIp(), plan.scope().region(), plan.scanned());
        ReceiptRun run = new ReceiptRun(plan, mail);
        String blockedBy = IpFilters.blockedBy(plan.filters(), envelope.remoteIp()).orElse(null);
        if (blockedBy != null) {
            run.actions.add(new ActionRecord("", "IpFilter", ActionRecord.FAILED, JsonNodeFactory.instance.objectNode()
                    .put("filter", blockedBy).put("error", "Blocked by IP filter " + blockedBy + ".")));
            run.rejected.addAll(plan.recipients());
        } else {
            runRules(run, envelope.tls());
        }
        List<String> accepted = plan.recipients().stream().filter(r -> !run.rejected.contains(r)).toList();
        return new InboundRecord(messageId, receivedMillis, plan.scope().accountId(), plan.scope().region(),
                envelope.mailFrom(), plan.recipients(), envelope.remoteIp(), envelope.tls(), plan.ruleSet(),
                run.rulesRun, run.actions, accepted, List.copyOf(run.rejected), mail.raw());
    }

    private void runRules(ReceiptRun run, boolean tls) {
        for (ReceiptPlan.PlannedRule rule : run.plan.rules()) {
            if (run.stopped) {
                return;
            }
            run.rulesRun.add(rule.name());
            if (rule.requiresTls() && !tls) {
                run.actions.add(new ActionRecord(rule.name(), "TlsPolicy", ActionRecord.FAILED,
                        JsonNodeFactory.instance.objectNode().put("error",
                                "The rule requires TLS; the message was not received over TLS.")));
                run.rejected.addAll(rule.recipients());
                continue;
            }
            for (JsonNode action : rule.rule().path("Actions")) {
                if (!actions.run(run, rule, action)) {
                    break;
                }
            }
        }
    }
}
