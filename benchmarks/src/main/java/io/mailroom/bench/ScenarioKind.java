package io.mailroom.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The scenarios in the order {@code --scenario all} runs them: cheapest first, the memory-hungry deep queue last. */
public enum ScenarioKind {
    SEND, ROUNDTRIP, BATCH, LONGPOLL, LATENCY, DEEP;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static List<ScenarioKind> parse(String value) {
        if ("all".equalsIgnoreCase(value)) {
            return List.of(values());
        }
        return Arrays.stream(value.split(","))
                .map(s -> ScenarioKind.valueOf(s.trim().toUpperCase(Locale.ROOT)))
                .toList();
    }
}
