package io.mailroom.server;

import io.mailroom.core.error.ErrorCode;
import io.mailroom.core.service.AwsService;
import io.mailroom.core.service.Persistent;
import io.mailroom.core.time.ServerClock;
import io.mailroom.http.HttpServer;
import io.mailroom.http.Transport;
import io.mailroom.http.dashboard.DashboardEndpoint;
import io.mailroom.http.dispatch.DispatchSettings;
import io.mailroom.http.dispatch.Dispatcher;
import io.mailroom.http.internal.ClockEndpoint;
import io.mailroom.http.internal.HealthEndpoint;
import io.mailroom.http.internal.InitStagesEndpoint;
import io.mailroom.http.internal.InternalEndpoint;
import io.mailroom.http.internal.ResetEndpoint;
import io.mailroom.http.internal.SesMailboxEndpoint;
import io.mailroom.http.internal.SnsCertificateEndpoint;
import io.mailroom.http.internal.SnsInspectionEndpoint;
import io.mailroom.http.internal.SnsLinkEndpoint;
import io.mailroom.http.internal.SqsMessagesEndpoint;
import io.mailroom.server.config.ConfigEndpoint;
import io.mailroom.server.config.ConfigException;
import io.mailroom.server.config.DeclarativeSetup;
import io.mailroom.server.config.Scope;
import io.mailroom.server.config.SetupExporter;
import io.mailroom.smtp.SesSmtpBackend;
import io.mailroom.smtp.SmtpServer;
import io.mailroom.smtp.SmtpSettings;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The assembled server, for {@link Main} and for JVM tests:
 * <pre>{@code
 * try (Mailroom mailroom = Mailroom.start(ServerConfig.defaults().withPort(0))) {
 *     SqsClient sqs = SqsClient.builder().endpointOverride(mailroom.endpoint()) ... ;
 * }
 * }</pre>
 */
public final class Mailroom implements AutoCloseable {
    /** How POST /_mailroom/reset answers a setup file that no longer applies. */
    private static final ErrorCode INVALID_SETUP = ErrorCode.sender("InvalidSetupFile", 400);
    private final ServerConfig config;
    private final ServerClock clock;
    private final ServiceSet serviceSet;
    private final List<AwsService> services;
    private final DeclarativeSetup setup;
    private final HttpServer http;
    /** Null when the SMTP listener is off. */
    private final SmtpServer smtp;
    /** Null without a data directory. */
    private final DataDirectoryLock dataLock;

    private Mailroom(ServerConfig config, ServerClock clock, ServiceSet serviceSet, List<AwsService> services,
                     DeclarativeSetup setup, HttpServer http, SmtpServer smtp, DataDirectoryLock dataLock) {
        this.config = config;
        this.clock = clock;
        this.serviceSet = serviceSet;
        this.services = services;
        this.setup = setup;
        this.http = http;
        this.smtp = smtp;
        this.dataLock = dataLock;
    }

    /** Starts on {@link ServerConfig#defaults()}, but on a free port. */
    public static Mailroom startOnFreePort() {
        return start(ServerConfig.defaults().withPort(0));
    }

