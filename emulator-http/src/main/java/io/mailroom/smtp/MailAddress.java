package io.mailroom.smtp;

/** The checks an SMTP path's mailbox must pass (RFC 5321 4.1.2, sizes from 4.5.3.1). */
final class MailAddress {
    private static final int MAX_LOCAL_PART = 64;
    private static final int MAX_PATH = 256;

    private MailAddress() {
    }

    /** {@code local@domain}: both parts there, no spaces, controls or brackets, within RFC 5321's sizes. */
    static boolean isValid(String address) {
        int at = address.lastIndexOf('@');
        if (at <= 0 || at == address.length() - 1 || address.length() > MAX_PATH - 2) {
            return false;
        }
        String local = address.substring(0, at);
        String domain = address.substring(at + 1);
        if (local.length() > MAX_LOCAL_PART) {
            return false;
        }
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            if (c <= ' ' || c == 0x7f || c == '<' || c == '>' || c == '\uFFFD') {
                return false;
            }
        }
        // A domain or an address literal; no empty labels.
        return domain.startsWith("[") ? domain.endsWith("]") : !domain.startsWith(".") && !domain.endsWith(".")
                && !domain.contains("..") && domain.indexOf('@') < 0;
    }

    static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0x7f) {
                return false;
            }
        }
        return true;
    }
}
