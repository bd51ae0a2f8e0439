package io.mailroom.ses.receipt;

import io.mailroom.ses.inbound.ActionRecord;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The mutable state of one rule set run: the message, who was refused, what ran, whether a Stop ended it. */
final class ReceiptRun {
    final ReceiptPlan plan;
    final ReceivedMail mail;
    final Set<String> rejected = new LinkedHashSet<>();
    final List<ActionRecord> actions = new ArrayList<>();
    final List<String> rulesRun = new ArrayList<>();
    boolean stopped;

    ReceiptRun(ReceiptPlan plan, ReceivedMail mail) {
        this.plan = plan;
        this.mail = mail;
    }
}
