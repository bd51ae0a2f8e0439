package io.mailroom.s3.notification;

/**
 * One key name filter rule as configured. S3 takes the name in any case and reports it back
 * capitalized ({@code Prefix}, {@code Suffix}).
 */
public record FilterRule(String name, String value) {
}
