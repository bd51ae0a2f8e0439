package io.mailroom.ses.engagement;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * What a simulated engagement event did.
 *
 * @param eventType        the {@code eventType} published ({@code Open}, {@code Click}, {@code DeliveryDelay})
 * @param destinations     the enabled event destinations of the set that take this type (only SNS ones deliver
 *                         locally); empty when none does, in which case AWS would not track the event either
 * @param event            the event record as published
 */
public record SimulatedEvent(String messageId, String eventType, String configurationSet, List<String> destinations,
                             ObjectNode event) {
    public SimulatedEvent {
        destinations = List.copyOf(destinations);
    }
}
