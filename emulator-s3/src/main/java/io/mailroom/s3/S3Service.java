package io.mailroom.s3;

import io.mailroom.core.delivery.ObjectSink;
import io.mailroom.core.delivery.QueueSink;
import io.mailroom.core.delivery.TopicPublisher;
import io.mailroom.core.model.OperationModel;
import io.mailroom.core.service.AwsService;
import io.mailroom.core.service.EnumPolicy;
import io.mailroom.core.service.OperationTable;
import io.mailroom.core.service.FileProblems;
import io.mailroom.core.service.Persistent;
import io.mailroom.core.service.ServiceDescriptor;
import io.mailroom.core.service.ValidationErrors;
import io.mailroom.core.time.Clock;
import io.mailroom.core.time.Scheduler;
import io.mailroom.s3.api.AclOperations;
import io.mailroom.s3.api.AttributesOperations;
import io.mailroom.s3.api.BucketOperations;
import io.mailroom.s3.api.BucketSettingsOperations;
import io.mailroom.s3.api.CorsOperations;
import io.mailroom.s3.api.LifecycleOperations;
import io.mailroom.s3.api.ListingOperations;
import io.mailroom.s3.api.MultipartOperations;
import io.mailroom.s3.api.NotificationOperations;
import io.mailroom.s3.api.ObjectOperations;
import io.mailroom.s3.api.PostObjectOperations;
import io.mailroom.s3.api.RestoreOperations;
import io.mailroom.s3.api.TaggingOperations;
import io.mailroom.s3.bucket.Bucket;
import io.mailroom.s3.bucket.BucketRegistry;
import io.mailroom.s3.lifecycle.Lifecycle;
import io.mailroom.s3.notification.DestinationPorts;
import io.mailroom.s3.notification.EventTypes;
import io.mailroom.s3.notification.NotificationTree;
import io.mailroom.s3.notification.Notifier;
import io.mailroom.s3.notification.Sequencer;
import io.mailroom.s3.persistence.SnapshotDirectory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Amazon S3, the subset a mail emulator needs and the SDKs' and CLI's everyday commands use: buckets
 * with their policies, tags, default encryption, CORS and lifecycle configurations, archived objects and their
 * restores,
 * objects with metadata, tags, ranges and conditions, multipart uploads, listings, copies and event
 * notifications to this server's queues and topics. Every other operation of the model answers NotImplemented.
 * <p>
 * The front end and this service exchange, beyond model members: request and response bodies of
 * GetObject/PutObject as binary nodes under {@code Body}; and {@code __status} (see
 * {@link io.mailroom.s3.api.Output#STATUS}) for 206 and 304, which the model cannot express.
 */
public final class S3Service implements AwsService, Persistent {
    public static final String MODEL = "/io/mailroom/s3/s3-2006-03-01.json";
    private static final Logger LOG = LoggerFactory.getLogger(S3Service.class);

    private final ServiceDescriptor descriptor;
    private final BucketRegistry registry = new BucketRegistry();
    private final OperationTable operations;
    private final ObjectSink objectSink;
    private final RestoreOperations restores;
    private final Lifecycle lifecycle;

    /**
     * What the front end needs to route to S3, known before any instance exists. S3 answers bad input with
     * InvalidArgument, and judges some enums itself: filter rule names in any case ("Prefix" as the SDK
     * sends it), location constraints with InvalidLocationConstraint, listings' encoding types with an
     * InvalidArgument that names the argument, notification event types with "The event is not supported for
     * notifications", and checksum modes in any case (the CRT-based client sends {@code enabled}, the model
     * spells it {@code ENABLED}, and S3 takes both).
     */
    public static final ServiceDescriptor DESCRIPTOR = new ServiceDescriptor("s3", Optional.of(S3Model.MODEL),
            Optional.empty(), null, S3Errors.BY_SHAPE, ValidationErrors.both(S3Errors.INVALID_ARGUMENT), Map.of(
            "FilterRuleName", new EnumPolicy.Open(),
            "Event", new EnumPolicy.Open(),
            "BucketLocationConstraint", new EnumPolicy.Open(),
            "EncodingType", new EnumPolicy.Open(),
            "ChecksumMode", new EnumPolicy.Open()));

    /**
     * @param queues    where queue notifications go (SQS), or null when the server has no SQS
     * @param topics    where topic notifications go (SNS), or null when the server has no SNS
     * @param scheduler raises the events of restores when their copies are ready and when they expire
     */
    public S3Service(Clock clock, Scheduler scheduler, QueueSink queues, TopicPublisher topics) {
        this.descriptor = DESCRIPTOR;
        Notifier notifier = new Notifier(new DestinationPorts(queues, topics), new Sequencer(clock));
        this.lifecycle = new Lifecycle(registry, clock, scheduler, notifier);
        BucketOperations buckets = new BucketOperations(registry, clock);
        ObjectOperations objects = new ObjectOperations(registry, clock, notifier, lifecycle);
        PostObjectOperations posts = new PostObjectOperations(registry, clock, objects);
        ListingOperations listings = new ListingOperations(registry, clock);
        MultipartOperations multipart = new MultipartOperations(registry, clock, notifier, lifecycle);
        TaggingOperations tagging = new TaggingOperations(registry, clock, notifier, lifecycle);
        BucketSettingsOperations settings = new BucketSettingsOperations(registry);
        AclOperations acls = new AclOperations(registry, clock, notifier);
        AttributesOperations attributes = new AttributesOperations(registry);
        CorsOperations cors = new CorsOperations(registry);
        this.restores = new RestoreOperations(registry, clock, scheduler, notifier);
        LifecycleOperations lifecycles = new LifecycleOperations(registry, lifecycle);
        NotificationOperations notifications = new NotificationOperations(registry, clock, notifier,
                new NotificationTree(new EventTypes(S3Model.MODEL.shape("Event").enumValues())));
        this.objectSink = new S3ObjectSink(registry, objects);
        OperationTable.Builder table = OperationTable.builder()
                .sync("AbortMultipartUpload", multipart::abortMultipartUpload)
                .sync("CompleteMultipartUpload", multipart::completeMultipartUpload)
                .sync("CopyObject", objects::copyObject)
                .sync("CreateBucket", buckets::createBucket)
                .sync("CreateMultipartUpload", multipart::createMultipartUpload)
                .sync("DeleteBucket", buckets::deleteBucket)
                .sync("DeleteBucketCors", cors::deleteBucketCors)
                .sync("DeleteBucketLifecycle", lifecycles::deleteBucketLifecycle)
                .sync("DeleteBucketEncryption", settings::deleteBucketEncryption)
                .sync("DeleteBucketOwnershipControls", settings::deleteBucketOwnershipControls)
                .sync("DeleteBucketPolicy", settings::deleteBucketPolicy)
                .sync("DeleteBucketTagging", settings::deleteBucketTagging)
                .sync("DeleteObject", objects::deleteObject)
                .sync("DeleteObjectTagging", tagging::deleteObjectTagging)
                .sync("DeleteObjects", objects::deleteObjects)
                .sync("GetBucketLocation", buckets::getBucketLocation)
                .sync("GetBucketNotificationConfiguration", notifications::getBucketNotificationConfiguration)
                .sync("GetBucketAcl", acls::getBucketAcl)
                .sync("GetBucketCors", cors::getBucketCors)
                .sync("GetBucketLifecycleConfiguration", lifecycles::getBucketLifecycleConfiguration)
                .sync("GetBucketEncryption", settings::getBucketEncryption)
                .sync("GetBucketOwnershipControls", settings::getBucketOwnershipControls)
                .sync("GetBucketPolicy", settings::getBucketPolicy)
                .sync("GetBucketTagging", settings::getBucketTagging)
                .sync("GetBucketVersioning", settings::getBucketVersioning)
                .sync("GetObject", objects::getObject)
                .sync("GetObjectAcl", acls::getObjectAcl)
                .sync("GetObjectAttributes", attributes::getObjectAttributes)
                .sync("GetObjectTagging", tagging::getObjectTagging)
                .sync("HeadBucket", buckets::headBucket)
                .sync("HeadObject", objects::headObject)
                .sync("ListBuckets", buckets::listBuckets)
                .sync("ListMultipartUploads", multipart::listMultipartUploads)
                .sync("ListObjects", listings::listObjects)
                .sync("ListObjectsV2", listings::listObjectsV2)
                .sync("ListParts", multipart::listParts)
                .sync("PutBucketNotificationConfiguration", notifications::putBucketNotificationConfiguration)
                .sync("PutBucketAcl", acls::putBucketAcl)
                .sync("PutBucketCors", cors::putBucketCors)
                .sync("PutBucketLifecycleConfiguration", lifecycles::putBucketLifecycleConfiguration)
                .sync("PutBucketEncryption", settings::putBucketEncryption)
                .sync("PutBucketOwnershipControls", settings::putBucketOwnershipControls)
                .sync("PutBucketPolicy", settings::putBucketPolicy)
                .sync("PutBucketTagging", settings::putBucketTagging)
                .sync("PutObject", objects::putObject)
                // Outside the SDK model (an HTML form's upload), so the front end calls it by this name itself.
                .sync("PostObject", posts::postObject)
                // Outside the model too: a browser's preflight, and the CORS headers of other requests.
                .sync(CorsOperations.OPTIONS_OBJECT, cors::optionsObject)
                .sync(CorsOperations.CROSS_ORIGIN_HEADERS, cors::crossOriginHeaders)
                .sync("PutObjectAcl", acls::putObjectAcl)
                .sync("PutObjectTagging", tagging::putObjectTagging)
                .sync("RestoreObject", this.restores::restoreObject)
                .sync("UploadPart", multipart::uploadPart)
                .sync("UploadPartCopy", multipart::uploadPartCopy);
        // The object store is the small part of S3 that SES and S3 events need; every other operation of the
        // model answers NotImplemented, named, rather than being listed here one by one.
        Set<String> implemented = table.build().all().keySet();
        for (OperationModel op : S3Model.MODEL.operations().values()) {
            if (!implemented.contains(op.name())) {
                table.unsupported(op.name(), "Mailroom's S3 does not emulate " + op.name());
            }
        }
        this.operations = table.build();
    }

    /** How other services (SES) store objects in this server's buckets. */
    public ObjectSink objectSink() {
        return objectSink;
    }

    /** Every bucket of every account, by name (for the dashboard and tests). */
    public List<Bucket> buckets() {
        return registry.all();
    }

    /** The bucket of this name, whichever account owns it; a read that changes nothing (for the dashboard). */
    public Optional<Bucket> bucket(String name) {
        return registry.find(name);
    }

    @Override
    public ServiceDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public OperationTable operations() {
        return operations;
    }

    @Override
    public void reset() {
        registry.clear();
    }

    /** Writes {@code <dataDir>/s3/...}; called once the server stopped taking requests. */
    @Override
    public void save(Path dataDir) {
        List<Bucket> buckets = registry.all();
        int objects = SnapshotDirectory.write(dataDir, buckets);
        LOG.info("Saved {} buckets and {} objects to {}", buckets.size(), objects, SnapshotDirectory.in(dataDir));
    }

    /** Reads back what {@link #save} wrote, if anything; refuses to start from a tree it cannot read. */
    @Override
    public void load(Path dataDir) {
        Path root = SnapshotDirectory.existing(dataDir);
        if (root == null) {
            return;
        }
        List<Bucket> buckets;
        try {
            buckets = SnapshotDirectory.read(root);
            if (buckets.stream().map(Bucket::name).distinct().count() != buckets.size()) {
                throw new IllegalArgumentException("a bucket is saved more than once");
            }
        } catch (RuntimeException e) {
            // Starting empty would throw the saved objects away at the next stop: better not start at all.
            throw new IllegalStateException("cannot restore S3 state from " + root + ": " + e.getMessage()
                    + (FileProblems.isAccess(e) ? " (let the server's user read and write it" : " (repair it")
                    + ", or move it away to start with no buckets)", e);
        }
        registry.clear();
        buckets.forEach(registry::putIfAbsent);
        buckets.forEach(restores::resume);
        buckets.forEach(lifecycle::configured);
        LOG.info("Restored {} buckets from {}", buckets.size(), root);
    }
}
