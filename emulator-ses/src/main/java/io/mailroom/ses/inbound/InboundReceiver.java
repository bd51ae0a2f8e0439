package io.mailroom.ses.inbound;

import io.mailroom.ses.SesState;
import io.mailroom.ses.receipt.BounceMailer;
import io.mailroom.ses.receipt.ReceiptPlan;
import io.mailroom.ses.receipt.ReceiptPlanner;
import io.mailroom.ses.receipt.ReceiptProcessor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * SES email receiving (https://docs.aws.amazon.com/ses/latest/dg/receiving-email.html): mail from the internet
 * to a recipient some active receipt rule set covers is processed by that rule set, not sent on. Recipients no
 * enabled rule covers are refused, as SES's inbound endpoint refuses mail for addresses it does not handle.
 */
public final class InboundReceiver {
    private final SesState state;
    private final ReceiptProcessor processor;

    public InboundReceiver(SesState state, BounceMailer bounces) {
        this.state = state;
        this.processor = new ReceiptProcessor(state.clock, state.topics, state.objects, bounces);
    }

    public boolean accepts(String recipient) {
        List<String> one = new InboundEnvelope("", List.of(recipient), null, false).recipients();
        return !one.isEmpty() && ReceiptPlanner.accepts(state, one.get(0));
    }

    public InboundResult receive(InboundEnvelope envelope, byte[] raw) {
        long now = state.now();
        ReceiptPlanner.Planning planning = ReceiptPlanner.plan(state, envelope.recipients());
        if (planning.plans().isEmpty()) {
            return new InboundResult(null, List.of(), envelope.recipients());
        }
        String messageId = InboundMessageIds.next();
        List<String> accepted = new ArrayList<>();
        List<String> rejected = new ArrayList<>(planning.unmatched());
        for (ReceiptPlan plan : planning.plans()) {
            InboundRecord record = processor.process(plan, envelope, raw, messageId, now);
            state.inbound.add(record);
            accepted.addAll(record.accepted());
            rejected.addAll(record.rejected());
        }
        Comparator<String> envelopeOrder = Comparator.comparingInt(envelope.recipients()::indexOf);
        accepted.sort(envelopeOrder);
        rejected.sort(envelopeOrder);
        return new InboundResult(messageId, accepted, rejected);
    }
}
