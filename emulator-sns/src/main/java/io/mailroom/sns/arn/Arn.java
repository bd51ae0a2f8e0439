package io.mailroom.sns.arn;

import java.util.Optional;

/**
 * An ARN as SNS reads it: {@code arn:partition:service:region:account:resource}. The resource keeps
 * any further colons (subscription ARNs are the topic ARN plus {@code :uuid}).
 */
public record Arn(String partition, String service, String region, String account, String resource) {

    public static Optional<Arn> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] parts = text.split(":", 6);
        if (parts.length != 6 || !parts[0].equals("arn") || parts[1].isEmpty() || parts[2].isEmpty()
                || parts[5].isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Arn(parts[1], parts[2], parts[3], parts[4], parts[5]));
    }

    /**
     * How many colon-separated elements {@code text} has, as AWS counts them when it refuses one with fewer
     * than six ({@code ""} and {@code "name"} have 1, {@code "arn:aws:sns:us-east-1:name"} has 5).
     */
    public static int elementCount(String text) {
        int elements = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == ':') {
                elements++;
            }
        }
        return elements;
    }

    public static Arn of(String service, String region, String account, String resource) {
        return new Arn(partitionOf(region), service, region, account, resource);
    }

    /** The partition a region belongs to, as AWS builds ARNs. */
    public static String partitionOf(String region) {
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        if (region.startsWith("us-gov-")) {
            return "aws-us-gov";
        }
        return "aws";
    }

    @Override
    public String toString() {
        return "arn:" + partition + ":" + service + ":" + region + ":" + account + ":" + resource;
    }
}
