package io.mailroom.server.config;

import java.util.List;

/**
 * An SES receipt rule set. Rules are written as the API's {@code ReceiptRule} structure (Name, Enabled,
 * Recipients, Actions, ...), in order; an action's {@code TopicArn} may be a topic name.
 */
public record RuleSetSetup(Position at, String name, boolean active, List<ConfigValue> rules) {
}
