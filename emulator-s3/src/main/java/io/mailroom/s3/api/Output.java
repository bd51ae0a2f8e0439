package io.mailroom.s3.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.s3.bucket.Owner;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Builds canonical output trees. Timestamps are epoch seconds (as doubles), like every canonical tree.
 * S3 answers a few requests with a status its model cannot express (206 Partial Content, 304 Not
 * Modified): the front end reads {@link #STATUS} from the tree, uses it as the HTTP status and does not
 * serialize it.
 */
public final class Output {
    /** The HTTP status to answer with instead of the operation's default; never a model member. */
    public static final String STATUS = "__status";
    public static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** RFC 9110's IMF-fixdate: a two-digit day, unlike RFC 1123's formatter. */
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'",
            Locale.US).withZone(ZoneOffset.UTC);

    private Output() {
    }

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    /** An {@code Owner} or {@code Initiator} element: the account's canonical id and display name. */
    public static void person(ObjectNode parent, String member, Owner owner) {
        parent.putObject(member).put("DisplayName", owner.displayName()).put("ID", owner.canonicalId());
    }

    public static double seconds(long epochMillis) {
        return epochMillis / 1000.0;
    }

    /**
     * An HTTP-date ({@code Wed, 01 Jan 2031 00:00:00 GMT}), for the {@code Expires} header: the model
     * types it as a string, not a timestamp, so the front end sends the text as it is, and S3 sends a date.
     */
    public static String httpDate(long epochMillis) {
        return HTTP_DATE.format(Instant.ofEpochMilli(epochMillis));
    }
}
