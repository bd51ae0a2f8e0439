package io.mailroom.server;

import io.mailroom.core.model.ServiceModel;
import io.mailroom.core.service.AwsService;
import io.mailroom.core.service.Handler;
import io.mailroom.core.time.ServerClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.TreeSet;

/**
 * Writes {@code docs/compatibility.md} from the bundled models and the services' operation tables, so
 * the matrix cannot drift from the code: a test fails when the committed file differs. Regenerate with
 * {@code java -cp emulator-http/target/mailroom.jar io.mailroom.server.CompatibilityReport docs/compatibility.md}.
 */
public final class CompatibilityReport {

    /**
     * What a user should know beyond the operation table, by signing name: what clients send a service that its
     * model does not describe, and behaviour AWS documents only in part.
     */
    private static final Map<String, String> NOTES = Map.of("sns",
            "**HTTP/S deliveries** follow the effective delivery policy on the server's clock: its retry phases,"
                    + " its content type and its `throttlePolicy.maxReceivesPerSecond`, which paces every attempt of"
                    + " the subscription, retries included. **Message archiving and replay** (FIFO topics): a topic's `ArchivePolicy` keeps what it publishes for"
                    + " its `MessageRetentionPeriod` (`{}` turns it off and deletes the archive; `DeleteTopic` is"
                    + " refused while it is on), and a subscription's `ReplayPolicy` redelivers the archived"
                    + " messages from `StartingPoint` to `EndingPoint` (or to now) through its filter policy, in"
                    + " order, with their `MessageId`, `Timestamp` and de-duplication id (so a FIFO queue that got"
                    + " the originals less than five minutes before drops them, as SQS drops any duplicate); past"
                    + " an `EndingPoint` the subscription takes no new messages. The archive is replayed within the"
                    + " call that sets the policy: `ReplayStatus` reads `Completed`, or `In progress` until a later"
                    + " `EndingPoint`. AWS documents a `Replayed` attribute on replayed messages without showing its"
                    + " form: here the JSON envelope carries `\"Replayed\": true`. **Application events**: a"
                    + " platform application's `EventEndpointCreated`, `EventEndpointUpdated`, `EventEndpointDeleted`"
                    + " and `EventDeliveryFailure` topics get a notification when an endpoint is made (not when"
                    + " CreatePlatformEndpoint answers an existing one), changed, deleted, or misses a topic's"
                    + " message because it is disabled; the message has the form of AWS's DeliveryFailure messages."
                    + " **Large payloads**: a topic's `MaximumMessageSize` (1,024 to 1,048,576 bytes, 262,144 by"
                    + " default, newer than the bundled model) bounds its publishes; above 256 KiB the topic takes only"
                    + " `sqs`, `lambda` and `firehose` subscriptions, at most 100.",
            "ses",
            "**The sandbox** (the default; `--ses-auto-verify` leaves it): a sender must be a verified identity, as"
                    + " on AWS, but recipients are not checked, where AWS's sandbox also limits them to verified"
                    + " identities and the mailbox simulator; so tests written against an account with production"
                    + " access run unchanged. New identities are verified at once, and the runnable server does not enforce"
                    + " the sending quota `GetSendQuota` reports.",
            "s3",
            "Outside the model: **POST Object** (a browser-based upload with an HTML form, as boto3's"
                    + " `generate_presigned_post` prepares) is implemented: the form's fields as PutObject's headers"
                    + " (`acl`, `tagging` as an XML document, `${filename}` in `key`), its policy's expiration and"
                    + " conditions checked (signatures are not, as nowhere in Mailroom), `success_action_status` and"
                    + " `success_action_redirect`, and `s3:ObjectCreated:Post` events. **Presigned URLs** (Signature"
                    + " Version 4 and 2 query-string authentication) expire as S3's do, on the server's clock: a test that"
                    + " moves the clock past `X-Amz-Date` + `X-Amz-Expires` (or `Expires`) gets `403 AccessDenied`"
                    + " \"Request has expired\"; an `X-Amz-Expires` over a week is refused. **OPTIONS object**"
                    + " (a browser's CORS preflight) is answered by the bucket's CORS configuration, and the requests"
                    + " that follow it carry their rule's `Access-Control-*` headers, errors included: the first"
                    + " rule that allows the origin, method and requested headers decides; without one, S3's"
                    + " `403 AccessForbidden`, worded as S3 words it. **Archived objects** (`GLACIER`, `DEEP_ARCHIVE`)"
                    + " answer GET and copies with `403 InvalidObjectState` until a RestoreObject's copy is ready, after"
                    + " the longest retrieval time AWS documents for its tier on the server's clock (Expedited 5"
                    + " minutes, Standard 5 or 12 hours, Bulk 12 or 48 hours), and again once it expires;"
                    + " `s3:ObjectRestore:Post`, `:Completed` and `:Delete` are raised at those times. **Lifecycle"
                    + " rules** act on the server's clock at the midnight UTC S3 counts their days to: expirations"
                    + " (`x-amz-expiration` names them), transitions (objects under 128 KiB stay unless a rule filters"
                    + " by size) and AbortIncompleteMultipartUpload, with `s3:LifecycleExpiration:Delete` and"
                    + " `s3:LifecycleTransition`; buckets are not versioned here, so noncurrent-version actions are"
                    + " checked and kept but have nothing to act on.");

