package io.mailroom.junit5;

import io.mailroom.core.time.ServerClock;
import io.mailroom.server.Mailroom;
import io.mailroom.server.ServerConfig;
import java.lang.reflect.AnnotatedElement;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Runs Mailroom in-process for JUnit 5 tests.
 * <pre>{@code
 * @ExtendWith(MailroomExtension.class)                    // one server per test class
 * class OrdersTest { @Test void sends(SqsClient sqs, Await await) { ... } }
 *
 * @RegisterExtension                                      // or configured
 * static MailroomExtension mailroom = MailroomExtension.perMethod().withConfig(config);
 * }</pre>
 * Test methods, lifecycle methods and constructors can take a {@link Mailroom}, its endpoint {@link URI},
 * its {@link ServerClock}, an {@link Await}, and any AWS SDK v2 client interface ({@code SqsClient},
 * {@code SqsAsyncClient}, ...) when the SDK is on the test classpath; clients point at the server with
 * credentials {@code test/test} and the server's region. After each test the clock is put back on system
 * time, so a test that froze or moved it cannot leak that into the next one; freeze it in
 * {@code @BeforeEach}, not {@code @BeforeAll}. Tests that share a per-class server take turns with it
 * under JUnit's parallel execution, as they share its state and clock; per-method servers run in parallel.
 *
 * <p>Instances are immutable: the configuring methods return a new extension.
 */
