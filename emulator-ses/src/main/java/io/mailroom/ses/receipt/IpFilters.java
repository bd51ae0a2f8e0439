package io.mailroom.ses.receipt;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import java.util.Optional;

/**
 * The account's receipt IP filters, applied to the connecting client's address before any rule. An address
 * in an Allow filter is accepted even when a Block filter covers it: AWS's way to receive only from known
 * hosts is a Block filter for {@code 0.0.0.0/0} plus Allow filters for them
 * (https://docs.aws.amazon.com/ses/latest/dg/receiving-email-ip-filtering-console-walkthrough.html).
 */
public final class IpFilters {
    private IpFilters() {
    }

    /** The name of the Block filter that refuses {@code ip}, or empty when the mail may come in. */
    public static Optional<String> blockedBy(Collection<? extends JsonNode> filters, String ip) {
        long address = ipv4(ip);
        if (address < 0) {
            return Optional.empty(); // filters are IPv4 CIDRs; other clients (IPv6, unknown) are never matched
        }
        String block = null;
        for (JsonNode f : filters) {
            JsonNode ipFilter = f.path("IpFilter");
            if (!covers(ipFilter.path("Cidr").asText(), address)) {
                continue;
            }
            if ("Allow".equals(ipFilter.path("Policy").asText())) {
                return Optional.empty();
            }
            if (block == null) {
                block = f.path("Name").asText();
            }
        }
        return Optional.ofNullable(block);
    }

    static boolean covers(String cidr, long address) {
        int slash = cidr.indexOf('/');
        long network = ipv4(slash < 0 ? cidr : cidr.substring(0, slash));
        int bits = slash < 0 ? 32 : Integer.parseInt(cidr.substring(slash + 1));
        if (network < 0 || bits < 0 || bits > 32) {
            return false;
        }
        long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
        return (network & mask) == (address & mask);
    }

    /** The address as an unsigned 32-bit value, or -1 when it is not dotted-quad IPv4 (IPv4-mapped IPv6 allowed). */
    static long ipv4(String ip) {
        if (ip == null) {
            return -1;
        }
        String s = ip.trim();
        if (s.startsWith("::ffff:")) {
            s = s.substring("::ffff:".length());
        }
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return -1;
        }
        long value = 0;
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
                return -1;
            }
            int octet = Integer.parseInt(p);
            if (octet > 255) {
                return -1;
            }
            value = (value << 8) | octet;
        }
        return value;
    }
}
