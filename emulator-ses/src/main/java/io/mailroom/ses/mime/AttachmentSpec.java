package io.mailroom.ses.mime;

/**
 * A v2 Simple/Template content attachment.
 *
 * @param disposition       {@code ATTACHMENT} or {@code INLINE}
 * @param transferEncoding  {@code BASE64}, {@code QUOTED_PRINTABLE} or {@code SEVEN_BIT}; null means base64
 */
public record AttachmentSpec(String fileName, String contentType, String disposition, String contentId,
                             String description, String transferEncoding, byte[] content) {
}
