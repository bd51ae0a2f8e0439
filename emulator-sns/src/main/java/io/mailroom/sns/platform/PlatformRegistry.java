package io.mailroom.sns.platform;

import io.mailroom.sns.SnsErrors;
import io.mailroom.sns.arn.Arn;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.regex.Pattern;

/** Platform applications and endpoints of all accounts and regions, with SNS's rules for them. */
public final class PlatformRegistry {
    private static final Pattern APP_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,256}");
    private static final Set<String> ENDPOINT_ATTRIBUTES = Set.of("CustomUserData", "Enabled", "Token");
    private static final Set<String> APPLICATION_ATTRIBUTES = Set.of("PlatformCredential", "PlatformPrincipal",
            "EventEndpointCreated", "EventEndpointDeleted", "EventEndpointUpdated", "EventDeliveryFailure",
            "SuccessFeedbackRoleArn", "FailureFeedbackRoleArn", "SuccessFeedbackSampleRate", "ApplePlatformTeamID",
            "ApplePlatformBundleID", "AuthenticationMethod", "Enabled");

    private final ConcurrentSkipListMap<String, PlatformApplication> applications = new ConcurrentSkipListMap<>();
    private final Map<String, PlatformEndpoint> endpoints = new ConcurrentHashMap<>();

    public synchronized PlatformApplication createApplication(String account, String region, String name,
                                                              String platformName, Map<String, String> attributes) {
        if (name == null || !APP_NAME.matcher(name).matches()) {
            throw SnsErrors.invalid("Invalid platform application name: " + name);
        }
        Platform platform = Platform.parse(platformName).orElseThrow(() -> SnsErrors.invalid("Platform"));
        validateApplicationAttributes(attributes);
        String arn = Arn.of("sns", region, account, "app/" + platform.name() + "/" + name).toString();
        PlatformApplication app = applications.computeIfAbsent(arn, a -> new PlatformApplication(a, name, platform));
        app.putAttributes(attributes);
        return app;
    }

    public PlatformApplication application(String arn) {
        PlatformApplication app = arn == null ? null : applications.get(arn);
        if (app == null) {
            if (Arn.parse(arn).isEmpty()) {
                throw SnsErrors.invalid("PlatformApplicationArn Reason: Wrong format for platform application arn");
            }
            throw SnsErrors.NOT_FOUND.exception("PlatformApplication does not exist");
        }
        return app;
    }

    public synchronized void deleteApplication(String arn) {
        PlatformApplication app = applications.remove(arn);
        if (app != null) {
            app.endpoints().keySet().forEach(endpoints::remove);
        }
    }

    public void setApplicationAttributes(String arn, Map<String, String> attributes) {
        PlatformApplication app = application(arn);
        validateApplicationAttributes(attributes);
        app.putAttributes(attributes);
    }

    /** The applications whose ARN starts with the account/region prefix, in ARN order. */
    public NavigableMap<String, PlatformApplication> applications(String prefix) {
        return applications.subMap(prefix, true, prefix + Character.MAX_VALUE, false);
    }

    /** An endpoint CreatePlatformEndpoint answers, and whether the call made it. */
    public record Registered(PlatformEndpoint endpoint, boolean created) {
    }

    /**
     * Creates an endpoint; idempotent for the same token and attributes. The same token with other
     * attributes is refused with AWS's message.
     */
    public synchronized Registered createEndpoint(String appArn, String token, String customUserData,
                                                        Map<String, String> attributes) {
        PlatformApplication app = application(appArn);
        if (token == null || token.isEmpty()) {
            throw SnsErrors.invalid("Token Reason: cannot be empty");
        }
        validateEndpointAttributes(attributes);
        if (customUserData != null && customUserData.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 2048) {
            throw SnsErrors.invalid("CustomUserData Reason: must be less than 2KB");
        }
        Map<String, String> wanted = new LinkedHashMap<>();
        wanted.put("Enabled", "true");
        wanted.putAll(attributes);
        if (customUserData != null) {
            wanted.put("CustomUserData", customUserData);
        }
        wanted.put("Token", token);
        for (PlatformEndpoint existing : app.endpoints().values()) {
            if (token.equals(existing.token())) {
                if (existing.attributes().equals(wanted)) {
                    return new Registered(existing, false);
                }
                throw SnsErrors.invalid("Token Reason: Endpoint " + existing.arn()
                        + " already exists with the same Token, but different attributes.");
            }
        }
        Arn appArnParts = Arn.parse(app.arn()).orElseThrow();
        String arn = Arn.of("sns", appArnParts.region(), appArnParts.account(),
                "endpoint/" + app.platform().name() + "/" + app.name() + "/" + UUID.randomUUID()).toString();
        PlatformEndpoint endpoint = new PlatformEndpoint(arn, app, wanted);
        app.endpoints().put(arn, endpoint);
        endpoints.put(arn, endpoint);
        return new Registered(endpoint, true);
    }

    public Optional<PlatformEndpoint> findEndpoint(String arn) {
        return arn == null ? Optional.empty() : Optional.ofNullable(endpoints.get(arn));
    }

    public PlatformEndpoint endpoint(String arn) {
        return findEndpoint(arn).orElseThrow(() -> SnsErrors.NOT_FOUND.exception("Endpoint does not exist"));
    }

    /** Answers the endpoint when an attribute changed, else empty. */
    public synchronized Optional<PlatformEndpoint> setEndpointAttributes(String arn, Map<String, String> attributes) {
        PlatformEndpoint endpoint = endpoint(arn);
        validateEndpointAttributes(attributes);
        Map<String, String> before = endpoint.attributes();
        endpoint.putAttributes(attributes);
        return before.equals(endpoint.attributes()) ? Optional.empty() : Optional.of(endpoint);
    }

    /** Answers the endpoint deleted, or empty when there was none (not an error). */
    public synchronized Optional<PlatformEndpoint> deleteEndpoint(String arn) {
        PlatformEndpoint endpoint = endpoints.remove(arn);
        if (endpoint != null) {
            endpoint.application().endpoints().remove(arn);
        }
        return Optional.ofNullable(endpoint);
    }

    public synchronized void clear() {
        applications.clear();
        endpoints.clear();
    }

    private static void validateEndpointAttributes(Map<String, String> attributes) {
        for (Map.Entry<String, String> e : attributes.entrySet()) {
            if (!ENDPOINT_ATTRIBUTES.contains(e.getKey())) {
                throw SnsErrors.invalid("Attributes Reason: Invalid attribute name: " + e.getKey());
            }
            if (e.getKey().equals("Enabled") && !e.getValue().equalsIgnoreCase("true")
                    && !e.getValue().equalsIgnoreCase("false")) {
                throw SnsErrors.invalid("Attributes Reason: Enabled must be true or false");
            }
        }
    }

    private static void validateApplicationAttributes(Map<String, String> attributes) {
        for (String name : attributes.keySet()) {
            if (!APPLICATION_ATTRIBUTES.contains(name)) {
                throw SnsErrors.invalid("Attributes Reason: Invalid attribute name: " + name);
            }
        }
    }
}
