package io.mailroom.sns.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.request.RequestContext;
import io.mailroom.sns.SnsErrors;
import io.mailroom.sns.SnsState;
import io.mailroom.sns.publish.Publisher;
import io.mailroom.sns.topic.Topic;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/** Publish and PublishBatch. */
public final class PublishOperations {
    public static final int MAX_BATCH_ENTRIES = 10;
    private static final Pattern BATCH_ID = Pattern.compile("[A-Za-z0-9_-]{1,80}");

    private final SnsState state;
    private final Publisher publisher;

    public PublishOperations(SnsState state, Publisher publisher) {
        this.state = state;
        this.publisher = publisher;
    }

    public ObjectNode publish(RequestContext ctx, ObjectNode in) {
        Publisher.Accepted accepted = publisher.publish(ctx, Inputs.text(in, "TopicArn"), Inputs.text(in, "TargetArn"),
                Inputs.text(in, "PhoneNumber"), entry(in));
        ObjectNode out = Outputs.of("MessageId", accepted.messageId());
        if (accepted.sequenceNumber() != null) {
            out.put("SequenceNumber", accepted.sequenceNumber());
        }
        return out;
    }

    private static Publisher.Entry entry(JsonNode in) {
        return new Publisher.Entry(text(in, "Message"), text(in, "Subject"), text(in, "MessageStructure"),
                in.get("MessageAttributes"), text(in, "MessageGroupId"), text(in, "MessageDeduplicationId"));
    }

    private static String text(JsonNode in, String member) {
        JsonNode n = in.get(member);
        return n == null || n.isNull() ? null : n.asText();
    }

    /**
     * Every rule fails the whole request: the batch's own (empty, over 10, ids not distinct or malformed, over
     * 256 KiB in total, attributes counted) and each entry's. AWS answers a batch with one bad entry (an empty
     * String attribute, a FIFO entry without a group, a json structure without default) with that entry's
     * error and publishes none (recorded); of several bad entries the first is told. So Failed stays empty.
     */
    public ObjectNode publishBatch(RequestContext ctx, ObjectNode in) {
        Topic topic = state.topic(ctx, Inputs.text(in, "TopicArn"), "TopicArn");
        JsonNode entries = in.get("PublishBatchRequestEntries");
        if (entries == null || !entries.isArray() || entries.isEmpty()) {
            throw SnsErrors.EMPTY_BATCH_REQUEST.exception("The batch request doesn't contain any entries");
        }
        if (entries.size() > MAX_BATCH_ENTRIES) {
            throw SnsErrors.TOO_MANY_ENTRIES_IN_BATCH.exception("The batch request contains more entries than permissible.");
        }
        Set<String> ids = new HashSet<>();
        for (JsonNode e : entries) {
            String id = text(e, "Id");
            if (id == null || !BATCH_ID.matcher(id).matches()) {
                throw SnsErrors.INVALID_BATCH_ENTRY_ID.exception(
                        "The Id of a batch entry in a batch request doesn't abide by the specification.");
            }
            if (!ids.add(id)) {
                throw SnsErrors.BATCH_ENTRY_IDS_NOT_DISTINCT.exception(
                        "Two or more batch entries in the request have the same Id.");
            }
        }
        Publisher.Checked[] checked = new Publisher.Checked[entries.size()];
        long total = 0;
        for (int i = 0; i < checked.length; i++) {
            checked[i] = publisher.check(topic, entry(entries.get(i)));
            total += checked[i].prepared().size();
        }
        if (total > topic.maximumMessageSize()) {
            throw SnsErrors.BATCH_REQUEST_TOO_LONG.exception("The length of all the messages put together is more than the limit.");
        }
        ObjectNode out = Outputs.empty();
        ArrayNode successful = out.putArray("Successful");
        out.putArray("Failed");
        for (int i = 0; i < checked.length; i++) {
            Publisher.Accepted accepted = publisher.dispatch(ctx, topic, checked[i]);
            ObjectNode ok = successful.addObject();
            ok.put("Id", text(entries.get(i), "Id"));
            ok.put("MessageId", accepted.messageId());
            if (accepted.sequenceNumber() != null) {
                ok.put("SequenceNumber", accepted.sequenceNumber());
            }
        }
        return out;
    }
}