    public static Mailroom start(ServerConfig config) {
        JacksonVersion.require();
        int threads = Transport.defaultThreads();
        // Logging must be up before the start-up threads log, or SLF4J replays their early lines with a warning.
        LoggerFactory.getILoggerFactory();
        CompletableFuture<Transport> transport = Transport.prepareInBackground(threads);
        ServerClock clock = ServerClock.system();
        ServiceSet serviceSet = ServiceSet.create(clock, config.ses());
        List<AwsService> services = serviceSet.all();
        Scope defaultScope = new Scope(config.accountId(), config.region());
        DeclarativeSetup setup = new DeclarativeSetup(config.configFile(), defaultScope, serviceSet);
        List<OnFirstUse<?>> sns = List.of(serviceSet.deferredSns());
        List<OnFirstUse<?>> ses = List.of(serviceSet.deferredSes());
        List<OnFirstUse<?>> everyDeferred = List.of(serviceSet.deferredSns(), serviceSet.deferredSes(),
                serviceSet.deferredS3());
        List<InternalEndpoint> internal = List.of(
                new HealthEndpoint(services),
                new InitStagesEndpoint(),
                new ResetEndpoint(ctx -> resetFromRequest(services, setup, ctx.endpoint())),
                new EndpointOnFirstUse(everyDeferred,
                        new ConfigEndpoint(new SetupExporter(serviceSet), defaultScope, setup::scopes)),
                new ClockEndpoint(clock),
                new SqsMessagesEndpoint(serviceSet.sqs()),
                new EndpointOnFirstUse(sns, new SnsCertificateEndpoint(serviceSet::sns)),
                new EndpointOnFirstUse(sns, new SnsLinkEndpoint(serviceSet::sns)),
                new EndpointOnFirstUse(sns, new SnsInspectionEndpoint(serviceSet::sns)),
                new EndpointOnFirstUse(ses, new SesMailboxEndpoint(serviceSet::ses)),
                new EndpointOnFirstUse(ses, new io.mailroom.http.internal.SesInboundEndpoint(serviceSet::ses)),
                new EndpointOnFirstUse(ses, new io.mailroom.http.internal.SesEventsEndpoint(serviceSet::ses)),
                // The page's views poll every service at once, so the first load makes them all.
                new EndpointOnFirstUse(everyDeferred,
                        new DashboardEndpoint(serviceSet.sqs(), serviceSet::sns, serviceSet::ses, serviceSet::s3)));
        Dispatcher dispatcher = new Dispatcher(services, internal, new DispatchSettings(
                config.accountId(), config.region(), config.publicBaseUrl(),
                ("0.0.0.0".equals(config.host()) ? "localhost" : config.host()) + ":" + config.port()), clock);
        DataDirectoryLock dataLock = null;
        try {
            // Before the load: what is loaded must be what this server alone will save.
            dataLock = config.dataDir() == null ? null : DataDirectoryLock.take(config.dataDir());
            // State comes back before the port opens, so no request ever sees a half-restored server.
            load(config, serviceSet);
            // After the restore: the file's queues converge on restored ones rather than clash with them.
            serviceSet.ownEndpoint(startEndpoint(config));
            setup.apply(startEndpoint(config));
        } catch (RuntimeException e) {
            clock.close();
            transport.thenAccept(t -> t.group().shutdownGracefully());
            release(dataLock);
            throw e;
        }
        try {
            HttpServer http = HttpServer.start(config.host(), config.port(), config.maxBodyBytes(),
                    transport.join(), dispatcher, clock);
            serviceSet.ownEndpoint(ownEndpoint(config, http.port()));
            SmtpServer smtp;
            try {
                smtp = startSmtp(config, serviceSet, transport.join());
            } catch (InterruptedException | RuntimeException e) {
                http.close();
                throw e;
            }
            return new Mailroom(config, clock, serviceSet, services, setup, http, smtp, dataLock);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            clock.close();
            release(dataLock);
            throw new IllegalStateException("interrupted while starting", e);
        } catch (RuntimeException e) {
            clock.close();
            release(dataLock);
            throw e;
        }
    }

