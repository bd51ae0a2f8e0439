package io.mailroom.s3.persistence;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.mailroom.core.service.DirectorySync;
import io.mailroom.core.service.FileProblems;
import io.mailroom.s3.bucket.Bucket;
import io.mailroom.s3.bucket.BucketLocation;
import io.mailroom.s3.bucket.BucketName;
import io.mailroom.s3.bucket.Owner;
import io.mailroom.s3.multipart.Part;
import io.mailroom.s3.multipart.Upload;
import io.mailroom.s3.notification.NotificationConfiguration;
import io.mailroom.s3.object.ETag;
import io.mailroom.s3.object.StoredObject;
import io.mailroom.s3.tag.TagSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * S3's state on disk: {@code <dataDir>/s3/<account>/<region>/<bucket>/bucket.json} (the manifest) and
 * {@code .../objects/<n>} (each object's bytes as stored, so they can be looked at with ordinary tools;
 * keys may hold any character, so files are numbered and the manifest maps keys to them), and
 * {@code .../uploads/<n>}, the parts of multipart uploads in progress.
 * <p>
 * A save writes a complete new tree to {@code s3.saving}, then swaps it in with two renames, keeping the
 * old tree as {@code s3.previous} until the new one is in place: a crash at any point leaves one complete
 * tree that {@link #read} finds.
 */
public final class SnapshotDirectory {
    private static final ObjectMapper JSON = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .enable(SerializationFeature.INDENT_OUTPUT);
    private static final String MANIFEST = "bucket.json";

    private SnapshotDirectory() {
    }

    public static Path in(Path dataDir) {
        return dataDir.resolve("s3");
    }

    private static Path saving(Path dataDir) {
        return dataDir.resolve("s3.saving");
    }

    private static Path previous(Path dataDir) {
        return dataDir.resolve("s3.previous");
    }

    /** @return the number of objects written */
    public static int write(Path dataDir, List<Bucket> buckets) {
        Path target = in(dataDir);
        Path saving = saving(dataDir);
        Path previous = previous(dataDir);
        try {
            deleteTree(saving);
            int count = 0;
            for (Bucket b : buckets) {
                count += writeBucket(saving.resolve(b.owner().accountId()).resolve(b.region()).resolve(b.name()), b);
            }
            Files.createDirectories(saving);
            syncDirectories(saving);
            if (Files.exists(target)) {
                deleteTree(previous);
                Files.move(target, previous, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(saving, target, StandardCopyOption.ATOMIC_MOVE);
            DirectorySync.sync(dataDir);
            deleteTree(previous);
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write S3 state to " + target + ": " + FileProblems.describe(e), e);
        }
    }

    /** Every directory of the new tree, so the names of its synced files survive a power loss too. */
    private static void syncDirectories(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.filter(Files::isDirectory).forEach(DirectorySync::sync);
        }
    }

    private static int writeBucket(Path dir, Bucket b) throws IOException {
        Path objectsDir = dir.resolve("objects");
        Files.createDirectories(objectsDir);
        List<ObjectSnapshot> objects = new ArrayList<>();
        int n = 0;
        for (StoredObject o : b.objects().values()) {
            String file = "objects/" + (n++);
            writeDurably(dir.resolve(file), o.body());
            objects.add(ObjectSnapshot.of(o, file));
        }
        List<Upload> inProgress = b.uploads().sorted();
        if (!inProgress.isEmpty()) {
            Files.createDirectories(dir.resolve("uploads"));
        }
        List<UploadSnapshot> uploads = new ArrayList<>();
        int p = 0;
        for (Upload u : inProgress) {
            List<PartSnapshot> parts = new ArrayList<>();
            for (Part part : u.parts().values()) {
                String file = "uploads/" + (p++);
                writeDurably(dir.resolve(file), part.body());
                parts.add(PartSnapshot.of(part, file));
            }
            uploads.add(UploadSnapshot.of(u, parts));
        }
        writeDurably(dir.resolve(MANIFEST), JSON.writeValueAsBytes(BucketSnapshot.of(b, objects, uploads)));
        return objects.size();
    }

    private static void writeDurably(Path file, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    /** Whether a saved state exists (complete, or the previous one left by a save that did not finish). */
    public static Path existing(Path dataDir) {
        if (Files.isDirectory(in(dataDir))) {
            return in(dataDir);
        }
        return Files.isDirectory(previous(dataDir)) ? previous(dataDir) : null;
    }

    /** The buckets under {@code root}; fails naming the file that cannot be read or makes no sense. */
    public static List<Bucket> read(Path root) {
        List<Path> manifests = new ArrayList<>();
        try {
            for (Path bucketDir : bucketDirectories(root)) {
                Path manifest = bucketDir.resolve(MANIFEST);
                if (!Files.isRegularFile(manifest)) {
                    // Skipping it would start without the bucket and delete its objects at the next save.
                    throw new IllegalArgumentException(bucketDir + " is a bucket's directory without its "
                            + MANIFEST);
                }
                manifests.add(manifest);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(FileProblems.describe(e), e);
        }
        List<Bucket> buckets = new ArrayList<>();
        for (Path manifest : manifests) {
            try {
                buckets.add(readBucket(manifest));
            } catch (RuntimeException | IOException e) {
                String what = e instanceof JsonProcessingException j
                        ? FileProblems.withoutParserSource(j.getOriginalMessage())
                        : e instanceof IOException io ? FileProblems.describe(io) : e.getMessage();
                throw new IllegalArgumentException(manifest + ": " + what, e);
            }
        }
        return buckets;
    }

    /**
     * Every {@code <account>/<region>/<bucket>} directory, found by position rather than by searching for
     * manifests: a bucket may be named {@code bucket.json} itself, and its objects' files are not manifests.
     */
    private static List<Path> bucketDirectories(Path root) throws IOException {
        List<Path> buckets = new ArrayList<>();
        for (Path account : subdirectories(root)) {
            for (Path region : subdirectories(account)) {
                buckets.addAll(subdirectories(region));
            }
        }
        return buckets;
    }

    private static List<Path> subdirectories(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isDirectory).sorted().toList();
        }
    }

    private static Bucket readBucket(Path manifest) throws IOException {
        BucketSnapshot s = JSON.readValue(manifest.toFile(), BucketSnapshot.class);
        if (s == null) {
            throw new IllegalArgumentException("the file is empty");
        }
        BucketName.validate(s.name());
        Bucket bucket = new Bucket(s.name(), new Owner(s.accountId()),
                new BucketLocation(s.region(), s.locationConstraint()), s.createdAt());
        Path dir = manifest.getParent();
        for (ObjectSnapshot o : s.objects()) {
            Path file = within(dir, o.file(), "object " + o.key());
            byte[] body = Files.readAllBytes(file);
            StoredObject object = o.toObject(body);
            if (!ETag.of(body, object.partSizes()).equals(o.etag())) {
                throw new IllegalArgumentException("object " + o.key() + ": " + file + " no longer matches its ETag "
                        + o.etag());
            }
            bucket.objects().put(o.key(), object);
        }
        for (UploadSnapshot u : s.uploads()) {
            List<Part> parts = new ArrayList<>();
            for (PartSnapshot p : u.parts()) {
                parts.add(p.toPart(Files.readAllBytes(within(dir, p.file(), "upload " + u.uploadId()))));
            }
            bucket.uploads().add(u.toUpload(parts));
        }
        bucket.notifications(new NotificationConfiguration(s.rules()));
        bucket.policy(s.policy());
        bucket.tags(new TagSet(s.tags()));
        bucket.encryption(s.encryption());
        bucket.ownership(s.ownership());
        bucket.acl(s.acl());
        bucket.cors(s.corsConfiguration());
        bucket.lifecycle(s.lifecycleConfiguration());
        return bucket;
    }

    private static Path within(Path dir, String name, String what) {
        Path file = dir.resolve(name).normalize();
        if (!file.startsWith(dir)) {
            throw new IllegalArgumentException(what + " points outside its bucket: " + name);
        }
        return file;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
