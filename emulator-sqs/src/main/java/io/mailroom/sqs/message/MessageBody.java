package io.mailroom.sqs.message;

import io.mailroom.sqs.SqsErrors;

/** Body rules: at least one character, and only the XML characters SQS accepts. */
public final class MessageBody {
    public static final String INVALID_CHARACTERS = "Invalid characters found. Valid unicode characters are #x9 | #xA"
            + " | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF";

    private MessageBody() {
    }

    public static void validate(String body) {
        if (body == null || body.isEmpty()) {
            throw SqsErrors.MISSING_PARAMETER.exception("The request must contain the parameter MessageBody.");
        }
        if (!hasOnlyValidCharacters(body)) {
            throw SqsErrors.INVALID_MESSAGE_CONTENTS.exception(INVALID_CHARACTERS);
        }
    }

    /** #x9 | #xA | #xD | #x20-#xD7FF | #xE000-#xFFFD | #x10000-#x10FFFF (surrogates only as pairs). */
    public static boolean hasOnlyValidCharacters(String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c <= 0xD7FF) {
                continue;
            }
            if (c == 0x9 || c == 0xA || c == 0xD || (c >= 0xE000 && c <= 0xFFFD)) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
                continue;
            }
            return false;
        }
        return true;
    }

    /** UTF-8 size of the body, counted against MaximumMessageSize. */
    public static int size(String body) {
        return Utf8.length(body);
    }
}
