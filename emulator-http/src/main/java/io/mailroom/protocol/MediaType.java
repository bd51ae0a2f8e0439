package io.mailroom.protocol;

/**
 * Reads a request's Content-Type. Type and subtype are case-insensitive
 * (RFC 9110 section 8.3.1, https://www.rfc-editor.org/rfc/rfc9110#section-8.3.1): a client may send
 * {@code Application/X-WWW-Form-Urlencoded}. Parameters ({@code ; charset=utf-8}) follow after a {@code ;}.
 */
public final class MediaType {
    private MediaType() {
    }

    /** Whether the header names this type and subtype, in any case, with or without parameters. */
    public static boolean is(String contentType, String typeAndSubtype) {
        if (contentType == null) {
            return false;
        }
        int length = typeAndSubtype.length();
        if (!contentType.regionMatches(true, 0, typeAndSubtype, 0, length)) {
            return false;
        }
        if (contentType.length() == length) {
            return true;
        }
        char next = contentType.charAt(length);
        return next == ';' || next == ' ' || next == '\t';
    }
}
