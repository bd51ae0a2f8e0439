package io.mailroom.sns.delivery;

/**
 * The URLs SNS puts in messages, on the endpoint the client used to reach Mailroom: the front end
 * routes them back (a GET with Action=ConfirmSubscription or Unsubscribe, and the certificate path).
 */
public final class SnsUrls {
    public static final String CERTIFICATE_PATH = "/_aws/sns/SimpleNotificationService-mailroom.pem";

    private SnsUrls() {
    }

    public static String base(String endpoint) {
        String e = endpoint == null || endpoint.isEmpty() ? "http://localhost:4566" : endpoint;
        return e.endsWith("/") ? e.substring(0, e.length() - 1) : e;
    }

    public static String signingCert(String endpoint) {
        return base(endpoint) + CERTIFICATE_PATH;
    }

    public static String unsubscribe(String endpoint, String subscriptionArn) {
        return base(endpoint) + "/?Action=Unsubscribe&SubscriptionArn=" + subscriptionArn;
    }

    public static String subscribe(String endpoint, String topicArn, String token) {
        return base(endpoint) + "/?Action=ConfirmSubscription&TopicArn=" + topicArn + "&Token=" + token;
    }
}
