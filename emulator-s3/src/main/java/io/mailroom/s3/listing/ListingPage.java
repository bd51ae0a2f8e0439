package io.mailroom.s3.listing;

import io.mailroom.s3.object.StoredObject;
import java.util.List;

/**
 * One page of a listing, keys and common prefixes each in key order.
 *
 * @param next where the next page starts when {@code truncated}; null otherwise
 * @param lastItem the last key or common prefix of this page (ListObjects' NextMarker), or null if empty
 */
public record ListingPage(List<StoredObject> contents, List<String> commonPrefixes, boolean truncated,
                          ListingStart next, String lastItem) {

    public int count() {
        return contents.size() + commonPrefixes.size();
    }
}
