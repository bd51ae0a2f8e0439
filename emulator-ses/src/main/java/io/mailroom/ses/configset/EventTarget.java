package io.mailroom.ses.configset;

import java.util.List;

/**
 * Where an event destination sends events. Only SNS is delivered locally (through the server's own
 * topics); the others are stored so infrastructure code round-trips.
 */
public sealed interface EventTarget {

    record Sns(String topicArn) implements EventTarget {
    }

    /** @param source v2 spelling: MESSAGE_TAG, EMAIL_HEADER, LINK_TAG */
    record Dimension(String name, String source, String defaultValue) {
    }

    record CloudWatch(List<Dimension> dimensions) implements EventTarget {
    }

    record Firehose(String iamRoleArn, String deliveryStreamArn) implements EventTarget {
    }

    record EventBridge(String eventBusArn) implements EventTarget {
    }

    record Pinpoint(String applicationArn) implements EventTarget {
    }
}
