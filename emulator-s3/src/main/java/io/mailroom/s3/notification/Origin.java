package io.mailroom.s3.notification;

import io.mailroom.core.request.RequestContext;
import io.mailroom.s3.bucket.Owner;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The request an event comes from.
 *
 * @param principalId who made it ({@code userIdentity.principalId})
 * @param atMillis    when S3 finished processing it
 * @param traceHeader its X-Ray trace header, or null: S3 passes it on to the queues it notifies as their
 *                    messages' {@code AWSTraceHeader}
 */
public record Origin(String requestId, String principalId, long atMillis, String traceHeader) {

    /**
     * What S3 does by itself (a lifecycle rule, a restore resumed after a restart): no request of a client, so a
     * request id of its own, in S3's form.
     */
    public static Origin unrequested(String principalId, long atMillis) {
        return new Origin(String.format(Locale.ROOT, "%016X", ThreadLocalRandom.current().nextLong()), principalId,
                atMillis, null);
    }

    /** The request {@code ctx}, made by its account, finished at {@code atMillis}. */
    public static Origin of(RequestContext ctx, long atMillis) {
        return new Origin(ctx.requestId(), new Owner(ctx.accountId()).principalId(), atMillis, ctx.traceHeader());
    }
}
