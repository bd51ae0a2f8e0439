package io.mailroom.sns.delivery;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Messages recorded instead of sent, per account, region and target (phone number, platform endpoint
 * ARN, function ARN...), rendered in LocalStack's inspection shape:
 * {@code {"<rootKey>": {"<target>": [ ... ]}, "region": "<region>"}}.
 */
public final class TargetLog {
    private final String rootKey;
    private final Map<String, Map<String, List<ObjectNode>>> byScope = new LinkedHashMap<>();

    public TargetLog(String rootKey) {
        this.rootKey = rootKey;
    }

    public synchronized void record(String accountId, String region, String target, ObjectNode entry) {
        byScope.computeIfAbsent(accountId + "/" + region, k -> new LinkedHashMap<>())
                .computeIfAbsent(target, k -> new ArrayList<>()).add(entry);
    }

    /** The recorded messages of an account and region, of one target when {@code target} is not null. */
    public synchronized ObjectNode query(String accountId, String region, String target) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode targets = root.putObject(rootKey);
        Map<String, List<ObjectNode>> scope = byScope.getOrDefault(accountId + "/" + region, Map.of());
        scope.forEach((t, entries) -> {
            if (target == null || target.equals(t)) {
                ArrayNode list = targets.putArray(t);
                entries.forEach(e -> list.add(e.deepCopy()));
            }
        });
        root.put("region", region);
        return root;
    }

    /** Drops the recorded messages of an account and region (of one target when not null). */
    public synchronized void clear(String accountId, String region, String target) {
        Map<String, List<ObjectNode>> scope = byScope.get(accountId + "/" + region);
        if (scope == null) {
            return;
        }
        if (target == null) {
            scope.clear();
        } else {
            scope.remove(target);
        }
    }

    public synchronized int count(String accountId, String region, String target) {
        return byScope.getOrDefault(accountId + "/" + region, Map.of()).getOrDefault(target, List.of()).size();
    }

    public synchronized void clearAll() {
        byScope.clear();
    }
}
