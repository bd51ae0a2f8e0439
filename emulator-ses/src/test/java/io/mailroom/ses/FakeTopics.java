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
    private final Map<String, List<String>> messages = new HashMap<>();
    private int ids;

    void create(String arn) {
        messages.put(arn, new ArrayList<>());
    }

    List<String> messages(String arn) {
        return messages.getOrDefault(arn, List.of());
    }

    @Override
    public synchronized String publish(String topicArn, String subject, String message,
                                       Map<String, MessageAttribute> attributes) {
        List<String> list = messages.get(topicArn);
        if (list == null) {
            throw ErrorCode.sender("NotFound", 404).exception("Topic does not exist");
        }
        list.add(message);
        return "msg-" + (++ids);
    }

    @Override
    public boolean exists(String topicArn) {
        return messages.containsKey(topicArn);
    }
}
