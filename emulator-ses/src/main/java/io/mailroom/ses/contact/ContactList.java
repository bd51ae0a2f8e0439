package io.mailroom.ses.contact;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** A v2 contact list with its topics and contacts. Mutable; guarded by the state lock. */
public final class ContactList {
    private final String name;
    private final long createdMillis;
    private long updatedMillis;
    private String description;
    private Map<String, ContactTopic> topics = new LinkedHashMap<>();
    private final TreeMap<String, Contact> contacts = new TreeMap<>();

    public ContactList(String name, long createdMillis) {
        this.name = name;
        this.createdMillis = createdMillis;
        this.updatedMillis = createdMillis;
    }

    public String name() {
        return name;
    }

    public long createdMillis() {
        return createdMillis;
    }

    public long updatedMillis() {
        return updatedMillis;
    }

    public String description() {
        return description;
    }

    public Map<String, ContactTopic> topics() {
        return topics;
    }

    public void update(String description, Map<String, ContactTopic> topics, long now) {
        this.description = description;
        this.topics = new LinkedHashMap<>(topics);
        this.updatedMillis = now;
    }

    public TreeMap<String, Contact> contacts() {
        return contacts;
    }

    public static String key(String email) {
        return email.toLowerCase(Locale.ROOT);
    }
}
