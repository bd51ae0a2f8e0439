package io.mailroom.ses.receipt;

import com.fasterxml.jackson.databind.JsonNode;
import io.mailroom.ses.identity.Identities;
import io.mailroom.ses.identity.Identity;
import io.mailroom.ses.identity.IdentityType;
import java.util.Locale;

/**
 * Whether a receipt rule applies to an envelope recipient
 * (https://docs.aws.amazon.com/ses/latest/dg/receiving-email-receipt-rules-console-walkthrough.html):
 * an address entry matches that address only, a domain entry ({@code example.com}) every address at that
 * domain but not its subdomains, an entry with a leading dot ({@code .example.com}) every address at any
 * subdomain, and a rule without recipients "matches all recipients on all verified domains"
 * (API_ReceiptRule). Comparison ignores case.
 */
public final class RecipientMatcher {
    private RecipientMatcher() {
    }

    public static boolean matches(JsonNode rule, String recipient, Identities identities) {
        String address = recipient.toLowerCase(Locale.ROOT);
        int at = address.lastIndexOf('@');
        if (at < 0) {
            return false;
        }
        String domain = address.substring(at + 1);
        JsonNode entries = rule.path("Recipients");
        if (!entries.isArray() || entries.isEmpty()) {
            return onVerifiedDomain(domain, identities);
        }
        for (JsonNode e : entries) {
            String entry = e.asText().trim().toLowerCase(Locale.ROOT);
            if (entry.isEmpty()) {
                continue;
            }
            boolean hit = entry.contains("@") ? entry.equals(address)
                    : entry.startsWith(".") ? domain.endsWith(entry)
                    : entry.equals(domain);
            if (hit) {
                return true;
            }
        }
        return false;
    }

    /** The domain or a parent of it is a verified domain identity (subdomains need only their own MX). */
    private static boolean onVerifiedDomain(String domain, Identities identities) {
        String d = domain;
        while (d.contains(".")) {
            Identity identity = identities.find(d).orElse(null);
            if (identity != null && identity.type() == IdentityType.DOMAIN
                    && "SUCCESS".equals(identity.verificationStatus())) {
                return true;
            }
            d = d.substring(d.indexOf('.') + 1);
        }
        return false;
    }
}
