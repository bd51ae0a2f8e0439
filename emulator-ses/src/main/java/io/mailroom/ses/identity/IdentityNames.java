package io.mailroom.ses.identity;

import io.mailroom.ses.api.Api;
import java.util.Locale;
import java.util.regex.Pattern;

/** Validation and normal form of identity names: domains are case-insensitive, so kept lowercase. */
public final class IdentityNames {
    private static final Pattern DOMAIN =
            Pattern.compile("(?i)^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z0-9-]{2,63}$");
    private static final Pattern LOCAL_PART = Pattern.compile("^[^\\s@<>()\\[\\],;:\"]{1,64}$");

    private IdentityNames() {
    }

    public static boolean isDomain(String value) {
        return DOMAIN.matcher(value).matches();
    }

    public static boolean isEmail(String value) {
        int at = value.lastIndexOf('@');
        return at > 0 && at == value.indexOf('@') && LOCAL_PART.matcher(value.substring(0, at)).matches()
                && isDomain(value.substring(at + 1));
    }

    /** {@code User@Example.COM} → {@code User@example.com}; domains lowercased. */
    public static String normalize(String identity) {
        int at = identity.lastIndexOf('@');
        return at < 0 ? identity.toLowerCase(Locale.ROOT)
                : identity.substring(0, at + 1) + identity.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    public static String domainOf(String email) {
        return email.substring(email.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    }

    public static String requireEmail(Api api, String value) {
        if (value == null || !isEmail(value)) {
            throw api.invalidParameter("Invalid email address <" + value + ">.");
        }
        return normalize(value);
    }

    public static String requireDomain(Api api, String value) {
        if (value == null || !isDomain(value)) {
            throw api.invalidParameter("Invalid domain name <" + value + ">.");
        }
        return normalize(value);
    }

    /** Either kind, as v2 CreateEmailIdentity and v1 DeleteIdentity accept. */
    public static String requireIdentity(Api api, String value) {
        return value != null && value.contains("@") ? requireEmail(api, value) : requireDomain(api, value);
    }
}
