package io.mailroom.sns.topic;

import io.mailroom.sns.SnsErrors;
import java.util.regex.Pattern;

/**
 * Topic name rules: 1–256 ASCII letters, digits, underscores and hyphens; a FIFO topic's name ends in
 * {@code .fifo} (the suffix counts toward the 256).
 */
public final class TopicName {
    private static final Pattern STANDARD = Pattern.compile("[A-Za-z0-9_-]{1,256}");
    private static final Pattern FIFO = Pattern.compile("[A-Za-z0-9_-]{1,251}\\.fifo");

    private TopicName() {
    }

    public static void validate(String name, boolean fifo) {
        if (fifo) {
            if (name == null || !FIFO.matcher(name).matches()) {
                throw SnsErrors.invalid("Fifo Topic names must end with .fifo and must be made up of only uppercase "
                        + "and lowercase ASCII letters, numbers, underscores, and hyphens, and must be between 1 and 256 "
                        + "characters long.");
            }
        } else if (name == null || !STANDARD.matcher(name).matches()) {
            throw SnsErrors.invalid("Topic Name");
        }
    }
}
