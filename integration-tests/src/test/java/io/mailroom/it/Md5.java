package io.mailroom.it;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The digests SQS documents, computed independently of the server and of the SDKs:
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-message-metadata.html
 */
final class Md5 {
    /** One attribute as the digest sees it: a data type and either a string or bytes. */
    record Attr(String dataType, String string, byte[] binary) {
        static Attr string(String dataType, String value) {
            return new Attr(dataType, value, null);
        }

        static Attr binary(String dataType, byte[] value) {
            return new Attr(dataType, null, value);
        }
    }

    private Md5() {
    }

    static String ofBody(String body) {
        return hex(body.getBytes(StandardCharsets.UTF_8));
    }

    static String ofAttributes(Map<String, Attr> attributes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, Attr> e : new TreeMap<>(attributes).entrySet()) {
            lengthPrefixed(out, e.getKey().getBytes(StandardCharsets.UTF_8));
            lengthPrefixed(out, e.getValue().dataType().getBytes(StandardCharsets.UTF_8));
            if (e.getValue().binary() != null) {
                out.write(2);
                lengthPrefixed(out, e.getValue().binary());
            } else {
                out.write(1);
                lengthPrefixed(out, e.getValue().string().getBytes(StandardCharsets.UTF_8));
            }
        }
        return hex(out.toByteArray());
    }

    private static void lengthPrefixed(ByteArrayOutputStream out, byte[] bytes) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
        out.writeBytes(bytes);
    }

    private static String hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
