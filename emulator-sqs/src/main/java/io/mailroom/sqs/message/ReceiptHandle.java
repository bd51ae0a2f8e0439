package io.mailroom.sqs.message;

import io.mailroom.core.error.AwsException;
import io.mailroom.sqs.SqsErrors;
import java.nio.ByteBuffer;
import java.util.Base64;

/**
 * What a receipt handle stands for: one receive (the n-th) of one message of one queue incarnation. Encoded
 * as opaque base64 so that a handle is self-describing: a handle that does not decode, or that was issued
 * by another queue, is invalid; one naming an older receive is stale.
 */
public record ReceiptHandle(long queueId, long serial, int receiveCount) {
    private static final int MAGIC = 0x51_4D_52_48;
    private static final int LENGTH = 24;

    public String encode() {
        ByteBuffer b = ByteBuffer.allocate(LENGTH);
        b.putInt(MAGIC).putLong(queueId).putLong(serial).putInt(receiveCount);
        return Base64.getEncoder().encodeToString(b.array());
    }

    /** Decodes a handle issued by the queue {@code queueId}; anything else is ReceiptHandleIsInvalid. */
    public static ReceiptHandle decode(String handle, long queueId) {
        byte[] bytes;
        try {
            bytes = handle == null ? null : Base64.getDecoder().decode(handle);
        } catch (IllegalArgumentException e) {
            bytes = null;
        }
        if (bytes == null || bytes.length != LENGTH) {
            throw invalid(handle);
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        if (b.getInt() != MAGIC || b.getLong() != queueId) {
            throw invalid(handle);
        }
        long serial = b.getLong();
        int count = b.getInt();
        if (serial <= 0 || count <= 0) {
            throw invalid(handle);
        }
        return new ReceiptHandle(queueId, serial, count);
    }

    public static AwsException invalid(String handle) {
        return SqsErrors.RECEIPT_HANDLE_IS_INVALID.exception(
                "The input receipt handle \"%s\" is not a valid receipt handle.", handle);
    }
}
