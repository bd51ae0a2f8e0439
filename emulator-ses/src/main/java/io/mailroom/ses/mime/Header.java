package io.mailroom.ses.mime;

/** One message header, as notifications list them ({@code {"name": .., "value": ..}}). */
public record Header(String name, String value) {
}
