package io.mailroom.sqs.message;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The MD5 digests SQS returns and the SDKs verify (MessageMD5ChecksumInterceptor): of the body's UTF-8
 * bytes, and of the attributes in name order, each as length-prefixed name, length-prefixed data type,
 * a transport byte (1 string, 2 binary) and the length-prefixed value.
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-message-metadata.html#sqs-attributes-md5-message-digest-calculation
 */
public final class AttributeDigest {
    private static final byte STRING_TRANSPORT = 1;
    private static final byte BINARY_TRANSPORT = 2;
    private static final HexFormat HEX = HexFormat.of();
    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is a required JDK algorithm", e);
        }
    });

    private AttributeDigest() {
    }

    public static String ofBody(String body) {
        return ofBody(body.getBytes(StandardCharsets.UTF_8));
    }

    static String ofBody(byte[] utf8) {
        MessageDigest md = MD5.get();
        md.reset();
        return HEX.formatHex(md.digest(utf8));
    }

    /** Digest of the attributes; {@code names} sorted, {@code values} in the same order. */
    public static String ofAttributes(String[] names, MessageAttributeValue[] values) {
        MessageDigest md = MD5.get();
        md.reset();
        ByteBuffer length = ByteBuffer.allocate(4);
        for (int i = 0; i < names.length; i++) {
            update(md, length, names[i].getBytes(StandardCharsets.UTF_8));
            MessageAttributeValue v = values[i];
            update(md, length, v.dataType().getBytes(StandardCharsets.UTF_8));
            if (v.isBinary()) {
                md.update(BINARY_TRANSPORT);
                update(md, length, v.binaryValue());
            } else {
                md.update(STRING_TRANSPORT);
                update(md, length, v.stringValue().getBytes(StandardCharsets.UTF_8));
            }
        }
        return HEX.formatHex(md.digest());
    }

    private static void update(MessageDigest md, ByteBuffer length, byte[] bytes) {
        length.clear();
        length.putInt(bytes.length);
        md.update(length.array());
        md.update(bytes);
    }
}
