package io.mailroom.sqs.message;

import io.mailroom.core.error.AwsException;
import io.mailroom.core.text.Utf8TextNode;
import io.mailroom.sqs.SqsErrors;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A body that passed SQS's rules (at least one character, only the XML characters SQS accepts), as
 * UTF-8: what its size is counted in, what its digests are taken of and what answers carry. Encoded
 * once, as the body of a 10-message batch is up to 256 KiB; the check of its characters also tells
 * whether JSON must escape any of them, so that answers can copy the bytes as they are.
 */
public final class MessageBody {
    public static final String INVALID_CHARACTERS = "Invalid characters found. Valid unicode characters are #x9 | #xA"
            + " | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF";

    private final byte[] utf8;
    private final boolean escapeFree;

    private MessageBody(byte[] utf8, boolean escapeFree) {
        this.utf8 = utf8;
        this.escapeFree = escapeFree;
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
        if (utf8.length == text.length()) { // the usual body: one byte per character
            Utf8.AsciiCheck check = Utf8.checkAscii(text, utf8);
            if (check == Utf8.AsciiCheck.INVALID) {
                throw invalidCharacters();
            }
            return new MessageBody(utf8, check == Utf8.AsciiCheck.ESCAPE_FREE);
        }
        if (Utf8.lengthIfValidXml(text) == Utf8.INVALID) {
            throw invalidCharacters();
        }
        return new MessageBody(utf8, Utf8TextNode.escapeFree(utf8));
    }

    /** A body stored earlier, as {@link #utf8()} and {@link #escapeFree()} gave it. */
    public static MessageBody stored(byte[] utf8, boolean escapeFree) {
        return new MessageBody(utf8, escapeFree);
    }

    private static AwsException invalidCharacters() {
        return SqsErrors.INVALID_MESSAGE_CONTENTS.exception(INVALID_CHARACTERS);
    }

    /** #x9 | #xA | #xD | #x20-#xD7FF | #xE000-#xFFFD | #x10000-#x10FFFF (surrogates only as pairs). */
    public static boolean hasOnlyValidCharacters(String s) {
        return Utf8.lengthIfValidXml(s) != Utf8.INVALID;
    }

    public String text() {
        return new String(utf8, StandardCharsets.UTF_8);
    }

    /** The encoded body itself, not a copy: never to be changed. */
    public byte[] utf8() {
        return utf8;
    }

    /** Whether JSON writes the body's bytes as they are ({@link Utf8TextNode#escapeFree(byte[])}). */
    public boolean escapeFree() {
        return escapeFree;
    }

    /** The body as a JSON string value that answers copy without decoding it. */
    public Utf8TextNode node() {
        return new Utf8TextNode(utf8, escapeFree);
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
