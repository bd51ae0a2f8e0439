package io.mailroom.ses.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Dedicated IP pools (v2). A local server owns no dedicated IPs, so pools are always empty; their names and
 * scaling modes are kept so infrastructure code round-trips.
 */
public final class DedicatedIpPools {
    /** "You can create up to 50 dedicated IP pools per AWS Region." */
    public static final int MAX_POOLS = 50;

    private final TreeMap<String, String> scalingModeByName = new TreeMap<>();

    public Optional<String> scalingMode(String pool) {
        return Optional.ofNullable(scalingModeByName.get(pool));
    }

    public boolean isFull() {
        return scalingModeByName.size() >= MAX_POOLS;
    }

    public void put(String pool, String scalingMode) {
        scalingModeByName.put(pool, scalingMode);
    }

    public boolean remove(String pool) {
        return scalingModeByName.remove(pool) != null;
    }

    public List<String> names() {
        return new ArrayList<>(scalingModeByName.keySet());
    }

    public void clear() {
        scalingModeByName.clear();
    }
}
