package io.mailroom.ses.suppression;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;

/** The account-level suppression list of one account and region; addresses compare case-insensitively. */
public final class SuppressionList {
    private final TreeMap<String, SuppressedAddress> byAddress = new TreeMap<>();

    public void put(SuppressedAddress entry) {
        byAddress.put(key(entry.emailAddress()), entry);
    }

    public Optional<SuppressedAddress> find(String address) {
        return Optional.ofNullable(byAddress.get(key(address)));
    }

    public boolean remove(String address) {
        return byAddress.remove(key(address)) != null;
    }

    public List<SuppressedAddress> all() {
        return new ArrayList<>(byAddress.values());
    }

    public void clear() {
        byAddress.clear();
    }

    private static String key(String address) {
        return address.toLowerCase(Locale.ROOT);
    }
}
