package io.mailroom.protocol.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Query parameters as a tree of their dotted names: {@code MessageAttribute.1.Value.StringValue=x}
 * becomes MessageAttribute → 1 → Value → StringValue = x. The decoder walks it along the model.
 */
final class ParamTree {
    private String value;
    private Map<String, ParamTree> children;

    static ParamTree of(Map<String, List<String>> params) {
        ParamTree root = new ParamTree();
        for (Map.Entry<String, List<String>> e : params.entrySet()) {
            if (e.getValue().isEmpty()) {
                continue;
            }
            ParamTree node = root;
            String name = e.getKey();
            int start = 0;
            while (true) {
                int dot = name.indexOf('.', start);
                String part = dot < 0 ? name.substring(start) : name.substring(start, dot);
                node = node.child(part);
                if (dot < 0) {
                    break;
                }
                start = dot + 1;
            }
            node.value = e.getValue().get(0);
        }
        return root;
    }

    private ParamTree child(String name) {
        if (children == null) {
            children = new LinkedHashMap<>(4);
        }
        return children.computeIfAbsent(name, k -> new ParamTree());
    }

    ParamTree get(String name) {
        return children == null || name == null ? null : children.get(name);
    }

    String value() {
        return value;
    }

    boolean hasChildren() {
        return children != null && !children.isEmpty();
    }

    /** Children named 1, 2, 3 ... in numeric order (AWS lists are 1-based; gaps are tolerated). */
    List<ParamTree> indexed() {
        if (children == null) {
            return List.of();
        }
        List<Map.Entry<Integer, ParamTree>> entries = new ArrayList<>();
        for (Map.Entry<String, ParamTree> e : children.entrySet()) {
            Integer index = parseIndex(e.getKey());
            if (index != null) {
                entries.add(Map.entry(index, e.getValue()));
            }
        }
        entries.sort(Comparator.comparingInt(Map.Entry::getKey));
        List<ParamTree> result = new ArrayList<>(entries.size());
        for (Map.Entry<Integer, ParamTree> e : entries) {
            result.add(e.getValue());
        }
        return result;
    }

    private static Integer parseIndex(String key) {
        if (key.isEmpty() || key.length() > 9) {
            return null;
        }
        for (int i = 0; i < key.length(); i++) {
            if (!Character.isDigit(key.charAt(i))) {
                return null;
            }
        }
        return Integer.parseInt(key);
    }
}
