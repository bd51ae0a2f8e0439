package io.mailroom.ses.identity;

/** v1 ListIdentities spells these {@code EmailAddress}/{@code Domain}; v2 {@code EMAIL_ADDRESS}/{@code DOMAIN}. */
public enum IdentityType {
    EMAIL_ADDRESS("EmailAddress"), DOMAIN("Domain");

    private final String v1;

    IdentityType(String v1) {
        this.v1 = v1;
    }

    public String v1Name() {
        return v1;
    }

    public static IdentityType of(String name) {
        return name.contains("@") ? EMAIL_ADDRESS : DOMAIN;
    }
}
