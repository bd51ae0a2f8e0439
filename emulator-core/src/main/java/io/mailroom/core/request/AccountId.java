package io.mailroom.core.request;

/** An AWS account id: twelve ASCII digits. */
public final class AccountId {
    private static final int LENGTH = 12;

    private AccountId() {
    }

    public static boolean isValid(CharSequence text) {
        if (text == null || text.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
