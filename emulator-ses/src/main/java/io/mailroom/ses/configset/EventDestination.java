package io.mailroom.ses.configset;

import java.util.Set;

/** A configuration set's event destination. */
public record EventDestination(String name, boolean enabled, Set<EventType> types, EventTarget target) {
    public EventDestination {
        types = Set.copyOf(types);
    }
}
