package io.mailroom.server;

import io.mailroom.core.service.FileProblems;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on {@code <dataDir>/.lock}, held from before the load until after the save. Two servers
 * on one directory would each save over the other at stop, the last one silently winning; with the lock the
 * second refuses to start instead.
 * <p>
 * Taking it also proves, before anything is loaded, that the directory exists (it is created if missing) and
 * can be written: otherwise the server would run for hours and lose everything at the stop.
 * <p>
 * The file is left in place when the lock is released: deleting it would let a third server lock a new file
 * while a second still waits on the old one.
 */
final class DataDirectoryLock implements AutoCloseable {
    static final String FILE_NAME = ".lock";
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** @throws DataDirectoryException (one line naming {@code dir}) when it cannot be used or is taken */
    static DataDirectoryLock take(Path dir) {
        requireWritableDirectory(dir);
        FileChannel channel;
        try {
            channel = FileChannel.open(dir.resolve(FILE_NAME), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new DataDirectoryException("cannot use the data directory " + dir + ": "
                    + FileProblems.describe(e), e);
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by another server in this JVM
        } catch (IOException e) {
            closeQuietly(channel);
            throw new DataDirectoryException("cannot lock the data directory " + dir + ": "
                    + FileProblems.describe(e), e);
        }
        if (lock == null) {
            closeQuietly(channel);
            throw new DataDirectoryException("another Mailroom is using " + dir
                    + " (stop it, or give this one another --data-dir)");
        }
        return new DataDirectoryLock(channel, lock);
    }

    private static void requireWritableDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (FileAlreadyExistsException e) {
            throw new DataDirectoryException("the data directory " + dir + " is a file, not a directory", e);
        } catch (IOException e) {
            throw new DataDirectoryException("cannot create the data directory " + dir + ": "
                    + FileProblems.describe(e), e);
        }
        // The lock file may be left from an earlier run, so opening it proves nothing about the directory; the
        // saves create files next to it.
        try {
            Files.delete(Files.createTempFile(dir, ".probe", ".tmp"));
        } catch (IOException e) {
            throw new DataDirectoryException("cannot write in the data directory " + dir + ": "
                    + FileProblems.describe(e), e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // Closing the channel below releases it too.
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Nothing is written through it; there is nothing to lose.
        }
    }
}
