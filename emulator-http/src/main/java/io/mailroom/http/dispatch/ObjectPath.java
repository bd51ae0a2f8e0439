package io.mailroom.http.dispatch;

/**
 * An object store path split into the bucket (its first segment, empty for the service itself) and the key (the
 * rest, null where the path names the bucket alone: {@code /bucket} or {@code /bucket/}, an object key never
 * being empty).
 */
record ObjectPath(String bucket, String key) {

    static ObjectPath of(String path) {
        String rest = path.startsWith("/") ? path.substring(1) : path;
        int slash = rest.indexOf('/');
        if (slash < 0) {
            return new ObjectPath(rest, null);
        }
        String key = rest.substring(slash + 1);
        return new ObjectPath(rest.substring(0, slash), key.isEmpty() ? null : key);
    }

    /** The bucket of a path that names only a bucket, else null. */
    String bucketAlone() {
        return key == null && !bucket.isEmpty() ? bucket : null;
    }
}
