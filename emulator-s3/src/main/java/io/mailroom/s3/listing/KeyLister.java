package io.mailroom.s3.listing;

import io.mailroom.s3.object.StoredObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * Walks a bucket's sorted keys for one page: starts with a seek, skips the keys a common prefix rolls up
 * with another seek, and stops after {@code maxKeys} entries, so a page costs O(page · log n) whatever the
 * bucket's size. Keys and common prefixes both count towards {@code maxKeys}, as in S3.
 */
public final class KeyLister {
    private KeyLister() {
    }

    /**
     * @param prefix    only keys starting with it ("" for all)
     * @param delimiter rolls keys up into common prefixes at its first occurrence after the prefix; null or
     *                  empty for none
     */
    public static ListingPage page(NavigableMap<String, StoredObject> objects, String prefix, String delimiter,
                                   int maxKeys, ListingStart requested) {
        List<StoredObject> contents = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        if (maxKeys <= 0) {
            return new ListingPage(contents, prefixes, false, null, null);
        }
        boolean rollUp = delimiter != null && !delimiter.isEmpty();
        ListingStart start = ListingStart.from(prefix).laterOf(requested);
        Map.Entry<String, StoredObject> e = start.pastEnd() ? null
                : start.inclusive() ? objects.ceilingEntry(start.key()) : objects.higherEntry(start.key());
        String lastItem = null;
        ListingStart next = null;
        while (e != null && e.getKey().startsWith(prefix)) {
            String key = e.getKey();
            int cut = rollUp ? key.indexOf(delimiter, prefix.length()) : -1;
            String common = cut >= 0 ? key.substring(0, cut + delimiter.length()) : null;
            if (common != null && !start.inclusive() && KeyOrder.INSTANCE.compare(common, start.key()) <= 0) {
                // The start (StartAfter, Marker) lies inside this common prefix, which an earlier page listed:
                // S3 does not list it again, and skips the keys it rolls up.
                ListingStart past = ListingStart.afterPrefix(common);
                e = past.pastEnd() ? null : objects.ceilingEntry(past.key());
                continue;
            }
            if (contents.size() + prefixes.size() == maxKeys) {
                return new ListingPage(contents, prefixes, true, next, lastItem);
            }
            if (common != null) {
                prefixes.add(common);
                lastItem = common;
                next = ListingStart.afterPrefix(common);
                e = next.pastEnd() ? null : objects.ceilingEntry(next.key());
            } else {
                contents.add(e.getValue());
                lastItem = key;
                next = ListingStart.after(key);
                e = objects.higherEntry(key);
            }
        }
        return new ListingPage(contents, prefixes, false, null, lastItem);
    }
}
