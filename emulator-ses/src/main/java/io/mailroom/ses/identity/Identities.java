package io.mailroom.ses.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/** The identities of one account and region. */
public final class Identities {
    /** "You can verify up to 10,000 identities ... per AWS Region" (SES quotas). */
    public static final int MAX_IDENTITIES = 10_000;

    private final TreeMap<String, Identity> byName = new TreeMap<>();

    public Optional<Identity> find(String name) {
        return Optional.ofNullable(byName.get(IdentityNames.normalize(name)));
    }

    public boolean isFull() {
        return byName.size() >= MAX_IDENTITIES;
    }

    /** Creates the identity if absent (verifying again is harmless on AWS), returns it either way. */
    public Identity add(String name, long now) {
        String key = IdentityNames.normalize(name);
        return byName.computeIfAbsent(key, k -> {
            IdentityType type = IdentityType.of(k);
            String token = type == IdentityType.DOMAIN ? verificationToken() : null;
            return new Identity(k, type, now, token);
        });
    }

    public boolean remove(String name) {
        return byName.remove(IdentityNames.normalize(name)) != null;
    }

    public List<Identity> all() {
        return new ArrayList<>(byName.values());
    }

    /**
     * The identity that authorizes sending from {@code address}: the address itself, else its domain,
     * else a parent domain (a verified domain covers its subdomains). Email settings take precedence.
     */
    public Optional<Identity> authorizing(String address) {
        Identity email = byName.get(IdentityNames.normalize(address));
        if (email != null) {
            return Optional.of(email);
        }
        String domain = IdentityNames.domainOf(address);
        while (domain.contains(".")) {
            Identity d = byName.get(domain);
            if (d != null) {
                return Optional.of(d);
            }
            domain = domain.substring(domain.indexOf('.') + 1);
        }
        return Optional.empty();
    }

    public void clear() {
        byName.clear();
    }

    /** A 44-character base64 TXT value, as {@code VerifyDomainIdentity} returns. */
    private static String verificationToken() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(32);
        buf.putLong(a.getMostSignificantBits()).putLong(a.getLeastSignificantBits())
                .putLong(b.getMostSignificantBits()).putLong(b.getLeastSignificantBits());
        return java.util.Base64.getEncoder().encodeToString(buf.array());
    }
}
