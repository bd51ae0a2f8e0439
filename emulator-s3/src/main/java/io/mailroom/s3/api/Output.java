package io.mailroom.s3.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.s3.bucket.Owner;

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

    /**
     * An {@code Owner} or {@code Initiator} element: the account's canonical id. No DisplayName: "Beginning
     * November 21, 2025, Amazon S3 will stop returning DisplayName"
     * (https://docs.aws.amazon.com/AmazonS3/latest/API/API_Owner.html).
     */
    public static void person(ObjectNode parent, String member, Owner owner) {
        parent.putObject(member).put("ID", owner.canonicalId());
    }

    public static double seconds(long epochMillis) {
        return epochMillis / 1000.0;
    }
}
