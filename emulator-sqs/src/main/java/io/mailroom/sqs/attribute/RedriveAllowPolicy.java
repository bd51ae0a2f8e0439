package io.mailroom.sqs.attribute;

import java.util.List;

/** A dead-letter queue's list of who may redrive into it. */
public record RedriveAllowPolicy(RedrivePermission permission, List<String> sourceQueueArns) {
    public static final int MAX_SOURCE_QUEUE_ARNS = 10;

    public RedriveAllowPolicy {
        sourceQueueArns = List.copyOf(sourceQueueArns);
    }

    public boolean allows(String sourceArn) {
        return switch (permission) {
            case ALLOW_ALL -> true;
            case DENY_ALL -> false;
            case BY_QUEUE -> sourceQueueArns.contains(sourceArn);
        };
    }

    public String toJson() {
        StringBuilder sb = new StringBuilder("{\"redrivePermission\":\"").append(permission.wireName()).append('"');
        if (permission == RedrivePermission.BY_QUEUE) {
            sb.append(",\"sourceQueueArns\":[");
            for (int i = 0; i < sourceQueueArns.size(); i++) {
                sb.append(i == 0 ? "\"" : ",\"").append(sourceQueueArns.get(i)).append('"');
            }
            sb.append(']');
        }
        return sb.append('}').toString();
    }
}
