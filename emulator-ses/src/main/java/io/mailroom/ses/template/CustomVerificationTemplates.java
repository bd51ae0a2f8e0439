package io.mailroom.ses.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** Custom verification email templates of one account and region. */
public final class CustomVerificationTemplates {
    /** "You can create up to 50 custom verification email templates" (SES quotas). */
    public static final int MAX_TEMPLATES = 50;

    private final TreeMap<String, CustomVerificationTemplate> byName = new TreeMap<>();

    public Optional<CustomVerificationTemplate> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public boolean isFull() {
        return byName.size() >= MAX_TEMPLATES;
    }

    public void put(CustomVerificationTemplate t) {
        byName.put(t.name(), t);
    }

    public boolean remove(String name) {
        return byName.remove(name) != null;
    }

    public List<CustomVerificationTemplate> all() {
        return new ArrayList<>(byName.values());
    }

    public void clear() {
        byName.clear();
    }
}
