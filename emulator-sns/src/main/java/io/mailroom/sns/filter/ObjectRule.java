package io.mailroom.sns.filter;

import java.util.List;

/**
 * A policy object: every field rule must match (AND) and, for each {@code $or} in it, at least one
 * of the alternatives must match.
 */
public record ObjectRule(List<FieldRule> fields, List<List<ObjectRule>> anyOf) {

    public ObjectRule {
        fields = List.copyOf(fields);
        anyOf = anyOf.stream().map(List::copyOf).toList();
    }
}
