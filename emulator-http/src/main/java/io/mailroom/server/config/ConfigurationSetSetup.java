package io.mailroom.server.config;

import java.util.List;

/** An SES configuration set and its event destinations. */
public record ConfigurationSetSetup(Position at, String name, List<EventDestinationSetup> eventDestinations) {
}
