package io.mailroom.ses.configset;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Configuration sets of one account and region. */
public final class ConfigurationSets {
    /** "You can create up to 10,000 configuration sets per AWS Region" (SES quotas). */
    public static final int MAX_SETS = 10_000;
    /** "The name can contain up to 64 characters: letters, numbers, underscores and dashes." */
    public static final Pattern NAME = Pattern.compile("^[A-Za-z0-9_-]{1,64}$");

    private final TreeMap<String, ConfigurationSet> byName = new TreeMap<>();

    public Optional<ConfigurationSet> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public boolean isFull() {
        return byName.size() >= MAX_SETS;
    }

    public void add(ConfigurationSet set) {
        byName.put(set.name(), set);
    }

    public boolean remove(String name) {
        return byName.remove(name) != null;
    }

    public List<ConfigurationSet> all() {
        return new ArrayList<>(byName.values());
    }

    public void clear() {
        byName.clear();
    }
}
