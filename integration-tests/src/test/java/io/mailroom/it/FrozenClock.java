package io.mailroom.it;

import io.mailroom.core.time.ServerClock;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Freezes the shared server's clock around each test of a class ({@code @ExtendWith(FrozenClock.class)}),
 * and always gives it back to the system clock afterwards, since every test class shares the server.
 */
public final class FrozenClock implements BeforeEachCallback, AfterEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        clock().freeze();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        clock().resetToSystem();
    }

    static ServerClock clock() {
        return TestServer.get().clock();
    }

    static void advance(Duration by) {
        clock().advance(by);
    }
}
