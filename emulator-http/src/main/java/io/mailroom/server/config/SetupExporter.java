package io.mailroom.server.config;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.request.RequestContext;
import io.mailroom.server.ServiceSet;
import java.util.List;

/**
 * The current state in the setup file's format, read through the services' List/Get operations, so a
 * setup built by hand (or by a test) can be saved and loaded with {@code --config}. Applying an export
 * and exporting again gives the same document.
 */
public final class SetupExporter {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private final ServiceSet services;

    public SetupExporter(ServiceSet services) {
        this.services = services;
    }

    /** The given accounts and regions, each left out when it holds nothing. */
    public ObjectNode export(List<Scope> scopes) {
        SqsExporter sqs = new SqsExporter(services.sqs());
        SnsExporter sns = new SnsExporter(services.sns());
        S3Exporter s3 = new S3Exporter(services.s3());
        SesExporter ses = new SesExporter(services.ses().v1());
        ObjectNode root = F.objectNode();
        ArrayNode accounts = root.putArray("accounts");
        for (Scope scope : scopes.stream().distinct().toList()) {
            RequestContext ctx = scope.context(null);
            ObjectNode account = F.objectNode().put("id", scope.accountId()).put("region", scope.region());
            ArrayNode queues = sqs.queues(scope, ctx);
            if (!queues.isEmpty()) {
                account.putObject("sqs").set("queues", queues);
            }
            ArrayNode topics = sns.topics(scope, ctx);
            if (!topics.isEmpty()) {
                account.putObject("sns").set("topics", topics);
            }
            ArrayNode buckets = s3.buckets(scope, ctx);
            if (!buckets.isEmpty()) {
                account.putObject("s3").set("buckets", buckets);
            }
            ObjectNode sesPart = ses.export(scope, ctx);
            if (!sesPart.isEmpty()) {
                account.set("ses", sesPart);
            }
            if (account.size() > 2) {
                accounts.add(account);
            }
        }
        return root;
    }
}
