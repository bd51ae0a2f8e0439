package io.mailroom.server.config;

import java.util.List;

/** The resources of one account in one region. */
public record AccountSetup(Position at, Scope scope, List<QueueSetup> queues, List<TopicSetup> topics,
                           List<BucketSetup> buckets, SesSetup ses) {
}
