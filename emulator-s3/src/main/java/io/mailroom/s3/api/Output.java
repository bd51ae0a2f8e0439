package io.mailroom.s3.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

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

    private Output() {
    }

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    public static double seconds(long epochMillis) {
        return epochMillis / 1000.0;
    }
}
