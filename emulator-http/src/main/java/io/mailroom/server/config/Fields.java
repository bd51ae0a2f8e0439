package io.mailroom.server.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The keys of one mapping of a setup file, read with the schema's expectations: unknown keys and values
 * of the wrong type are errors that name the line and the field.
 */
final class Fields {
    private final ConfigValue.Mapping mapping;

    private Fields(ConfigValue.Mapping mapping) {
        this.mapping = mapping;
    }

    /** The mapping {@code value} must be, with no keys but {@code allowed}. */
    static Fields of(ConfigValue value, String what, String... allowed) {
        ConfigValue.Mapping m = mapping(value, what);
        Set<String> known = Set.of(allowed);
        for (Map.Entry<String, ConfigValue> e : m.entries().entrySet()) {
            if (!known.contains(e.getKey())) {
                throw e.getValue().at().error("unknown key in " + what + "; expected one of: "
                        + String.join(", ", allowed));
            }
        }
        return new Fields(m);
    }

    static ConfigValue.Mapping mapping(ConfigValue value, String what) {
        if (value instanceof ConfigValue.Mapping m) {
            return m;
        }
        throw value.at().error(what + " must be a mapping, not " + value.describeKind());
    }

    static List<ConfigValue> sequence(ConfigValue value) {
        if (value instanceof ConfigValue.Sequence s) {
            return s.items();
        }
        throw value.at().error("must be a list, not " + value.describeKind());
    }

    /** A string field; numbers and booleans are taken as written ({@code 60}, {@code true}). */
    static String text(ConfigValue value) {
        if (value instanceof ConfigValue.Scalar s && s.kind() != ConfigValue.Kind.NULL) {
            return s.text();
        }
        throw value.at().error("must be a string, not " + value.describeKind());
    }

    static boolean bool(ConfigValue value) {
        if (value instanceof ConfigValue.Scalar s && s.kind() == ConfigValue.Kind.BOOLEAN) {
            return Boolean.parseBoolean(s.text());
        }
        throw value.at().error("must be true or false, not " + value.describeKind()
                + (value instanceof ConfigValue.Scalar s ? " (" + s.text() + ")" : ""));
    }

    Position at() {
        return mapping.at();
    }

    ConfigValue get(String key) {
        ConfigValue v = mapping.entries().get(key);
        return v instanceof ConfigValue.Scalar s && s.kind() == ConfigValue.Kind.NULL ? null : v;
    }

    String requiredText(String key) {
        ConfigValue v = get(key);
        if (v == null) {
            throw mapping.at().error("missing required key " + key);
        }
        return text(v);
    }

    String text(String key, String fallback) {
        ConfigValue v = get(key);
        return v == null ? fallback : text(v);
    }

    Boolean bool(String key) {
        ConfigValue v = get(key);
        return v == null ? null : bool(v);
    }

    /** A list field; absent is empty. */
    List<ConfigValue> list(String key) {
        ConfigValue v = get(key);
        return v == null ? List.of() : sequence(v);
    }

    /** A list of strings; a single string is taken as a list of one. */
    List<Located<String>> texts(String key) {
        ConfigValue v = get(key);
        if (v == null) {
            return List.of();
        }
        List<ConfigValue> items = v instanceof ConfigValue.Scalar ? List.of(v) : sequence(v);
        List<Located<String>> out = new ArrayList<>();
        items.forEach(i -> out.add(new Located<>(text(i), i.at())));
        return List.copyOf(out);
    }

    /** A mapping of strings to strings (tags); numbers and booleans as written. */
    Map<String, String> stringMap(String key) {
        ConfigValue v = get(key);
        if (v == null) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        mapping(v, key).entries().forEach((k, value) -> out.put(k, text(value)));
        return out;
    }

    /** A mapping kept as values, for attribute maps whose values may be scalars or JSON documents. */
    Map<String, ConfigValue> values(String key) {
        ConfigValue v = get(key);
        return v == null ? Map.of() : mapping(v, key).entries();
    }
}
