package io.mailroom.sns.platform;

import java.util.LinkedHashMap;
import java.util.Map;

/** A device endpoint of a platform application: Token, Enabled, CustomUserData. */
public final class PlatformEndpoint {
    private final String arn;
    private final PlatformApplication application;
    private final Map<String, String> attributes = new LinkedHashMap<>();

    public PlatformEndpoint(String arn, PlatformApplication application, Map<String, String> attributes) {
        this.arn = arn;
        this.application = application;
        this.attributes.putAll(attributes);
    }

    public String arn() {
        return arn;
    }

    public PlatformApplication application() {
        return application;
    }

    public synchronized Map<String, String> attributes() {
        return new LinkedHashMap<>(attributes);
    }

    public synchronized void putAttributes(Map<String, String> values) {
        attributes.putAll(values);
    }

    public synchronized String token() {
        return attributes.get("Token");
    }

    public synchronized boolean enabled() {
        return !"false".equalsIgnoreCase(attributes.get("Enabled"));
    }
}
