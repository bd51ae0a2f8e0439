package io.mailroom.http.dashboard;

import io.mailroom.protocol.Canonical;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.protocol.EncodedResponse;
import io.mailroom.s3.S3Service;
import io.mailroom.s3.bucket.Bucket;
import io.mailroom.ses.SesModule;
import io.mailroom.ses.inbound.InboundRecord;
import io.mailroom.ses.mime.MimeParser;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * {@code GET /_mailroom/api/inbound}: mail received through the receipt rules, newest first (at most
 * {@value #LIST_LIMIT}), as {@link SesModule#inboundMessagesJson()} reports it plus the subject; an S3 action
 * whose object is still in its bucket carries {@code object: {accountId, region, bucket, key, downloadUrl}}.
 */
final class InboundView {
    static final int LIST_LIMIT = 500;
    /** Subjects are parsed once per message, not on every poll; the cache is dropped when it grows large. */
    private static final int SUBJECT_CACHE = 4096;

    private final Supplier<SesModule> ses;
    private final Supplier<S3Service> s3;
    private final Map<String, String> subjects = new ConcurrentHashMap<>();

    InboundView(Supplier<SesModule> ses, Supplier<S3Service> s3) {
        this.ses = ses;
        this.s3 = s3;
    }

    EncodedResponse list() {
        // Both are in arrival order, one entry per record.
        List<InboundRecord> records = ses.get().inboundMessages();
        JsonNode all = ses.get().inboundMessagesJson().path("messages");
        int n = Math.min(records.size(), all.size());
        ObjectNode root = Canonical.NODES.objectNode();
        root.put("total", n);
        ArrayNode messages = root.putArray("messages");
        for (int i = n - 1; i >= Math.max(0, n - LIST_LIMIT); i--) {
            ObjectNode m = (ObjectNode) all.get(i).deepCopy();
            InboundRecord r = records.get(i);
            // A reset between the two reads could shift them: a subject goes only with its own message.
            m.put("subject", r.messageId().equals(m.path("messageId").asText()) ? subject(r) : "");
            for (JsonNode action : m.path("actions")) {
                if ("S3".equals(action.path("type").asText()) && "OK".equals(action.path("outcome").asText())) {
                    link((ObjectNode) action);
                }
            }
            messages.add(m);
        }
        return Json.ok(root);
    }

    private void link(ObjectNode action) {
        String key = action.path("objectKey").asText("");
        Optional<Bucket> bucket = s3 == null ? Optional.empty() : s3.get().bucket(action.path("bucketName").asText(""));
        if (bucket.isEmpty() || key.isEmpty() || !bucket.get().objects().containsKey(key)) {
            return;
        }
        Bucket b = bucket.get();
        action.putObject("object")
                .put("accountId", b.owner().accountId())
                .put("region", b.region())
                .put("bucket", b.name())
                .put("key", key)
                .put("downloadUrl", BucketsView.downloadUrl(b, key));
    }

    private String subject(InboundRecord r) {
        String id = r.accountId() + "/" + r.region() + "/" + r.messageId();
        String cached = subjects.get(id);
        if (cached != null) {
            return cached;
        }
        String subject;
        try {
            subject = MimeParser.parse(r.raw()).subject();
        } catch (RuntimeException e) {
            subject = null;
        }
        if (subjects.size() > SUBJECT_CACHE) {
            subjects.clear();
        }
        subjects.put(id, subject == null ? "" : subject);
        return subject == null ? "" : subject;
    }
}
