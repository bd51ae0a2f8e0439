package io.mailroom.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data directory is checked and held before anything is loaded, and let go only after the save. */
class DataDirectoryTest {
    @TempDir
    Path temp;

    private static Mailroom start(Path dataDir) {
        return Mailroom.start(ServerConfig.defaults().withPort(0).withSmtpPort(0).withDataDir(dataDir));
    }

    @Test
    void aSecondServerOnTheSameDirectoryRefusesToStartUntilTheFirstStops() {
        Path dir = temp.resolve("data");
        try (Mailroom first = start(dir)) {
            assertThatThrownBy(() -> start(dir)).isInstanceOf(DataDirectoryException.class)
                    .hasMessage("another Mailroom is using " + dir + " (stop it, or give this one another --data-dir)");
        }
        try (Mailroom again = start(dir)) {
            assertThat(again.port()).isPositive();
        }
    }

    @Test
    void aMissingDirectoryIsCreated() {
        Path dir = temp.resolve("not/yet");
        try (Mailroom server = start(dir)) {
            assertThat(dir).isDirectory();
        }
        assertThat(dir.resolve("sqs/state.json")).isRegularFile();
    }

    @Test
    void aRegularFileIsRefusedAtStart() throws IOException {
        Path file = Files.writeString(temp.resolve("data"), "not a directory");
        assertThatThrownBy(() -> start(file)).isInstanceOf(DataDirectoryException.class)
                .hasMessage("the data directory " + file + " is a file, not a directory");
        assertThat(file).hasContent("not a directory");
    }

    @Test
    void aDirectoryUnderARegularFileIsRefusedAtStart() throws IOException {
        Path file = Files.writeString(temp.resolve("data"), "not a directory");
        Path dir = file.resolve("inside");
        assertThatThrownBy(() -> start(dir)).isInstanceOf(DataDirectoryException.class)
                .hasMessageStartingWith("cannot create the data directory " + dir + ": ");
    }

    @Test
    void aFailedSqsSaveStillSavesS3AndLetsTheDirectoryGo() throws IOException {
        Path dir = temp.resolve("data");
        Mailroom server = start(dir);
        // A file where the SQS snapshot's directory belongs: its save fails.
        Files.writeString(dir.resolve("sqs"), "in the way");
        server.close();

        assertThat(dir.resolve("s3")).isDirectory();
        try (Mailroom again = start(dir)) {
            assertThat(again.port()).isPositive();
        }
    }

    @Test
    void anUnreadableSnapshotStopsTheStartWithOneLineNamingTheFileAndLetsTheDirectoryGo() throws IOException {
        Path dir = temp.resolve("data");
        Path file = dir.resolve("sqs/state.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"format\": 1, \"queues\": [");
        assertThatThrownBy(() -> start(dir)).isInstanceOf(DataDirectoryException.class)
                .hasMessageStartingWith("cannot restore SQS state from " + file + ": ")
                .hasMessageEndingWith("(repair the file, or move it away to start with no queues)")
                .hasMessageNotContaining("\n").hasMessageNotContaining("Source");
        Files.delete(file);
        try (Mailroom again = start(dir)) {
            assertThat(again.port()).isPositive();
        }
    }

    @Test
    void aSnapshotThatCannotBeReadAsAFileNamesTheCause() throws IOException {
        Path dir = temp.resolve("data");
        // A directory where the file belongs: it exists but cannot be read as a file.
        Files.createDirectories(dir.resolve("sqs/state.json"));
        assertThatThrownBy(() -> start(dir)).isInstanceOf(DataDirectoryException.class)
                .hasMessageContaining("state.json: Is a directory (");
    }
}
