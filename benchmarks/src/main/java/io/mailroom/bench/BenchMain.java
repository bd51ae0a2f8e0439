package io.mailroom.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Entry point of mailroom-bench.jar. Default mode drives an SQS endpoint through the scenarios;
 * {@code startup}, {@code idle} and {@code report} are the helper modes run.sh uses.
 * Always ends with System.exit: a worker stuck in a call to a hung server must not keep it alive.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] argv) {
        int code;
        try {
            List<String> args = Arrays.asList(argv);
            String mode = args.isEmpty() ? "" : args.get(0);
            code = switch (mode) {
                case "startup" -> startup(args.subList(1, args.size()));
                case "idle" -> idle(BenchArgs.parse(args.subList(1, args.size())));
                case "report" -> report(BenchArgs.parse(args.subList(1, args.size())));
                case "", "-h", "--help" -> usage();
                default -> run(BenchArgs.parse(args).toOptions());
            };
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.print(BenchArgs.USAGE);
            code = 2;
        } catch (Exception e) {
            e.printStackTrace();
            code = 1;
        }
        System.exit(code);
    }

    private static int usage() {
        System.err.print(BenchArgs.USAGE);
        return 2;
    }

    private static final Map<ScenarioKind, Scenario> SCENARIOS = Map.ofEntries(
            Map.entry(ScenarioKind.SEND, new SendScenario()),
            Map.entry(ScenarioKind.ROUNDTRIP, new RoundTripScenario()),
            Map.entry(ScenarioKind.BATCH, new BatchScenario()),
            Map.entry(ScenarioKind.LONGPOLL, new LongPollScenario()),
            Map.entry(ScenarioKind.LATENCY, new LatencyScenario()),
            Map.entry(ScenarioKind.FANOUT1, new FanoutScenario(ScenarioKind.FANOUT1, 1)),
            Map.entry(ScenarioKind.FANOUT10, new FanoutScenario(ScenarioKind.FANOUT10, 10)),
            Map.entry(ScenarioKind.FANOUT100, new FanoutScenario(ScenarioKind.FANOUT100, 100)),
            Map.entry(ScenarioKind.FANOUTLATENCY, new FanoutLatencyScenario()),
            Map.entry(ScenarioKind.DEEP, new DeepQueueScenario()));

    private static int run(BenchOptions options) throws IOException, InterruptedException {
        List<BenchContext> servers = new ArrayList<>();
        try {
            for (ServerTarget target : options.targets()) {
                ServerProbe probe = new ServerProbe(target.pid());
                if (target.hasPid() && !probe.alive()) {
                    throw new IllegalArgumentException("no process " + target.pid() + " for " + target.label());
                }
                servers.add(new BenchContext(options, target, BenchClients.sqs(target.endpoint()),
                        BenchClients.sns(target.endpoint()), probe));
            }
            ClientPrimer.prime(servers, options.prime(), options.scenarios().stream().anyMatch(ScenarioKind::needsSns));
            int failures = 0;
            List<ScenarioKind> scenarios = options.scenarios();
            for (int s = 0; s < scenarios.size(); s++) {
                // Rotate who goes first, so neither server always follows the other's deep queue or GC.
                for (int i = 0; i < servers.size(); i++) {
                    BenchContext ctx = servers.get((s + i) % servers.size());
                    if (!runOne(scenarios.get(s), ctx)) {
                        failures++;
                    }
                }
            }
            return failures == 0 ? 0 : 1;
        } finally {
            servers.forEach(ctx -> {
                ctx.sqs().close();
                ctx.sns().close();
            });
        }
    }

    private static boolean runOne(ScenarioKind kind, BenchContext ctx) throws IOException {
        BenchOptions options = ctx.options();
        if (ctx.target().hasPid() && !ctx.probe().alive()) {
            System.out.println("   " + ctx.target().label() + ": server process is gone; skipping " + kind.id());
            return false;
        }
        if (kind.needsSns() && !ctx.hasSns()) {
            // ElasticMQ is SQS only: not a failure, nothing to measure.
            System.out.println("   " + ctx.target().label() + ": no SNS at " + ctx.target().endpoint() + "; skipping " + kind.id());
            return true;
        }
        System.out.printf("== %s: %s against %s (%d threads, %d s warm-up, %d s measured)%n", ctx.target().label(),
                kind.id(), ctx.target().endpoint(), options.threads(), options.warmup().toSeconds(),
                options.measure().toSeconds());
        try {
            ScenarioResult result = SCENARIOS.get(kind).run(ctx);
            System.out.println(result.describe());
            if (options.results() != null) {
                ResultLog.append(options.results(), result);
            }
            return true;
        } catch (Exception e) {
            System.out.println("   scenario " + kind.id() + " failed: " + e);
            return false;
        } finally {
            System.out.flush();
        }
    }

    /** {@code startup --port N --log F --pid-file F [--label L] [--idle-seconds S] [--results F] -- CMD...} */
    private static int startup(List<String> args) throws IOException, InterruptedException {
        int dashes = args.indexOf("--");
        if (dashes < 0 || dashes == args.size() - 1) {
            throw new IllegalArgumentException("startup needs '-- COMMAND...'");
        }
        BenchArgs a = BenchArgs.parse(args.subList(0, dashes));
        List<String> command = new ArrayList<>(args.subList(dashes + 1, args.size()));
        ScenarioResult.Builder result = ScenarioResult.builder(a.get("label", MarkdownReport.SUBJECT), "startup");
        Process server = StartupProbe.start(command, Integer.parseInt(a.require("port")), Path.of(a.require("log")),
                Duration.ofSeconds(a.getLong("idle-seconds", 2)), result);
        StartupProbe.writePid(Path.of(a.require("pid-file")), server);
        record(result.build(), a.resultsOrNull());
        return 0;
    }

    /** {@code idle --server-pid PID [--label L] [--startup-ms MS] [--results F]}: idle RSS of a server someone else started. */
    private static int idle(BenchArgs a) throws IOException {
        long rss = new ServerProbe(Long.parseLong(a.require("server-pid"))).rssBytes();
        ScenarioResult.Builder result = ScenarioResult.builder(a.get("label", "server"), "startup");
        String startupMs = a.get("startup-ms", null);
        if (startupMs != null) {
            // measured by whoever started the server, e.g. the peers script polling every 50 ms
            result.add("startup_ms", Double.parseDouble(startupMs), "ms");
        }
        record(result.add("idle_rss_mib", rss / (1024.0 * 1024.0), "MiB").build(), a.resultsOrNull());
        return 0;
    }

    private static int report(BenchArgs a) throws IOException {
        System.out.print(MarkdownReport.render(ResultLog.read(Path.of(a.require("results")))));
        return 0;
    }

    private static void record(ScenarioResult result, Path results) throws IOException {
        System.out.println(result.describe());
        if (results != null) {
            ResultLog.append(results, result);
        }
    }
}
