package io.mailroom.http.dashboard;

import io.mailroom.protocol.Canonical;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.protocol.EncodedResponse;
import io.mailroom.s3.S3Service;
import io.mailroom.s3.bucket.Bucket;
import io.mailroom.s3.notification.Destination;
import io.mailroom.s3.notification.NotificationRule;
import io.mailroom.s3.object.StoredObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.function.Supplier;

/**
 * S3 buckets: {@code GET /_mailroom/api/buckets} lists every bucket with its object count, total size and
 * notification configuration; {@code /buckets/{account}/{region}/{bucket}/objects?prefix=} lists its objects
 * by key (at most {@value #OBJECT_LIMIT}); {@code .../objects/{key}} downloads one. Everything is read straight
 * from the bucket in process, so unlike GetObject nothing happens: no request is counted, no event is sent.
 */
final class BucketsView {
    /** The page polls the listing every second: a bucket of a million keys need not travel each time. */
    static final int OBJECT_LIMIT = 1000;
    private static final String OBJECTS = "/objects";

    private final Supplier<S3Service> s3;

    BucketsView(Supplier<S3Service> s3) {
        this.s3 = s3;
    }

    /**
     * @param route  what follows {@code /_mailroom/api/buckets}
     * @param prefix the {@code prefix} query parameter, or null
     */
    EncodedResponse serve(String route, String prefix) {
        if (route.isEmpty() || route.equals("/")) {
            return list();
        }
        // {account}/{region}/{bucket}/objects[/{key}]: the key may hold slashes of its own.
        String[] parts = route.substring(1).split("/", 4);
        if (parts.length < 4 || !(parts[3].equals("objects") || parts[3].startsWith("objects/"))) {
            return NotFound.response("No dashboard view /_mailroom/api/buckets" + route + ".");
        }
        Optional<Bucket> bucket = s3.get().bucket(parts[2])
                .filter(b -> b.owner().accountId().equals(parts[0]) && b.region().equals(parts[1]));
        if (bucket.isEmpty()) {
            return NotFound.response("No bucket " + parts[2] + " in " + parts[0] + " / " + parts[1] + ".");
        }
        if (parts[3].equals("objects")) {
            return objects(bucket.get(), prefix == null ? "" : prefix);
        }
        return download(bucket.get(), parts[3].substring(OBJECTS.length()));
    }

    private EncodedResponse list() {
        ObjectNode root = Canonical.NODES.objectNode();
        ArrayNode buckets = root.putArray("buckets");
        for (Bucket b : s3.get().buckets()) {
            ObjectNode node = buckets.addObject();
            node.put("accountId", b.owner().accountId());
            node.put("region", b.region());
            node.put("name", b.name());
            node.put("arn", b.arn());
            node.put("createdAt", Instant.ofEpochMilli(b.createdAt()).toString());
            long count = 0;
            long size = 0;
            for (StoredObject o : b.objects().values()) {
                count++;
                size += o.size();
            }
            node.put("objects", count);
            node.put("size", size);
            ArrayNode notifications = node.putArray("notifications");
            for (NotificationRule r : b.notifications().rules()) {
                ObjectNode n = notifications.addObject();
                n.put("id", r.id());
                n.put("destination", r.destination() instanceof Destination.Queue ? "queue" : "topic");
                n.put("arn", r.destination().arn());
                r.events().forEach(n.putArray("events")::add);
                n.put("prefix", r.filter().prefix());
                n.put("suffix", r.filter().suffix());
            }
        }
        return Json.ok(root);
    }

    private static EncodedResponse objects(Bucket b, String prefix) {
        ObjectNode root = Canonical.NODES.objectNode();
        root.put("accountId", b.owner().accountId());
        root.put("region", b.region());
        root.put("bucket", b.name());
        root.put("prefix", prefix);
        ArrayNode objects = root.putArray("objects");
        int total = 0;
        // Keys are kept in S3's order, so every key with the prefix sits in one run starting at the prefix.
        for (StoredObject o : b.objects().tailMap(prefix, true).values()) {
            if (!o.key().startsWith(prefix)) {
                break;
            }
            if (total++ < OBJECT_LIMIT) {
                objects.addObject()
                        .put("key", o.key())
                        .put("size", o.size())
                        .put("contentType", o.headers().contentType())
                        .put("etag", o.etag())
                        .put("lastModified", Instant.ofEpochMilli(o.lastModified()).toString())
                        .put("storageClass", o.storageClass())
                        .put("downloadUrl", downloadUrl(b, o.key()));
            }
        }
        root.put("total", total);
        root.put("truncated", total > OBJECT_LIMIT);
        return Json.ok(root);
    }

    /** The dashboard's download of {@code key}: each path segment percent-encoded, slashes kept. */
    static String downloadUrl(Bucket b, String key) {
        String path = java.util.Arrays.stream(key.split("/", -1)).map(BucketsView::encode)
                .collect(Collectors.joining("/"));
        return DashboardEndpoint.ROOT + "/api/buckets/" + encode(b.owner().accountId()) + "/" + encode(b.region())
                + "/" + encode(b.name()) + OBJECTS + "/" + path;
    }

    /**
     * Always a download ({@code Content-Disposition: attachment}), sandboxed and never sniffed should a browser
     * show it anyway: an HTML object must not run script with the dashboard's origin.
     */
    private static EncodedResponse download(Bucket b, String slashKey) {
        String key = slashKey.startsWith("/") ? slashKey.substring(1) : slashKey;
        StoredObject o = key.isEmpty() ? null : b.objects().get(key);
        if (o == null) {
            return NotFound.response("No object " + key + " in bucket " + b.name() + ".");
        }
        String name = key.substring(key.lastIndexOf('/') + 1);
        name = name.isEmpty() ? "object" : name;
        String ascii = name.replaceAll("[^A-Za-z0-9._ -]", "_");
        return new EncodedResponse(200, o.headers().contentType(), o.body().clone(), Map.of(
                "Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encode(name),
                "ETag", o.etag(),
                "X-Content-Type-Options", "nosniff",
                "Content-Security-Policy", "sandbox",
                "Cache-Control", "no-store"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
