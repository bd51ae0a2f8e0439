package io.mailroom.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Parses {@code --name value} pairs; a hand-written parser keeps the shaded jar free of a CLI library. */
final class BenchArgs {
    static final String USAGE = """
            usage: java -jar mailroom-bench.jar --endpoint http://127.0.0.1:PORT [--server-pid PID] [--label NAME]
                                                [--endpoint ... --server-pid ... --label ...] [options]
              --endpoint URL           SQS endpoint on this machine; repeat (with its own --server-pid and
                                       --label after it) to measure several servers in one run, alternating
              --server-pid PID         process whose CPU time (/proc/PID/stat) and RSS are reported
              --label NAME             name of the server in the results (mailroom, elasticmq, ...)
              --prime S                unmeasured client warm-up before the first scenario, split over the
                                       servers, so the SDK is JIT-compiled before anything is measured (default 15)
              --threads N              client threads for the throughput scenarios (default 4)
              --seconds S              measured window per scenario (default 10)
              --warmup S               warm-up before each measured window (default 5)
              --scenario LIST          all | fanout | comma-separated: send,roundtrip,batch,longpoll,latency,
                                       fanout1,fanout10,fanout100,fanoutlatency,deep (default all; the fanout
                                       ones need SNS and are skipped for a server without it)
              --deep-messages N        messages queued by the deep scenario (default 1000000)
              --fill-limit S           give up filling the deep queue after S seconds (default 300)
              --longpoll-iterations N  measured long-poll wake-ups (default 300)
              --results FILE           also append results to FILE (tab-separated) for 'report'
            other modes:
              startup --port N --log FILE --pid-file FILE [--idle-seconds S] [--label L] [--results FILE] -- CMD...
              idle --server-pid PID [--label L] [--startup-ms MS] [--results FILE]
              report --results FILE
            """;

    private static final Set<String> TARGET_ARGS = Set.of("endpoint", "server-pid", "label");
    private static final Set<String> KNOWN = Set.of("endpoint", "server-pid", "label", "threads", "seconds",
            "warmup", "scenario", "deep-messages", "fill-limit", "longpoll-iterations", "results", "port", "log",
            "pid-file", "idle-seconds", "prime", "startup-ms");

    private final Map<String, String> values = new HashMap<>();
    /** --endpoint, --server-pid and --label as they came, in order: each --endpoint opens a target. */
    private final List<String[]> targetArgs = new ArrayList<>();

    private BenchArgs() {
    }

    static BenchArgs parse(List<String> args) {
        BenchArgs parsed = new BenchArgs();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--") || !KNOWN.contains(arg.substring(2))) {
                throw new IllegalArgumentException("unknown argument: " + arg);
            }
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException("missing value for " + arg);
            }
            String name = arg.substring(2);
            String value = args.get(++i);
            if (TARGET_ARGS.contains(name)) {
                parsed.targetArgs.add(new String[] {name, value});
            }
            parsed.values.put(name, value);
        }
        return parsed;
    }

    String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    String require(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    long getLong(String name, long fallback) {
        return Long.parseLong(get(name, Long.toString(fallback)));
    }

    Path resultsOrNull() {
        String file = values.get("results");
        return file == null ? null : Path.of(file);
    }

    List<ServerTarget> targets() {
        List<ServerTarget> targets = new ArrayList<>();
        URI endpoint = null;
        long pid = 0;
        String label = null;
        for (String[] arg : targetArgs) {
            if (arg[0].equals("endpoint")) {
                if (endpoint != null) {
                    targets.add(target(endpoint, pid, label));
                }
                endpoint = URI.create(arg[1]);
                pid = 0;
                label = null;
            } else if (endpoint == null) {
                throw new IllegalArgumentException("--" + arg[0] + " must follow the --endpoint it belongs to");
            } else if (arg[0].equals("server-pid")) {
                pid = Long.parseLong(arg[1]);
            } else {
                label = arg[1];
            }
        }
        if (endpoint == null) {
            throw new IllegalArgumentException("--endpoint is required");
        }
        targets.add(target(endpoint, pid, label));
        return targets;
    }

    private static ServerTarget target(URI endpoint, long pid, String label) {
        // Load is only ever sent to this machine: refuse anything but loopback.
        if (!LoopbackGuard.isLoopback(endpoint)) {
            throw new IllegalArgumentException("endpoint must be on 127.0.0.1 / localhost: " + endpoint);
        }
        return new ServerTarget(label != null ? label : endpoint.getHost() + ":" + endpoint.getPort(), endpoint, pid);
    }

    BenchOptions toOptions() {
        int threads = (int) getLong("threads", 4);
        if (threads < 1 || threads > 64) {
            throw new IllegalArgumentException("--threads must be 1..64");
        }
        return new BenchOptions(
                targets(),
                threads,
                Duration.ofSeconds(Math.max(1, getLong("seconds", 10))),
                Duration.ofSeconds(Math.max(0, getLong("warmup", 5))),
                Duration.ofSeconds(Math.max(0, getLong("prime", 15))),
                ScenarioKind.parse(get("scenario", "all")),
                (int) Math.max(10, getLong("deep-messages", 1_000_000)),
                Duration.ofSeconds(Math.max(1, getLong("fill-limit", 300))),
                (int) Math.max(1, getLong("longpoll-iterations", 300)),
                resultsOrNull());
    }
}
