package io.mailroom.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The scenarios in the order {@code --scenario all} runs them: cheapest first, the memory-hungry deep
 * queue last. The fan-out ones need SNS and are skipped for a server without it.
 */
public enum ScenarioKind {
    SEND, ROUNDTRIP, BATCH, LONGPOLL, LATENCY, FANOUT1, FANOUT10, FANOUT100, FANOUTLATENCY, DEEP;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    boolean needsSns() {
        return name().startsWith("FANOUT");
    }

    public static List<ScenarioKind> parse(String value) {
        if ("all".equalsIgnoreCase(value)) {
            return List.of(values());
        }
        // "fanout" stands for the four SNS scenarios, alone or in a list
        return Arrays.stream(value.split(","))
                .map(s -> s.trim().toUpperCase(Locale.ROOT))
                .flatMap(s -> s.equals("FANOUT") ? Stream.of(FANOUT1, FANOUT10, FANOUT100, FANOUTLATENCY)
                        : Stream.of(ScenarioKind.valueOf(s)))
                .toList();
    }
}