    private CompatibilityReport() {
    }

    public static String render() {
        try (ServerClock clock = ServerClock.manual(Instant.EPOCH)) {
            StringBuilder out = new StringBuilder();
            out.append("# Compatibility\n\n")
                    .append("Generated from the bundled AWS service models and Mailroom's operation tables by\n")
                    .append("`io.mailroom.server.CompatibilityReport`; a test keeps this file current.\n\n")
                    .append("- **implemented**: AWS's semantics, limits and errors, tested through the AWS SDK.\n")
                    .append("- **not supported**: answers an AWS-style error naming the operation as unsupported.\n\n")
                    .append("One limit is Mailroom's own: a request body may be at most 64 MiB by default (`--max-body-mib`,\n")
                    .append("[configuration](configuration.md)), enough for every SQS, SNS and SES request; a larger one\n")
                    .append("(an S3 PutObject or UploadPart, which AWS takes up to 5 GiB) is answered\n")
                    .append("`413 RequestEntityTooLarge` in the request's protocol.\n");
            for (AwsService service : ServiceSet.create(clock).all()) {
                ServiceModel model = service.descriptor().jsonModel()
                        .orElseGet(() -> service.descriptor().queryModel().orElseThrow());
                out.append("\n## ").append(model.serviceId()).append(" (API ")
                        .append(model.apiVersion()).append(")\n\n")
                        .append("Protocols: ").append(protocols(service)).append("\n\n")
                        .append("| Operation | State |\n| --- | --- |\n");
                Map<String, Handler> handlers = service.operations().all();
                for (String operation : new TreeSet<>(model.operations().keySet())) {
                    Handler handler = handlers.get(operation);
                    String state = handler instanceof Handler.Sync || handler instanceof Handler.Async ? "implemented"
                            : handler instanceof Handler.Unsupported u ? "not supported: " + u.reason()
                            : "not supported";
                    out.append("| ").append(operation).append(" | ").append(state).append(" |\n");
                }
                String note = NOTES.get(service.descriptor().signingName());
                if (note != null) {
                    out.append("\n").append(note).append("\n");
                }
            }
            return out.toString();
        }
    }

    private static String protocols(AwsService service) {
        StringBuilder p = new StringBuilder();
        service.descriptor().jsonModel().ifPresent(m -> p.append(switch (m.protocol()) {
            case "rest-json" -> "REST-JSON";
            case "rest-xml" -> "REST-XML";
            default -> "AWS JSON " + m.jsonVersion();
        }));
        service.descriptor().queryModel().ifPresent(m -> p.append(p.length() > 0 ? ", " : "").append("AWS Query"));
        return p.toString();
    }

    public static void main(String[] args) throws IOException {
        Path target = Path.of(args.length > 0 ? args[0] : "docs/compatibility.md");
        Files.writeString(target, render(), StandardCharsets.UTF_8);
        System.out.println("wrote " + target);
    }
}
