package io.mailroom.ses.mime;

import io.mailroom.ses.api.Api;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 5322 address parsing with SES's answers: an address without a domain is refused with
 * "Missing final '@domain'", anything else unparseable with "Illegal address" (both InvalidParameterValue
 * in v1, BadRequestException in v2). Display names ({@code "Jane" <jane@example.com>}) and encoded words are
 * accepted, as SES accepts them.
 */
public final class Addresses {
    private Addresses() {
    }

    public static InternetAddress parse(Api api, String value) {
        if (value == null || value.isBlank()) {
            throw api.invalidParameter("Illegal address");
        }
        try {
            InternetAddress a = new InternetAddress(value.trim(), true);
            String address = a.getAddress();
            if (address == null || !address.contains("@")) {
                throw api.invalidParameter("Missing final '@domain'");
            }
            if (address.endsWith("@") || address.startsWith("@")) {
                throw api.invalidParameter("Illegal address");
            }
            return a;
        } catch (AddressException e) {
            if (e.getMessage() != null && e.getMessage().contains("Missing final '@domain'")) {
                throw api.invalidParameter("Missing final '@domain'");
            }
            throw api.invalidParameter("Illegal address");
        }
    }

    public static List<InternetAddress> parseAll(Api api, List<String> values) {
        List<InternetAddress> out = new ArrayList<>(values.size());
        for (String v : values) {
            out.add(parse(api, v));
        }
        return out;
    }

    /** The bare address ({@code jane@example.com}) of a possibly decorated one. */
    public static String bare(Api api, String value) {
        return parse(api, value).getAddress();
    }
}
