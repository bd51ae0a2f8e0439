package io.mailroom.bench;

import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * What a scenario gets for one server: the options, that server, SDK clients for it and its process
 * probe. The SNS client is only used by the fan-out scenarios, against servers that have SNS.
 */
record BenchContext(BenchOptions options, ServerTarget target, SqsClient sqs, SnsClient sns, ServerProbe probe) {

    ClosedLoop closedLoop(int threads) {
        return new ClosedLoop(threads, options.warmup(), options.measure(), probe);
    }

    ScenarioResult.Builder result(ScenarioKind kind) {
        return ScenarioResult.builder(target.label(), kind.id());
    }

    /** Whether the endpoint answers SNS at all (ElasticMQ does not): one ListTopics call. */
    boolean hasSns() {
        try {
            sns.listTopics();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
