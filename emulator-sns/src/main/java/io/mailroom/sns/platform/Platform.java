package io.mailroom.sns.platform;

import java.util.Optional;

/** The push notification services SNS supports; the name is also the MessageStructure=json key. */
public enum Platform {
    ADM, APNS, APNS_SANDBOX, APNS_VOIP, APNS_VOIP_SANDBOX, BAIDU, GCM, MACOS, MACOS_SANDBOX, MPNS, WNS;

    public static Optional<Platform> parse(String value) {
        for (Platform p : values()) {
            if (p.name().equals(value)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
