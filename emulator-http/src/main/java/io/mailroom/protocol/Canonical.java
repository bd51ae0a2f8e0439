package io.mailroom.protocol;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** The node factory for canonical trees: exact big decimals are not needed, plain nodes are. */
public final class Canonical {
    public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Canonical() {
    }
}
