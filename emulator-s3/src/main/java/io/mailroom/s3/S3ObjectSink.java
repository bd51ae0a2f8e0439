package io.mailroom.s3;

import io.mailroom.core.delivery.ObjectSink;
import io.mailroom.core.request.RequestContext;
import io.mailroom.s3.api.ObjectOperations;
import io.mailroom.s3.bucket.BucketRegistry;
import io.mailroom.s3.object.ObjectHeaders;
import java.util.Map;
import java.util.UUID;

/** How SES (or any other service of the server) stores objects: an ordinary PutObject, events included. */
final class S3ObjectSink implements ObjectSink {
    private final BucketRegistry registry;
    private final ObjectOperations objects;

    S3ObjectSink(BucketRegistry registry, ObjectOperations objects) {
        this.registry = registry;
        this.objects = objects;
    }

    @Override
    public String put(String accountId, String region, String bucket, String key, byte[] body, String contentType,
                      Map<String, String> metadata) {
        RequestContext ctx = new RequestContext(accountId, region, UUID.randomUUID().toString(), null);
        return objects.store(ctx, bucket, key, body, ObjectHeaders.of(contentType),
                metadata == null ? Map.of() : metadata).etag();
    }

    @Override
    public boolean exists(String bucket) {
        return registry.find(bucket).isPresent();
    }
}
