package io.mailroom.ses.inbound;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One receipt action as it ran on an inbound message.
 *
 * @param rule    the receipt rule it belongs to
 * @param type    the action as the {@code receipt.action.type} of notifications names it: {@code S3},
 *                {@code SNS}, {@code Bounce}, {@code Lambda}, {@code Stop}, {@code WorkMail}, or
 *                {@code AddHeader}
 * @param outcome {@code OK}, or {@code FAILED} with the reason in {@code detail.error}
 * @param detail  what the action did: bucket and key, the published notification, the Lambda event, ...
 */
public record ActionRecord(String rule, String type, String outcome, ObjectNode detail) {
    public static final String OK = "OK";
    public static final String FAILED = "FAILED";

    public boolean ok() {
        return OK.equals(outcome);
    }
}
