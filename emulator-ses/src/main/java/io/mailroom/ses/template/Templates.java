package io.mailroom.ses.template;

import io.mailroom.ses.api.Api;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** Email templates of one account and region, shared by v1 (CreateTemplate) and v2 (CreateEmailTemplate). */
public final class Templates {
    /** "You can create up to 20,000 email templates in each AWS Region" (SES quotas). */
    public static final int MAX_TEMPLATES = 20_000;
    /** "The total size of the email template can be up to 500 KB, including both the text and HTML parts." */
    public static final int MAX_TEMPLATE_BYTES = 500 * 1024;

    private final TreeMap<String, EmailTemplate> byName = new TreeMap<>();

    public Optional<EmailTemplate> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * Stores a new template, as CreateTemplate and CreateEmailTemplate do: refused when the name is taken or
     * the account already has {@link #MAX_TEMPLATES}.
     */
    public void add(Api api, EmailTemplate template) {
        if (byName.containsKey(template.name())) {
            throw api.alreadyExists("AlreadyExistsException", "Template " + template.name() + " already exists.");
        }
        if (byName.size() >= MAX_TEMPLATES) {
            throw api.limitExceeded("Maximum number of templates reached.");
        }
        byName.put(template.name(), template);
    }

    public void put(EmailTemplate template) {
        byName.put(template.name(), template);
    }

    public boolean remove(String name) {
        return byName.remove(name) != null;
    }

    public List<EmailTemplate> all() {
        return new ArrayList<>(byName.values());
    }

    public void clear() {
        byName.clear();
    }
}
