package io.mailroom.server.config;

import io.mailroom.core.request.RequestContext;
import io.mailroom.sqs.queue.QueueAddress;
import java.util.UUID;

/** One account in one region: resources are isolated per scope, and names in a setup file are resolved in it. */
public record Scope(String accountId, String region) {

    public RequestContext context(String endpoint) {
        return new RequestContext(accountId, region, "setup-" + UUID.randomUUID(), endpoint);
    }

    String queueArn(String name) {
        return new QueueAddress(accountId, region, name).arn();
    }

    String topicArn(String name) {
        return "arn:" + io.mailroom.sns.arn.Arn.partitionOf(region) + ":sns:" + region + ":" + accountId + ":" + name;
    }

    /** A queue named in the file: a bare name is a queue of this scope; anything with a colon is an ARN. */
    String queueRef(String nameOrArn) {
        return nameOrArn.contains(":") ? nameOrArn : queueArn(nameOrArn);
    }

    String topicRef(String nameOrArn) {
        return nameOrArn.contains(":") ? nameOrArn : topicArn(nameOrArn);
    }

    /** The reverse for export: a resource of this scope is written by name, others by ARN. */
    String shortQueue(String arn) {
        String prefix = queueArn("");
        return arn.startsWith(prefix) ? arn.substring(prefix.length()) : arn;
    }

    String shortTopic(String arn) {
        String prefix = topicArn("");
        return arn.startsWith(prefix) ? arn.substring(prefix.length()) : arn;
    }
}
