package io.mailroom.ses;

import io.mailroom.core.delivery.MessageAttribute;
import io.mailroom.core.delivery.TopicPublisher;
import io.mailroom.core.error.ErrorCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Records what SES publishes, per topic; publishing to an unknown topic fails like SNS's NotFound. */
final class FakeTopics implements TopicPublisher {
    /** One Publish: its subject (null when none) and message. */
    record Publication(String subject, String message) {
    }

    private final Map<String, List<Publication>> publications = new HashMap<>();
    private int ids;

    void create(String arn) {
        publications.put(arn, new ArrayList<>());
    }

    List<Publication> publications(String arn) {
        return publications.getOrDefault(arn, List.of());
    }

    List<String> messages(String arn) {
        return publications(arn).stream().map(Publication::message).toList();
    }

    @Override
    public synchronized String publish(String topicArn, String subject, String message,
                                       Map<String, MessageAttribute> attributes) {
        List<Publication> list = publications.get(topicArn);
        if (list == null) {
            throw ErrorCode.sender("NotFound", 404).exception("Topic does not exist");
        }
        list.add(new Publication(subject, message));
        return "msg-" + (++ids);
    }

    @Override
    public boolean exists(String topicArn) {
        return publications.containsKey(topicArn);
    }
}
