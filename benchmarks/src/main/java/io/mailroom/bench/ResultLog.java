package io.mailroom.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Results kept across the separate benchmark processes of one run.sh invocation: one tab-separated
 * line per metric ({@code label scenario key value unit}) or note ({@code label scenario #note text}),
 * appended as each scenario finishes so a crash later in the run loses nothing already measured.
 */
final class ResultLog {
    private static final String NOTE = "#note";

    private ResultLog() {
    }

    static void append(Path file, ScenarioResult result) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (Metric m : result.metrics()) {
            lines.append(String.join("\t", result.label(), result.scenario(), m.key(),
                    Double.isNaN(m.value()) ? "NaN" : String.format(Locale.ROOT, "%.6f", m.value()), m.unit()))
                    .append('\n');
        }
        for (String note : result.notes()) {
            lines.append(String.join("\t", result.label(), result.scenario(), NOTE, note.replace('\t', ' ').replace('\n', ' ')))
                    .append('\n');
        }
        Files.writeString(file, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    static List<ScenarioResult> read(Path file) throws IOException {
        Map<String, ScenarioResult.Builder> builders = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t", -1);
            if (f.length < 4) {
                continue;
            }
            ScenarioResult.Builder b = builders.computeIfAbsent(f[0] + "\t" + f[1], k -> ScenarioResult.builder(f[0], f[1]));
            if (NOTE.equals(f[2])) {
                b.note(f[3]);
            } else {
                b.add(f[2], Double.parseDouble(f[3]), f.length > 4 ? f[4] : "");
            }
        }
        List<ScenarioResult> results = new ArrayList<>();
        builders.values().forEach(b -> results.add(b.build()));
        return results;
    }
}
