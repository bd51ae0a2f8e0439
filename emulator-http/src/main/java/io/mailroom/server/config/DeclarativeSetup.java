package io.mailroom.server.config;

import io.mailroom.server.ServiceSet;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's setup file ({@code --config}) over the server's life: applied at start, and applied again
 * after every reset, read afresh each time so that an edited file takes effect at the next reset.
 */
public final class DeclarativeSetup {
    private static final Logger LOG = LoggerFactory.getLogger(DeclarativeSetup.class);
    private final Path file;
    private final Scope defaults;
    private final SetupApplier applier;
    private volatile List<Scope> scopes = List.of();

    /** @param file the setup file; null for none, which makes every method but reset's a no-op */
    public DeclarativeSetup(Path file, Scope defaults, ServiceSet services) {
        this.file = file;
        this.defaults = defaults;
        this.applier = new SetupApplier(services);
    }

    /**
     * Reads and applies the file.
     *
     * @throws ConfigException naming the line and field of what is wrong
     */
    public void apply(String endpoint) {
        if (file != null) {
            applyParsed(SetupFile.load(file, defaults), endpoint);
        }
    }

    /**
     * Reads the file, then runs {@code reset} and applies it. A file that no longer parses leaves the state
     * as it was; one a service refuses leaves what was applied up to that point.
     */
    public void reset(Runnable reset, String endpoint) {
        Setup setup = file == null ? null : SetupFile.load(file, defaults);
        reset.run();
        if (setup != null) {
            applyParsed(setup, endpoint);
        }
    }

    /** The accounts and regions the file names, for the export. */
    public List<Scope> scopes() {
        return scopes;
    }

    private void applyParsed(Setup setup, String endpoint) {
        scopes = setup.scopes();
        applier.apply(setup, endpoint);
        LOG.info("Applied {}: {} queues, {} topics, {} buckets, {} SES identities in {} account/region(s)", file,
                setup.stream().mapToInt(a -> a.queues().size()).sum(),
                setup.stream().mapToInt(a -> a.topics().size()).sum(),
                setup.stream().mapToInt(a -> a.buckets().size()).sum(),
                setup.stream().mapToInt(a -> a.ses().identities().size()).sum(), scopes.size());
    }
}
