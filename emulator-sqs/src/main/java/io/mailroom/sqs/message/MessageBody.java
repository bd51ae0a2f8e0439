package io.mailroom.sqs.message;

import io.mailroom.sqs.SqsErrors;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A body that passed SQS's rules (at least one character, only the XML characters SQS accepts), with
 * its UTF-8 bytes: what its size is counted in and what its digests are taken of. Encoded once, as the
 * body of a 10-message batch is up to 256 KiB.
 */
public final class MessageBody {
    public static final String INVALID_CHARACTERS = "Invalid characters found. Valid unicode characters are #x9 | #xA"
            + " | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF";

    private final String text;
    private final byte[] utf8;

    private MessageBody(String text, byte[] utf8) {
        this.text = text;
        this.utf8 = utf8;
    }

    /**
     * @throws io.mailroom.core.error.AwsException MissingParameter for no body, InvalidMessageContents
     *                                             for a character SQS rejects
     */
    public static MessageBody of(String text) {
        if (text == null || text.isEmpty()) {
            throw SqsErrors.MISSING_PARAMETER.exception("The request must contain the parameter MessageBody.");
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        boolean valid = utf8.length == text.length()
                ? Utf8.isValidXmlAscii(text, utf8) // the usual body: one byte per character
                : Utf8.lengthIfValidXml(text) != Utf8.INVALID;
        if (!valid) {
            throw SqsErrors.INVALID_MESSAGE_CONTENTS.exception(INVALID_CHARACTERS);
        }
        return new MessageBody(text, utf8);
    }

    /** #x9 | #xA | #xD | #x20-#xD7FF | #xE000-#xFFFD | #x10000-#x10FFFF (surrogates only as pairs). */
    public static boolean hasOnlyValidCharacters(String s) {
        return Utf8.lengthIfValidXml(s) != Utf8.INVALID;
    }

    public String text() {
        return text;
    }

    /** UTF-8 size, counted against MaximumMessageSize. */
    public int size() {
        return utf8.length;
    }

    /** MD5OfMessageBody. */
    public String md5() {
        return AttributeDigest.ofBody(utf8);
    }

    /** Content-based de-duplication id: SHA-256 of the body (not the attributes). */
    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(utf8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a required JDK algorithm", e);
        }
    }
}
