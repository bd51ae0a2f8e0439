package io.mailroom.sns.filter;

import java.util.Optional;

/** What a subscription's filter policy is applied to (the FilterPolicyScope attribute). */
public enum FilterScope {
    MESSAGE_ATTRIBUTES("MessageAttributes"),
    MESSAGE_BODY("MessageBody");

    private final String wireName;

    FilterScope(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<FilterScope> parse(String value) {
        for (FilterScope s : values()) {
            if (s.wireName.equals(value)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