    /** {@code http://host:port} of the API, with the port actually bound. */
    public URI endpoint() {
        String host = "0.0.0.0".equals(config.host()) ? "127.0.0.1" : config.host();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port());
    }

    public int port() {
        return http.port();
    }

    /** The port SMTP clients connect to (on the API's host), actually bound. */
    public int smtpPort() {
        if (smtp == null) {
            throw new IllegalStateException("the SMTP listener is off");
        }
        return smtp.port();
    }

    /** SES's SMTP interface, on the HTTP server's event loops: it is light and mostly idle. */
    private static SmtpServer startSmtp(ServerConfig config, ServiceSet services, Transport transport)
            throws InterruptedException {
        SmtpSettings settings = config.smtp();
        if (!settings.enabled()) {
            return null;
        }
        if (config.port() == 0 && settings.port() == SmtpSettings.DEFAULT_PORT) {
            settings = settings.withPort(0); // a test server: no contention for 2525
        }
        return SmtpServer.start(config.host(), settings, config.accountId(), config.region(),
                new SesSmtpBackend(services::ses, services.deferredSes()), transport.group(),
                transport.serverChannel());
    }

    /** The clock every service runs on: freeze and advance it to cross timeouts without waiting. */
    public ServerClock clock() {
        return clock;
    }

    public ServerConfig config() {
        return config;
    }

    /**
     * Drops all state of every service and applies the setup file again, as after a fresh start.
     *
     * @throws ConfigException when the setup file (read again) is wrong; the state is then left as it was
     */
    public void reset() {
        setup.reset(() -> services.forEach(AwsService::reset), endpoint().toString());
    }

    private static void resetFromRequest(List<AwsService> services, DeclarativeSetup setup, String endpoint) {
        try {
            setup.reset(() -> services.forEach(AwsService::reset), endpoint);
        } catch (ConfigException e) {
            throw INVALID_SETUP.exception(e.getMessage());
        }
    }

    /**
     * The base URL for URLs services hand out while the setup is applied, before the port is bound: with
     * port 0 it is not known yet, which only shows in the SubscribeURL of subscriptions left unconfirmed.
     */
    private static String startEndpoint(ServerConfig config) {
        return ownEndpoint(config, config.port());
    }

    /** The base of URLs in what the server sends without a request to take a Host header from. */
    private static String ownEndpoint(ServerConfig config, int port) {
        if (config.publicBaseUrl() != null) {
            return config.publicBaseUrl();
        }
        String host = "0.0.0.0".equals(config.host()) ? "localhost" : config.host();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /**
     * Stops taking requests, then (with a data directory) saves every service's state. The clock stops
     * first so that no timer (a move task, a long-poll wake-up) changes anything while it is saved.
     */
    @Override
    public void close() {
        try {
            try {
                if (smtp != null) {
                    smtp.close(); // before the HTTP server, which shuts down the event loops they share
                }
                http.close();
                clock.close();
            } finally {
                // A listener that fails to close must not cost the state: it is saved all the same.
                forEachPersistent(config, serviceSet, this::saveOrLog);
            }
        } finally {
            // Only once the save is done may another server take the directory and load it.
            release(dataLock);
        }
    }

    /**
     * One service's save failing (a full disk, a file in the way) must not cost the others theirs, nor keep
     * the lock held: each is tried, and what failed is logged, naming the file.
     */
    private void saveOrLog(Persistent service) {
        // Looked up here, not in a static field: the class is loaded before logging is set up (see start).
        Logger log = LoggerFactory.getLogger(Mailroom.class);
        try {
            service.save(config.dataDir());
        } catch (UncheckedIOException e) {
            // The message names the file and the cause; the stack trace would only show the save's own code.
            log.error("{} (what was saved there before is kept)", e.getMessage());
        } catch (RuntimeException e) {
            log.error("Could not save {} state under {}", service.getClass().getSimpleName(), config.dataDir(), e);
        }
    }

    private static void release(DataDirectoryLock lock) {
        if (lock != null) {
            lock.close();
        }
    }

    /**
     * A snapshot that cannot be read stops the start as a {@link DataDirectoryException}: the services'
     * messages already name the file and what to do, so {@link Main} prints one line, not a stack trace.
     */
    private static void load(ServerConfig config, ServiceSet serviceSet) {
        try {
            forEachPersistent(config, serviceSet, p -> p.load(config.dataDir()));
        } catch (RuntimeException e) {
            throw new DataDirectoryException(e.getMessage(), e);
        }
    }

    /** Without a data directory nothing touches the disk. */
    private static void forEachPersistent(ServerConfig config, ServiceSet services, Consumer<Persistent> action) {
        if (config.dataDir() != null) {
            services.persistent().forEach(action);
        }
    }
}
