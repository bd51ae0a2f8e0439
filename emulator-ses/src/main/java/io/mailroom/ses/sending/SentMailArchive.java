package io.mailroom.ses.sending;

import io.mailroom.core.delivery.ObjectSink;
import io.mailroom.core.error.AwsException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies each accepted sent message into the configured bucket of the server's object store as
 * {@code <messageId>} (content type {@code message/rfc822}), on behalf of the sending account and region. AWS
 * keeps no such copy; it lets tests and S3 tools read what SES sent. A missing bucket is the user's to create,
 * so the copy is skipped with a warning rather than failing the send.
 */
public final class SentMailArchive {
    private static final Logger LOG = LoggerFactory.getLogger(SentMailArchive.class);

    private final ObjectSink objects;
    private final String bucket;

    public SentMailArchive(ObjectSink objects, String bucket) {
        this.objects = objects;
        this.bucket = bucket;
    }

    public String bucket() {
        return bucket;
    }

    /** Call without holding the SES lock: a put raises the bucket's event notifications. */
    public void archive(SentMessage m) {
        if (bucket == null) {
            return;
        }
        if (objects == null || !objects.exists(bucket)) {
            LOG.warn("SES sent-mail bucket {} does not exist; message {} not copied (create the bucket)", bucket,
                    m.id());
            return;
        }
        try {
            objects.put(m.accountId(), m.region(), bucket, m.id(), m.raw(), "message/rfc822", Map.of());
        } catch (AwsException e) {
            LOG.warn("SES sent-mail copy of {} to bucket {} failed: {}", m.id(), bucket, e.getMessage());
        }
    }
}
