package io.mailroom.ses;

import io.mailroom.core.delivery.ObjectSink;
import io.mailroom.core.error.ErrorCode;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Records what SES stores, per bucket and key; a missing bucket fails like S3's NoSuchBucket. */
final class FakeObjects implements ObjectSink {
    record Stored(String accountId, String region, byte[] body, String contentType) {
        String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private final Set<String> buckets = new HashSet<>();
    private final Map<String, Stored> objects = new LinkedHashMap<>();

    void createBucket(String name) {
        buckets.add(name);
    }

    Stored get(String bucket, String key) {
        return objects.get(bucket + "/" + key);
    }

    Map<String, Stored> all() {
        return objects;
    }

    @Override
    public synchronized String put(String accountId, String region, String bucket, String key, byte[] body,
                                   String contentType, Map<String, String> metadata) {
        if (!buckets.contains(bucket)) {
            throw ErrorCode.sender("NoSuchBucket", 404).exception("The specified bucket does not exist");
        }
        objects.put(bucket + "/" + key, new Stored(accountId, region, body.clone(), contentType));
        return "\"etag-" + objects.size() + "\"";
    }

    @Override
    public boolean exists(String bucket) {
        return buckets.contains(bucket);
    }
}
