package io.mailroom.sns.signing;

import java.util.Optional;

/**
 * The topic's SignatureVersion attribute: 1 signs with SHA1withRSA, 2 with SHA256withRSA
 * (https://docs.aws.amazon.com/sns/latest/dg/sns-verify-signature-of-message.html).
 */
public enum SignatureVersion {
    V1("1", "SHA1withRSA"),
    V2("2", "SHA256withRSA");

    private final String wireValue;
    private final String algorithm;

    SignatureVersion(String wireValue, String algorithm) {
        this.wireValue = wireValue;
        this.algorithm = algorithm;
    }

    public String wireValue() {
        return wireValue;
    }

    public String algorithm() {
        return algorithm;
    }

    public static Optional<SignatureVersion> parse(String value) {
        for (SignatureVersion v : values()) {
            if (v.wireValue.equals(value)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
