package io.mailroom.s3.multipart;

import io.mailroom.s3.listing.KeyOrder;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A bucket's multipart uploads in progress, by upload id. */
public final class Uploads {
    /** S3's listing order: by key, then uploads of one key by initiation time. */
    public static final Comparator<Upload> LISTING_ORDER = Comparator.comparing(Upload::key, KeyOrder.INSTANCE)
            .thenComparingLong(Upload::initiated).thenComparing(Upload::uploadId);

    private final ConcurrentHashMap<String, Upload> byId = new ConcurrentHashMap<>();

    public void add(Upload upload) {
        byId.put(upload.uploadId(), upload);
    }

    /** The upload with this id for this key: an id of another key's upload is no upload of this one. */
    public Optional<Upload> find(String uploadId, String key) {
        Upload u = uploadId == null ? null : byId.get(uploadId);
        return u != null && u.key().equals(key) ? Optional.of(u) : Optional.empty();
    }

    /** Removes the upload if it is still there; false when another request completed or aborted it first. */
    public boolean remove(Upload upload) {
        return byId.remove(upload.uploadId(), upload);
    }

    /** Every upload in progress, in listing order. Listing is rare and uploads are few: sorting is fine. */
    public List<Upload> sorted() {
        return byId.values().stream().sorted(LISTING_ORDER).toList();
    }
}
