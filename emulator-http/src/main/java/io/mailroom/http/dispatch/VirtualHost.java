package io.mailroom.http.dispatch;

/**
 * Virtual-hosted-style S3 addressing: the bucket is the first part of the host name
 * ({@code my-bucket.localhost:4566}, {@code my-bucket.s3.localhost.localstack.cloud:4566},
 * {@code my-bucket.s3.amazonaws.com}). The SDKs use it by default.
 */
final class VirtualHost {
    private static final String[] SUFFIXES = {".s3.localhost.localstack.cloud", ".localhost.localstack.cloud",
            ".s3.amazonaws.com", ".localhost"};

    private VirtualHost() {
    }

    /** The bucket the Host header names, or null for path-style requests. */
    static String bucket(String host) {
        if (host == null) {
            return null;
        }
        int colon = host.lastIndexOf(':');
        String name = colon > 0 && host.indexOf(']') < colon ? host.substring(0, colon) : host;
        name = name.toLowerCase(java.util.Locale.ROOT);
        for (String suffix : SUFFIXES) {
            if (name.endsWith(suffix) && name.length() > suffix.length()) {
                String bucket = name.substring(0, name.length() - suffix.length());
                return bucket.equals("s3") || bucket.startsWith("s3.") ? null : bucket;
            }
        }
        int s3 = name.indexOf(".s3.");
        return s3 > 0 ? name.substring(0, s3) : null;
    }
}
