package io.mailroom.sqs.persistence;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mailroom.core.service.DirectorySync;
import io.mailroom.core.service.FileProblems;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Reads and writes {@code <dataDir>/sqs/state.json}. */
public final class SnapshotFile {
    private static final ObjectMapper JSON = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            // The stream is ours to flush and sync before the rename.
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private SnapshotFile() {
    }

    public static Path in(Path dataDir) {
        return dataDir.resolve("sqs").resolve("state.json");
    }

    /**
     * Writes to a temporary file next to {@code file}, syncs it and renames it over {@code file}: a crash
     * at any point leaves either the previous snapshot or the new one, never a torn file.
     */
    public static void write(Path file, SqsSnapshot snapshot) {
        Path temp = null;
        try {
            Files.createDirectories(file.getParent());
            temp = Files.createTempFile(file.getParent(), file.getFileName() + ".", ".tmp");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
                JSON.writeValue(out, snapshot);
                out.flush();
                channel.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temp = null;
            DirectorySync.sync(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write SQS state to " + file + ": " + FileProblems.describe(e), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // The failure that brought us here is the one to report.
                }
            }
        }
    }

    /**
     * Deletes the temporary files a save killed before its rename left next to {@code file}. Only at start,
     * with the data directory locked, so no save of another server can be writing one.
     */
    public static void removeLeftovers(Path file) {
        Path dir = file.getParent();
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(dir, file.getFileName() + ".*.tmp")) {
            for (Path temp : temps) {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove what an interrupted save left in " + dir + ": "
                    + FileProblems.describe(e), e);
        }
    }

    /** The snapshot in {@code file}; throws (any RuntimeException) when it cannot be read or makes no sense. */
    public static SqsSnapshot read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            SqsSnapshot snapshot = JSON.readValue(in, SqsSnapshot.class);
            if (snapshot == null) {
                throw new IllegalArgumentException("the file is empty");
            }
            return snapshot;
        } catch (JsonProcessingException e) {
            // Jackson's own message names a redacted source; the line and the problem are what helps.
            Throwable problem = e.getCause() != null ? e.getCause() : e;
            String what = FileProblems.withoutParserSource(
                    problem instanceof JsonProcessingException j ? j.getOriginalMessage() : problem.getMessage());
            JsonLocation at = e.getLocation();
            throw new IllegalArgumentException(at == null ? what
                    : what + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException(FileProblems.describe(e), e);
        }
    }
}
