package io.mailroom.sns.subscription;

import io.mailroom.sns.SnsErrors;
import io.mailroom.sns.arn.Arn;
import io.mailroom.sns.sms.PhoneNumbers;
import java.net.URI;
import java.util.Optional;
import java.util.regex.Pattern;

/** The subscription protocols and their endpoint rules. */
public enum Protocol {
    SQS("sqs"),
    HTTP("http"),
    HTTPS("https"),
    EMAIL("email"),
    EMAIL_JSON("email-json"),
    SMS("sms"),
    APPLICATION("application"),
    LAMBDA("lambda"),
    FIREHOSE("firehose");

    private static final Pattern EMAIL_ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final String wireName;

    Protocol(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<Protocol> parse(String value) {
        for (Protocol p : values()) {
            if (p.wireName.equals(value)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Endpoints of these protocols must confirm the subscription before they receive anything. */
    public boolean needsConfirmation() {
        return this == HTTP || this == HTTPS || this == EMAIL || this == EMAIL_JSON;
    }

    /** RawMessageDelivery applies to SQS, HTTP/S and Firehose only. */
    public boolean supportsRawDelivery() {
        return this == SQS || this == HTTP || this == HTTPS || this == FIREHOSE;
    }

    /** Only HTTP/S take a custom delivery policy. */
    public boolean supportsDeliveryPolicy() {
        return this == HTTP || this == HTTPS;
    }

    public boolean isHttp() {
        return this == HTTP || this == HTTPS;
    }

    /** Checks the endpoint's form for this protocol, with AWS's InvalidParameter messages. */
    public void validateEndpoint(String endpoint) {
        if (endpoint == null || endpoint.isEmpty()) {
            throw SnsErrors.invalid("Endpoint");
        }
        switch (this) {
            case HTTP, HTTPS -> {
                if (!endpoint.regionMatches(true, 0, wireName + "://", 0, wireName.length() + 3)) {
                    throw SnsErrors.invalid("Endpoint must match the specified protocol");
                }
                try {
                    URI uri = new URI(endpoint);
                    if (uri.getHost() == null) {
                        throw new IllegalArgumentException();
                    }
                } catch (Exception e) {
                    throw SnsErrors.invalid("Endpoint Reason: " + endpoint + " is not a valid URL");
                }
            }
            case EMAIL, EMAIL_JSON -> {
                if (!EMAIL_ADDRESS.matcher(endpoint).matches()) {
                    throw SnsErrors.invalid("Email address");
                }
            }
            case SMS -> {
                if (!PhoneNumbers.isValid(endpoint)) {
                    // InvalidParameter without its usual "Invalid parameter: " (recorded on AWS).
                    throw SnsErrors.INVALID_PARAMETER.exception("Invalid SMS endpoint: " + endpoint);
                }
            }
            case SQS -> requireArn(endpoint, "sqs", "SQS endpoint ARN");
            case LAMBDA -> requireArn(endpoint, "lambda", "Lambda endpoint ARN");
            case FIREHOSE -> requireArn(endpoint, "firehose", "Firehose endpoint ARN");
            case APPLICATION -> {
                Optional<Arn> arn = Arn.parse(endpoint);
                if (arn.isEmpty() || !arn.get().service().equals("sns") || !arn.get().resource().startsWith("endpoint/")) {
                    throw SnsErrors.invalid("Application endpoint arn invalid:" + endpoint);
                }
            }
        }
    }

    private static void requireArn(String endpoint, String service, String message) {
        Optional<Arn> arn = Arn.parse(endpoint);
        if (arn.isEmpty() || !arn.get().service().equals(service) || arn.get().region().isEmpty()
                || arn.get().account().isEmpty()) {
            throw SnsErrors.invalid(message);
        }
    }
}
