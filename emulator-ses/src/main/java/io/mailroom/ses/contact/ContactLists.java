package io.mailroom.ses.contact;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** Contact lists of one account and region. */
public final class ContactLists {
    /** "You can create only one contact list per account" (SES list management quotas). */
    public static final int MAX_LISTS = 1;
    /** "Each contact list can have up to 20 topics." */
    public static final int MAX_TOPICS = 20;

    private final TreeMap<String, ContactList> byName = new TreeMap<>();

    public Optional<ContactList> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public boolean isFull() {
        return byName.size() >= MAX_LISTS;
    }

    public void add(ContactList list) {
        byName.put(list.name(), list);
    }

    public boolean remove(String name) {
        return byName.remove(name) != null;
    }

    public List<ContactList> all() {
        return new ArrayList<>(byName.values());
    }

    public void clear() {
        byName.clear();
    }
}
