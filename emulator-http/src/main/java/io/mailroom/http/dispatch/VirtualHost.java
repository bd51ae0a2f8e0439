package io.mailroom.http.dispatch;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Virtual-hosted-style S3 addressing: the bucket is the first part of the host name
 * ({@code my-bucket.localhost:4566}, {@code my-bucket.s3.localhost.localstack.cloud:4566},
 * {@code my-bucket.s3.us-east-1.localhost.localstack.cloud:4566}, {@code my-bucket.s3.amazonaws.com}). The SDKs
 * use it by default.
 */
final class VirtualHost {
    /** Local domains, under which a name without {@code .s3} is a bucket too ({@code mail.localhost}). */
    private static final String[] LOCAL_DOMAINS = {".localhost.localstack.cloud", ".localhost"};
    private static final String AWS_DOMAIN = ".amazonaws.com";
    /** {@code bucket.s3} or {@code bucket.s3.us-east-1}, what is left of a host name without its domain. */
    private static final Pattern BUCKET_OF_S3 = Pattern.compile("(.+?)\\.s3(?:\\.[a-z]{2}(?:-[a-z]+)+-\\d+)?");

    private VirtualHost() {
    }

    /** The bucket the Host header names, or null for path-style requests. */
    static String bucket(String host) {
        if (host == null) {
            return null;
        }
        int colon = host.lastIndexOf(':');
        String name = colon > 0 && host.indexOf(']') < colon ? host.substring(0, colon) : host;
        name = name.toLowerCase(Locale.ROOT);
        for (String domain : LOCAL_DOMAINS) {
            if (name.endsWith(domain) && name.length() > domain.length()) {
                String rest = name.substring(0, name.length() - domain.length());
                if (rest.equals("s3") || rest.startsWith("s3.")) {
                    return null; // the service's own name, addressed path-style
                }
                Matcher m = BUCKET_OF_S3.matcher(rest);
                return m.matches() ? m.group(1) : rest;
            }
        }
        if (name.endsWith(AWS_DOMAIN)) {
            Matcher m = BUCKET_OF_S3.matcher(name.substring(0, name.length() - AWS_DOMAIN.length()));
            if (m.matches()) {
                return m.group(1);
            }
        }
        int s3 = name.indexOf(".s3.");
        return s3 > 0 ? name.substring(0, s3) : null;
    }
}
