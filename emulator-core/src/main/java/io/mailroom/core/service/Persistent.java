package io.mailroom.core.service;

import java.nio.file.Path;

/**
 * A service that can keep its state across restarts in the server's data directory. The server loads
 * before it accepts requests and saves after it stopped accepting them, so neither runs alongside
 * requests and the hot paths never touch the disk.
 */
public interface Persistent {

    /** Writes the current state under {@code dataDir}, replacing what an earlier save left there. */
    void save(Path dataDir);

    /**
     * Reads back what {@link #save} wrote under {@code dataDir}, replacing the current state; does nothing
     * if nothing was saved. Fails, naming the file, if what is there cannot be read.
     */
    void load(Path dataDir);
}
