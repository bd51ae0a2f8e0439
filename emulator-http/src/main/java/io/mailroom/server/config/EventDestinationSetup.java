package io.mailroom.server.config;

import java.util.List;

/**
 * An event destination publishing to an SNS topic.
 *
 * @param events event types in the SES v1 spelling ({@code send}, {@code renderingFailure}, ...)
 * @param topic  a topic name of the same account and region, or a topic ARN
 */
public record EventDestinationSetup(Position at, String name, List<Located<String>> events, Located<String> topic,
                                    boolean enabled) {
}
