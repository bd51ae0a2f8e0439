package io.mailroom.core.service;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Makes a directory's entries durable: a file synced and then renamed into place survives a power loss
 * only once the directory that names it is synced too. Linux allows this through a read-only channel on
 * the directory; platforms that refuse (Windows) keep their own guarantees, so a refusal is ignored.
 */
public final class DirectorySync {
    private DirectorySync() {
    }

    public static void sync(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException ignored) {
            // Not possible on this platform: the rename is as durable as the platform makes it.
        }
    }
}
