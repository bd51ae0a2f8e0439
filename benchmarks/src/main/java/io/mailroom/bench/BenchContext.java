package io.mailroom.bench;

import software.amazon.awssdk.services.sqs.SqsClient;

/** What a scenario gets for one server: the options, that server, an SDK client for it and its process probe. */
record BenchContext(BenchOptions options, ServerTarget target, SqsClient sqs, ServerProbe probe) {

    ClosedLoop closedLoop(int threads) {
        return new ClosedLoop(threads, options.warmup(), options.measure(), probe);
    }

    ScenarioResult.Builder result(ScenarioKind kind) {
        return ScenarioResult.builder(target.label(), kind.id());
    }
}
