package io.mailroom.s3.listing;

/**
 * Where a listing page starts: at {@code key} (included or not); a null key is past every key.
 */
public record ListingStart(String key, boolean inclusive) {

    /** Every key from {@code key} on (the start of a prefix's range). */
    public static ListingStart from(String key) {
        return new ListingStart(key, true);
    }

    /** Every key after {@code key} (StartAfter, Marker, or the last key of the previous page). */
    public static ListingStart after(String key) {
        return new ListingStart(key, false);
    }

    /** Every key after those rolled up under a common prefix (the previous page ended with it). */
    public static ListingStart afterPrefix(String prefix) {
        return new ListingStart(KeyOrder.successor(prefix), true);
    }

    public boolean pastEnd() {
        return key == null;
    }

    /** Whichever of the two starts later. */
    public ListingStart laterOf(ListingStart other) {
        if (pastEnd() || other.pastEnd()) {
            return pastEnd() ? this : other;
        }
        int c = KeyOrder.INSTANCE.compare(key, other.key);
        if (c != 0) {
            return c > 0 ? this : other;
        }
        return inclusive ? other : this;
    }
}
