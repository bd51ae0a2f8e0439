package io.mailroom.sqs.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A message's user attributes, validated, in name order, with their digest and size precomputed (they
 * never change after the send).
 */
public final class MessageAttributes {
    public static final MessageAttributes NONE = new MessageAttributes(new String[0], new MessageAttributeValue[0]);

    private final String[] names;
    private final MessageAttributeValue[] values;
    private final String md5;
    private final int size;

    /** {@code names} sorted; arrays are owned from now on. */
    MessageAttributes(String[] names, MessageAttributeValue[] values) {
        this.names = names;
        this.values = values;
        this.md5 = names.length == 0 ? null : AttributeDigest.ofAttributes(names, values);
        int s = 0;
        for (int i = 0; i < names.length; i++) {
            s += Utf8.length(names[i]) + values[i].size();
        }
        this.size = s;
    }

    /** Attributes already validated once (read back from a snapshot), in any order. */
    public static MessageAttributes of(Map<String, MessageAttributeValue> attributes) {
        if (attributes.isEmpty()) {
            return NONE;
        }
        TreeMap<String, MessageAttributeValue> sorted = new TreeMap<>(attributes);
        return new MessageAttributes(sorted.keySet().toArray(new String[0]),
                sorted.values().toArray(new MessageAttributeValue[0]));
    }

    public boolean isEmpty() {
        return names.length == 0;
    }

    public int count() {
        return names.length;
    }

    public String name(int i) {
        return names[i];
    }

    public MessageAttributeValue value(int i) {
        return values[i];
    }

    /** Hex MD5 as AWS computes it, or null when there are no attributes (SQS then omits it). */
    public String md5() {
        return md5;
    }

    /** Bytes counted against MaximumMessageSize: names, types and values. */
    public int size() {
        return size;
    }

    /**
     * The attributes a receiver asked for: {@code All} or {@code .*} for all, exact names, or {@code prefix.*}.
     * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_ReceiveMessage.html
     * A lone {@code *} also selects all on AWS (recorded with boto3), though the reference does not say so.
     */
    public MessageAttributes select(List<String> requested) {
        if (names.length == 0 || requested == null || requested.isEmpty()) {
            return NONE;
        }
        for (String r : requested) {
            if (r.equals("All") || r.equals(".*") || r.equals("*")) {
                return this;
            }
        }
        List<Integer> chosen = new ArrayList<>(names.length);
        for (int i = 0; i < names.length; i++) {
            if (matches(names[i], requested)) {
                chosen.add(i);
            }
        }
        if (chosen.size() == names.length) {
            return this;
        }
        String[] n = new String[chosen.size()];
        MessageAttributeValue[] v = new MessageAttributeValue[chosen.size()];
        for (int i = 0; i < n.length; i++) {
            n[i] = names[chosen.get(i)];
            v[i] = values[chosen.get(i)];
        }
        return n.length == 0 ? NONE : new MessageAttributes(n, v);
    }

    private static boolean matches(String name, List<String> requested) {
        for (String r : requested) {
            if (r.endsWith(".*")) {
                // "prefix.*" reads as the pattern it looks like: the prefix, then anything.
                if (name.startsWith(r.substring(0, r.length() - 2))) {
                    return true;
                }
            } else if (r.equals(name)) {
                return true;
            }
        }
        return false;
    }
}
