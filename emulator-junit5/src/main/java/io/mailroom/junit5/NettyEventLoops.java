package io.mailroom.junit5;

import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The Netty event loops shared by every async SDK client of one JUnit run, kept in the root store so that
 * JUnit shuts them down once, when the run is over, rather than with each client. Created on the first
 * async client, so runs with no async client (or without Netty) start no threads. Names no SDK type, so it
 * loads without the SDK; only {@link NettyHttp} does.
 */
final class NettyEventLoops implements ExtensionContext.Store.CloseableResource {
    private Object group;
    private boolean closed;

    /** The shared {@code SdkEventLoopGroup}, typed {@code Object} for the reason above. */
    synchronized Object group() {
        if (closed) {
            throw new IllegalStateException("the JUnit run that owned these event loops is over");
        }
        if (group == null) {
            group = NettyHttp.newEventLoopGroup();
        }
        return group;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (group != null) {
            NettyHttp.shutDown(group);
        }
    }
}
