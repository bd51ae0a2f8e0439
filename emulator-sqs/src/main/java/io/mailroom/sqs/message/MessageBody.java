package io.mailroom.sqs.message;

import io.mailroom.sqs.SqsErrors;

/** Body rules: at least one character, and only the XML characters SQS accepts. */
public final class MessageBody {
    public static final String INVALID_CHARACTERS = "Invalid characters found. Valid unicode characters are #x9 | #xA"
            + " | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF";

    private static final ThreadLocal<LastValidated> LAST_VALIDATED = ThreadLocal.withInitial(LastValidated::new);

    private MessageBody() {
    }

    public static void validate(String body) {
        if (body == null || body.isEmpty()) {
            throw SqsErrors.MISSING_PARAMETER.exception("The request must contain the parameter MessageBody.");
        }
        // One pass finds both: the size asked for next (see size) is the one just computed.
        int size = Utf8.lengthIfValidXml(body);
        if (size == Utf8.INVALID) {
            throw SqsErrors.INVALID_MESSAGE_CONTENTS.exception(INVALID_CHARACTERS);
        }
        LastValidated last = LAST_VALIDATED.get();
        last.body = body;
        last.size = size;
    }

    /** #x9 | #xA | #xD | #x20-#xD7FF | #xE000-#xFFFD | #x10000-#x10FFFF (surrogates only as pairs). */
    public static boolean hasOnlyValidCharacters(String s) {
        return Utf8.lengthIfValidXml(s) != Utf8.INVALID;
    }

    /** UTF-8 size of the body, counted against MaximumMessageSize. */
    public static int size(String body) {
        LastValidated last = LAST_VALIDATED.get();
        if (last.body == body) { // the same instance: strings are immutable, so the same length
            last.body = null;
            return last.size;
        }
        return Utf8.length(body);
    }

    /**
     * The body this thread validated last and its UTF-8 size. SendMessage validates a body and asks its
     * size right after; remembering it saves a second pass over up to 256 KiB.
     */
    private static final class LastValidated {
        String body;
        int size;
    }
}