public final class MailroomExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback,
        ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(MailroomExtension.class);
    private static final String SERVER = "server";
    private static final String EVENT_LOOPS = "netty-event-loops";

    private final Lifetime lifetime;
    private final boolean resetBeforeEachTest;
    private final ServerConfig config;
    /**
     * The servers this instance has served, for {@link #mailroom()}, which has no context to look in. JUnit's
     * store stays the owner: an extension on an instance field is a new instance for every test, and each
     * one finds the class's server in the store and notes it here.
     */
    private final Set<RunningServer> served = ConcurrentHashMap.newKeySet();

    /** One server per test class on a free port, as used by {@code @ExtendWith(MailroomExtension.class)}. */
    public MailroomExtension() {
        this(Lifetime.PER_CLASS, false, ServerConfig.defaults().withPort(0));
    }

    private MailroomExtension(Lifetime lifetime, boolean resetBeforeEachTest, ServerConfig config) {
        this.lifetime = lifetime;
        this.resetBeforeEachTest = resetBeforeEachTest;
        this.config = config;
    }

    /** One server for all tests of a class (and its {@code @Nested} classes); the fast choice. */
    public static MailroomExtension perClass() {
        return new MailroomExtension();
    }

    /** A fresh server, on a new port, for every test. Register it on a static or an instance field. */
    public static MailroomExtension perMethod() {
        return new MailroomExtension(Lifetime.PER_METHOD, false, ServerConfig.defaults().withPort(0));
    }

    /** Drops all state before each test: a per-class server that behaves like a fresh one. */
    public MailroomExtension resetBeforeEachTest() {
        return new MailroomExtension(lifetime, true, config);
    }

    /** Starts servers with {@code config} as given; keep port 0 unless a fixed port is really needed. */
    public MailroomExtension withConfig(ServerConfig config) {
        return new MailroomExtension(lifetime, resetBeforeEachTest, Objects.requireNonNull(config, "config"));
    }

    /**
     * The server this extension runs, for code that cannot take parameters (such as a framework's static
     * property hook), called while a test class the extension is registered on runs. Prefer parameter
     * injection: when tests that each have their own server run in parallel (with {@code perMethod()}, or
     * in several classes that share one extension) there is no single answer, and this throws.
     */
    public Mailroom mailroom() {
        served.removeIf(RunningServer::isClosed);
        Object[] now = served.toArray();
        if (now.length == 1) {
            return ((RunningServer) now[0]).mailroom();
        }
        throw new IllegalStateException(now.length == 0
                ? "no Mailroom server is running for this extension: mailroom() works while a test class it is "
                        + "registered on runs (in its tests, lifecycle methods and constructors)"
                : now.length + " Mailroom servers of this extension are running at once (tests that each have "
                        + "their own server run in parallel: perMethod(), or several classes sharing this extension), "
                        + "so mailroom() cannot tell which one you mean: take Mailroom as a test parameter instead");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (lifetime == Lifetime.PER_CLASS) {
            server(context);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        RunningServer server = server(context);
        if (lifetime == Lifetime.PER_CLASS) {
            server.turns().take();
            // Kept in the test's own store under this instance, so afterEach releases only a turn it took
            // (it also runs when an earlier extension's beforeEach failed and this one never ran).
            context.getStore(NAMESPACE).put(this, server.turns());
        }
        if (resetBeforeEachTest || resetRequested(context)) {
            server.mailroom().reset();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        try {
            // A server that outlives the test must not hand frozen or shifted time to the next one.
            running(context).ifPresent(server -> server.mailroom().clock().resetToSystem());
        } finally {
            TestTurns taken = context.getStore(NAMESPACE).remove(this, TestTurns.class);
            if (taken != null) {
                taken.release();
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Mailroom.class || type == URI.class || type == ServerClock.class || type == Await.class
                || AwsSdk.isClientType(type);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        RunningServer server = serverForParameter(parameter, context);
        Mailroom mailroom = server.mailroom();
        if (type == Mailroom.class) {
            return mailroom;
        } else if (type == URI.class) {
            return mailroom.endpoint();
        } else if (type == ServerClock.class) {
            return mailroom.clock();
        } else if (type == Await.class) {
            return Await.on(mailroom);
        }
        try {
            return server.client(type);
        } catch (RuntimeException | LinkageError e) {
            throw new ParameterResolutionException("could not create a " + type.getName() + " for Mailroom at "
                    + mailroom.endpoint() + ": " + e, e);
        }
    }

    private RunningServer serverForParameter(ParameterContext parameter, ExtensionContext context) {
        if (lifetime == Lifetime.PER_METHOD && context.getTestMethod().isEmpty()) {
            Optional<RunningServer> existing = running(context);
            if (existing.isEmpty()) {
                throw new ParameterResolutionException("MailroomExtension.perMethod() starts a server for each test, so "
                        + parameter.getParameter().getType().getSimpleName() + " can be injected into test and "
                        + "@BeforeEach/@AfterEach methods, not into " + parameter.getDeclaringExecutable()
                        + "; use perClass() to share a server across the class");
            }
            return served(existing.get());
        }
        return server(context);
    }

    /** The server for this context, started in the context that owns it when there is none yet. */
    private RunningServer server(ExtensionContext context) {
        ExtensionContext owner = lifetime == Lifetime.PER_CLASS ? classLevel(context) : context;
        // Store look-ups search the parent contexts too, so nested classes share the outer class's server.
        return served(owner.getStore(NAMESPACE).getOrComputeIfAbsent(SERVER, key -> start(context), RunningServer.class));
    }

    private RunningServer served(RunningServer server) {
        served.add(server);
        return server;
    }

    private static Optional<RunningServer> running(ExtensionContext context) {
        return Optional.ofNullable(context.getStore(NAMESPACE).get(SERVER, RunningServer.class));
    }

    private RunningServer start(ExtensionContext context) {
        return new RunningServer(Mailroom.start(config), eventLoops(context));
    }

    /** One set of event loops for the whole JUnit run, closed by JUnit when the run ends. */
    private static NettyEventLoops eventLoops(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(EVENT_LOOPS, key -> new NettyEventLoops(), NettyEventLoops.class);
    }

    /** Climbs from a test (or a parameterized test's invocation) to its class. */
    private static ExtensionContext classLevel(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }

    private static boolean resetRequested(ExtensionContext context) {
        for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent(); c = c.get().getParent()) {
            Optional<AnnotatedElement> element = c.get().getElement();
            if (element.isPresent() && AnnotationSupport.isAnnotated(element, ResetMailroom.class)) {
                return true;
            }
        }
        return false;
    }
}
