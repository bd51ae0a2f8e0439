package io.mailroom.ses.mime;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.util.Optional;

/**
 * The decoded content of one attachment of a stored message, so a dashboard can offer it for download.
 * Attachments are numbered as {@link MimeParser} lists them in {@link ParsedMessage#attachments()}: the
 * walk below must skip exactly the parts that one does (the first inline text and HTML bodies, nested
 * messages).
 */
public final class AttachmentReader {

    /** @param fileName null when the part names none */
    public record Attachment(String fileName, String contentType, byte[] data) {
    }

    private AttachmentReader() {
    }

    public static Optional<Attachment> read(byte[] raw, int index) {
        if (index < 0) {
            return Optional.empty();
        }
        try {
            MimeMessage msg = new MimeMessage(MimeComposer.SESSION, new ByteArrayInputStream(raw));
            return Optional.ofNullable(new Walk(index).find(msg));
        } catch (MessagingException | IOException e) {
            throw new MimeFailure(e.getMessage(), e);
        }
    }

    private static final class Walk {
        private final int wanted;
        private int seen;
        private boolean text;
        private boolean html;

        Walk(int wanted) {
            this.wanted = wanted;
        }

        Attachment find(Part part) throws MessagingException, IOException {
            boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null;
            if (part.isMimeType("multipart/*")) {
                Multipart mp = (Multipart) part.getContent();
                for (int i = 0; i < mp.getCount(); i++) {
                    Attachment found = find(mp.getBodyPart(i));
                    if (found != null) {
                        return found;
                    }
                }
                return null;
            }
            if (!attachment && part.isMimeType("text/plain") && !text) {
                text = true;
                return null;
            }
            if (!attachment && part.isMimeType("text/html") && !html) {
                html = true;
                return null;
            }
            if (part instanceof Message || seen++ != wanted) {
                return null;
            }
            try (InputStream in = part.getInputStream()) {
                return new Attachment(fileName(part), baseType(part.getContentType()), in.readAllBytes());
            }
        }

        private static String fileName(Part part) throws MessagingException {
            String name = part.getFileName();
            if (name == null) {
                return null;
            }
            try {
                return MimeUtility.decodeText(name);
            } catch (UnsupportedEncodingException e) {
                return name;
            }
        }

        private static String baseType(String contentType) {
            int semi = contentType.indexOf(';');
            return (semi < 0 ? contentType : contentType.substring(0, semi)).trim();
        }
    }
}
