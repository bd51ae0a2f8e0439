package io.mailroom.junit5;

import io.mailroom.server.Mailroom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A server and the SDK clients made for it, kept in JUnit's store: the store closes it when the test
 * class or method it belongs to is over, so a failing test cannot leak a server or its port.
 */
final class RunningServer implements ExtensionContext.Store.CloseableResource {
    private final Mailroom mailroom;
    private final NettyEventLoops eventLoops;
    private volatile boolean closed;
    private final Map<Class<?>, AutoCloseable> clients = new ConcurrentHashMap<>();
    private final TestTurns turns = new TestTurns();

    RunningServer(Mailroom mailroom, NettyEventLoops eventLoops) {
        this.mailroom = mailroom;
        this.eventLoops = eventLoops;
    }

    Mailroom mailroom() {
        return mailroom;
    }

    /** The turns of the tests that share this server (those of a per-class server). */
    TestTurns turns() {
        return turns;
    }

    /** One client of each type per server: clients are thread-safe, and each one holds a connection pool. */
    Object client(Class<?> clientType) {
        return clients.computeIfAbsent(clientType, type -> AwsClientFactory.create(type, mailroom, eventLoops));
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public void close() throws Exception {
        closed = true;
        Exception failure = null;
        for (AutoCloseable client : clients.values()) {
            try {
                client.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        clients.clear();
        mailroom.close();
        if (failure != null) {
            throw failure;
        }
    }
}
