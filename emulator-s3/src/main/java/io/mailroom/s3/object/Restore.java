package io.mailroom.s3.object;

import io.mailroom.core.time.HttpDate;
import java.time.Duration;

/**
 * A restore of an archived object (RestoreObject): a temporary readable copy, ready once its tier's retrieval
 * time has passed on the server clock and kept until midnight UTC after {@code Days} days. The retrieval times
 * are the longest AWS documents for each tier, so a test that advances the clock past them sees the copy ready.
 * See https://docs.aws.amazon.com/AmazonS3/latest/userguide/restoring-objects-retrieval-options.html
 *
 * @param requestedAt when RestoreObject asked for it, epoch millis
 * @param completesAt when the copy is ready
 * @param expiresAt   when the copy goes: midnight UTC, {@code Days} days after it was ready
 */
public record Restore(String tier, long requestedAt, long completesAt, long expiresAt) {
    public static final String GLACIER = "GLACIER";
    public static final String DEEP_ARCHIVE = "DEEP_ARCHIVE";

    /** A restore asked for now; null for a tier the storage class does not offer (Expedited from DEEP_ARCHIVE). */
    public static Restore requested(String storageClass, String tier, int days, long now) {
        Duration retrieval = retrieval(storageClass, tier);
        if (retrieval == null) {
            return null;
        }
        long completes = now + retrieval.toMillis();
        return new Restore(tier, now, completes, UtcMidnight.afterDays(completes, days));
    }

    /** The same restored copy, kept {@code days} days from now instead (RestoreObject on a restored object). */
    public Restore extended(int days, long now) {
        return new Restore(tier, requestedAt, completesAt, UtcMidnight.afterDays(now, days));
    }

    public boolean ongoing(long now) {
        return now < completesAt;
    }

    /** Whether the restored copy can be read now. */
    public boolean readable(long now) {
        return now >= completesAt && now < expiresAt;
    }

    public boolean expired(long now) {
        return now >= expiresAt;
    }

    /** The {@code x-amz-restore} header while the restore is asked for or its copy is there; null after. */
    public String header(long now) {
        if (ongoing(now)) {
            return "ongoing-request=\"true\"";
        }
        return expired(now) ? null
                : "ongoing-request=\"false\", expiry-date=\"" + HttpDate.format(expiresAt) + "\"";
    }

    private static Duration retrieval(String storageClass, String tier) {
        boolean deep = DEEP_ARCHIVE.equals(storageClass);
        return switch (tier) {
            case "Expedited" -> deep ? null : Duration.ofMinutes(5);
            case "Bulk" -> deep ? Duration.ofHours(48) : Duration.ofHours(12);
            default -> deep ? Duration.ofHours(12) : Duration.ofHours(5);
        };
    }
}
