package io.mailroom.ses.configset;

import java.util.Comparator;

/**
 * Event types of event publishing: the v1 enum spelling ({@code renderingFailure}; v1 has no
 * deliveryDelay/subscription), the v2 spelling ({@code RENDERING_FAILURE}), the {@code eventType} value in the
 * published JSON ({@code Rendering Failure}) and the key of its detail object ({@code failure}).
 */
public enum EventType {
    SEND("send", "Send", "send"),
    REJECT("reject", "Reject", "reject"),
    BOUNCE("bounce", "Bounce", "bounce"),
    COMPLAINT("complaint", "Complaint", "complaint"),
    DELIVERY("delivery", "Delivery", "delivery"),
    OPEN("open", "Open", "open"),
    CLICK("click", "Click", "click"),
    RENDERING_FAILURE("renderingFailure", "Rendering Failure", "failure"),
    DELIVERY_DELAY(null, "DeliveryDelay", "deliveryDelay"),
    SUBSCRIPTION(null, "Subscription", "subscription");

    /**
     * The order AWS lists a destination's types in, whatever order they were given in: alphabetical
     * ({@code bounce, click, delivery, open, send} for a destination created with send, bounce, delivery, open,
     * click; DescribeConfigurationSet recorded on AWS in 2025, LocalStack's AWS-recorded snapshots). SES v2 sorts
     * them too (Terraform's provider holds them as a set since "AWS-side sorting", its PR #36897). The v2
     * spellings sort as the v1 ones do, so one order serves both APIs.
     */
    public static final Comparator<EventType> LISTED = Comparator.comparing(EventType::name);

    private final String v1;
    private final String eventName;
    private final String detailKey;

    EventType(String v1, String eventName, String detailKey) {
        this.v1 = v1;
        this.eventName = eventName;
        this.detailKey = detailKey;
    }

    /** The v1 spelling, or null where v1 has none. */
    public String v1Name() {
        return v1;
    }

    public String eventName() {
        return eventName;
    }

    public String detailKey() {
        return detailKey;
    }

    public static EventType ofV1(String name) {
        for (EventType t : values()) {
            if (name.equals(t.v1)) {
                return t;
            }
        }
        throw new IllegalArgumentException(name);
    }
}
