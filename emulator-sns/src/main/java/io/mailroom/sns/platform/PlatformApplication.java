package io.mailroom.sns.platform;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/** A platform application: credentials for one push service, and its endpoints (devices). */
public final class PlatformApplication {
    private final String arn;
    private final String name;
    private final Platform platform;
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private final ConcurrentSkipListMap<String, PlatformEndpoint> endpoints = new ConcurrentSkipListMap<>();

    public PlatformApplication(String arn, String name, Platform platform) {
        this.arn = arn;
        this.name = name;
        this.platform = platform;
    }

    public String arn() {
        return arn;
    }

    public String name() {
        return name;
    }

    public Platform platform() {
        return platform;
    }

    public synchronized Map<String, String> attributes() {
        return new LinkedHashMap<>(attributes);
    }

    public synchronized void putAttributes(Map<String, String> values) {
        attributes.putAll(values);
    }

    /** Enabled unless a client set Enabled=false. */
    public synchronized boolean enabled() {
        return !"false".equalsIgnoreCase(attributes.get("Enabled"));
    }

    public ConcurrentSkipListMap<String, PlatformEndpoint> endpoints() {
        return endpoints;
    }
}
