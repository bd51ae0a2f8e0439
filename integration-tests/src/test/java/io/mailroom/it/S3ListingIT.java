package io.mailroom.it;

import static io.mailroom.it.S3Clients.S3;
import static io.mailroom.it.S3Clients.createBucket;
import static io.mailroom.it.S3Clients.etag;
import static io.mailroom.it.S3Clients.s3Error;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.auth.AWSStaticCredentialsProvider;
import com.amazonaws.auth.BasicAWSCredentials;
import com.amazonaws.client.builder.AwsClientBuilder.EndpointConfiguration;
import com.amazonaws.services.s3.AmazonS3;
import com.amazonaws.services.s3.AmazonS3ClientBuilder;
import com.amazonaws.services.s3.iterable.S3Objects;
import com.amazonaws.services.s3.model.S3ObjectSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.EncodingType;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ListPartsResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * ListObjectsV2 and ListObjects (v1) through the AWS SDK for Java v2: prefixes, delimiters and common
 * prefixes, paging over more than one page of 1000 keys, StartAfter, markers and URL encoding.
 */
class S3ListingIT {
    private static final int MANY = 1050;
    private static String many;
    private static String tree;
    private static final List<String> TREE_KEYS = List.of("a.txt", "photos/2024/jan.jpg", "photos/2024/feb.jpg",
            "photos/2025/mar.jpg", "photos/readme.md", "notes/one.txt", "notes/two.txt", "z/a b+c.txt");

    @BeforeAll
    static void fill() throws Exception {
        tree = createBucket("s3l-tree");
        for (String k : TREE_KEYS) {
            S3.putObject(b -> b.bucket(tree).key(k), RequestBody.fromString("content of " + k));
        }
        many = createBucket("s3l-many");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> puts = new ArrayList<>();
            for (int i = 0; i < MANY; i++) {
                String key = manyKey(i);
                puts.add(pool.submit(() -> S3.putObject(b -> b.bucket(many).key(key), RequestBody.fromString(key))));
            }
            for (Future<?> f : puts) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static String manyKey(int i) {
        return String.format("item/%05d", i);
    }

    @Test
    void pagesOverMoreThanAThousandKeysWithThePaginator() {
        List<ListObjectsV2Response> pages = S3.listObjectsV2Paginator(b -> b.bucket(many)).stream().toList();
        assertThat(pages).hasSize(2);
        assertThat(pages.get(0).keyCount()).isEqualTo(1000);
        assertThat(pages.get(0).isTruncated()).isTrue();
        assertThat(pages.get(0).maxKeys()).isEqualTo(1000);
        assertThat(pages.get(0).nextContinuationToken()).isNotBlank();
        assertThat(pages.get(1).keyCount()).isEqualTo(MANY - 1000);
        assertThat(pages.get(1).isTruncated()).isFalse();
        assertThat(pages.get(1).continuationToken()).isEqualTo(pages.get(0).nextContinuationToken());
        assertThat(pages.get(1).nextContinuationToken()).isNull();

        List<String> keys = S3.listObjectsV2Paginator(b -> b.bucket(many).maxKeys(300)).contents().stream()
                .map(S3Object::key).toList();
        assertThat(keys).isEqualTo(IntStream.range(0, MANY).mapToObj(S3ListingIT::manyKey).toList());

        S3Object first = pages.get(0).contents().get(0);
        assertThat(first.key()).isEqualTo("item/00000");
        assertThat(first.eTag()).isEqualTo(etag("item/00000"));
        assertThat(first.size()).isEqualTo(10L);
        assertThat(first.storageClassAsString()).isEqualTo("STANDARD");
        assertThat(first.lastModified()).isNotNull();
        assertThat(first.owner()).as("Owner only with FetchOwner").isNull();
        assertThat(S3.listObjectsV2(b -> b.bucket(many).maxKeys(1).fetchOwner(true)).contents().get(0).owner().id()).isNotBlank();
    }

    @Test
    void startAfterAndMaxKeys() {
        ListObjectsV2Response after = S3.listObjectsV2(b -> b.bucket(many).startAfter("item/01045"));
        assertThat(after.contents()).extracting(S3Object::key)
                .containsExactly("item/01046", "item/01047", "item/01048", "item/01049");
        assertThat(after.startAfter()).isEqualTo("item/01045");
        assertThat(after.isTruncated()).isFalse();

        ListObjectsV2Response two = S3.listObjectsV2(b -> b.bucket(many).startAfter("item/00500").maxKeys(2));
        assertThat(two.contents()).extracting(S3Object::key).containsExactly("item/00501", "item/00502");
        assertThat(two.isTruncated()).isTrue();
        ListObjectsV2Response next = S3.listObjectsV2(b -> b.bucket(many).startAfter("item/00500").maxKeys(2)
                .continuationToken(two.nextContinuationToken()));
        assertThat(next.contents()).extracting(S3Object::key).containsExactly("item/00503", "item/00504");

        ListObjectsV2Response none = S3.listObjectsV2(b -> b.bucket(many).maxKeys(0));
        assertThat(none.contents()).isEmpty();
        assertThat(none.keyCount()).isZero();
    }

    @Test
    void prefixAndDelimiter() {
        ListObjectsV2Response top = S3.listObjectsV2(b -> b.bucket(tree).delimiter("/"));
        assertThat(top.contents()).extracting(S3Object::key).containsExactly("a.txt");
        assertThat(top.commonPrefixes()).extracting(CommonPrefix::prefix).containsExactly("notes/", "photos/", "z/");
        assertThat(top.keyCount()).isEqualTo(4);
        assertThat(top.delimiter()).isEqualTo("/");

        ListObjectsV2Response photos = S3.listObjectsV2(b -> b.bucket(tree).prefix("photos/").delimiter("/"));
        assertThat(photos.contents()).extracting(S3Object::key).containsExactly("photos/readme.md");
        assertThat(photos.commonPrefixes()).extracting(CommonPrefix::prefix).containsExactly("photos/2024/", "photos/2025/");
        assertThat(photos.prefix()).isEqualTo("photos/");

        ListObjectsV2Response flat = S3.listObjectsV2(b -> b.bucket(tree).prefix("photos/2024/"));
        assertThat(flat.contents()).extracting(S3Object::key).containsExactly("photos/2024/feb.jpg", "photos/2024/jan.jpg");
        assertThat(flat.commonPrefixes()).isEmpty();

        // Common prefixes count toward MaxKeys and page like keys.
        List<String> seen = new ArrayList<>();
        S3.listObjectsV2Paginator(b -> b.bucket(tree).delimiter("/").maxKeys(1)).forEach(p -> {
            assertThat(p.keyCount()).isEqualTo(1);
            p.contents().forEach(o -> seen.add(o.key()));
            p.commonPrefixes().forEach(c -> seen.add(c.prefix()));
        });
        assertThat(seen).containsExactly("a.txt", "notes/", "photos/", "z/");

        assertThat(S3.listObjectsV2(b -> b.bucket(tree).prefix("nothing/")).contents()).isEmpty();
    }

    @Test
    void urlEncodingType() {
        // The SDK decodes what it asked to be encoded: a '+' that the server did not encode would come back a space.
        ListObjectsV2Response encoded = S3.listObjectsV2(b -> b.bucket(tree).prefix("z/").encodingType(EncodingType.URL));
        assertThat(encoded.contents()).extracting(S3Object::key).containsExactly("z/a b+c.txt");
        assertThat(encoded.prefix()).isEqualTo("z/");
        assertThat(encoded.encodingType()).isEqualTo(EncodingType.URL);

        ListObjectsResponse v1 = S3.listObjects(b -> b.bucket(tree).prefix("z/").encodingType(EncodingType.URL));
        assertThat(v1.contents()).extracting(S3Object::key).containsExactly("z/a b+c.txt");

        // On the wire: form encoding, '/' kept.
        S3Clients.RawResponse raw = S3Clients.raw("GET", "127.0.0.1:" + TestServer.get().port(),
                "/" + tree + "?list-type=2&prefix=z%2F&encoding-type=url", new byte[0]);
        assertThat(raw.status()).isEqualTo(200);
        assertThat(raw.text()).contains("<Key>z/a+b%2Bc.txt</Key>").contains("<EncodingType>url</EncodingType>");
    }

    @Test
    void unknownEncodingTypeIsInvalidArgument() {
        s3Error("InvalidArgument", 400, () -> S3.listObjectsV2(b -> b.bucket(tree).encodingType("base64")));
        // S3 names the refused argument and its value beside the message.
        S3Clients.RawResponse raw = S3Clients.raw("GET", "127.0.0.1:" + TestServer.get().port(),
                "/" + tree + "?list-type=2&encoding-type=base64", new byte[0]);
        assertThat(raw.status()).isEqualTo(400);
        assertThat(raw.text()).contains("<Message>Invalid Encoding Method specified in Request</Message>"
                + "<ArgumentName>encoding-type</ArgumentName><ArgumentValue>base64</ArgumentValue>");
    }

    @Test
    void keysWithPercentSignsAreStoredListedAndReadAsGiven() {
        String bucket = createBucket("s3l-pct");
        List<String> keys = List.of("file%2Fname", "test%123", "test%percent", "a+b%2B c");
        for (String k : keys) {
            S3.putObject(b -> b.bucket(bucket).key(k), RequestBody.fromString("body of " + k));
        }
        assertThat(S3.listObjectsV2(b -> b.bucket(bucket)).contents()).extracting(S3Object::key)
                .containsExactly("a+b%2B c", "file%2Fname", "test%123", "test%percent");
        for (String k : keys) {
            assertThat(S3.getObjectAsBytes(b -> b.bucket(bucket).key(k)).asUtf8String()).isEqualTo("body of " + k);
        }
    }

    @Test
    void anEmptyDelimiterIsNoneAndStartAfterIsNotEchoedWithAToken() {
        ListObjectsV2Response flat = S3.listObjectsV2(b -> b.bucket(tree).delimiter("").prefix("photos/"));
        assertThat(flat.delimiter()).isNull();
        assertThat(flat.commonPrefixes()).isEmpty();
        assertThat(flat.contents()).hasSize(4);

        ListObjectsV2Response first = S3.listObjectsV2(b -> b.bucket(tree).startAfter("a.txt").maxKeys(1));
        assertThat(first.startAfter()).isEqualTo("a.txt");
        ListObjectsV2Response next = S3.listObjectsV2(b -> b.bucket(tree).startAfter("a.txt").maxKeys(1)
                .continuationToken(first.nextContinuationToken()));
        assertThat(next.contents()).extracting(S3Object::key).containsExactly("notes/two.txt");
        assertThat(next.startAfter()).isNull();
    }

    @Test
    void multipartUploadListingsMarkers() {
        String bucket = createBucket("s3l-uploads");
        String a = S3.createMultipartUpload(b -> b.bucket(bucket).key("a")).uploadId();
        String nested = S3.createMultipartUpload(b -> b.bucket(bucket).key("dir/x")).uploadId();
        ListMultipartUploadsResponse rolled = S3.listMultipartUploads(b -> b.bucket(bucket).delimiter("/")
                .prefix("dir").maxUploads(1));
        assertThat(rolled.commonPrefixes()).extracting(CommonPrefix::prefix).containsExactly("dir/");
        assertThat(rolled.nextKeyMarker()).isEmpty();
        assertThat(rolled.nextUploadIdMarker()).isEmpty();
        ListMultipartUploadsResponse all = S3.listMultipartUploads(b -> b.bucket(bucket));
        assertThat(all.prefix()).as("echoed only when asked").isNull();
        assertThat(all.nextKeyMarker()).isEqualTo("dir/x");
        assertThat(all.nextUploadIdMarker()).isEqualTo(nested);
        s3Error("InvalidArgument", 400, () -> S3.listMultipartUploads(b -> b.bucket(bucket).keyMarker("dir/x")
                .uploadIdMarker(a)));

        ListPartsResponse parts = S3.listParts(b -> b.bucket(bucket).key("a").uploadId(a));
        assertThat(parts.nextPartNumberMarker()).isZero();
        assertThat(parts.parts()).isEmpty();
    }

    @Test
    void listObjectsV1WithMarkers() {
        ListObjectsResponse first = S3.listObjects(b -> b.bucket(tree).maxKeys(3));
        assertThat(first.contents()).extracting(S3Object::key).containsExactly("a.txt", "notes/one.txt", "notes/two.txt");
        assertThat(first.isTruncated()).isTrue();
        assertThat(first.nextMarker()).as("NextMarker only with a delimiter").isNull();
        assertThat(first.marker()).isEmpty();
        assertThat(first.contents().get(0).owner()).as("v1 always lists owners").isNotNull();

        ListObjectsResponse second = S3.listObjects(b -> b.bucket(tree).maxKeys(3).marker("notes/two.txt"));
        assertThat(second.contents()).extracting(S3Object::key)
                .containsExactly("photos/2024/feb.jpg", "photos/2024/jan.jpg", "photos/2025/mar.jpg");
        assertThat(second.marker()).isEqualTo("notes/two.txt");

        ListObjectsResponse delimited = S3.listObjects(b -> b.bucket(tree).delimiter("/").maxKeys(2));
        assertThat(delimited.contents()).extracting(S3Object::key).containsExactly("a.txt");
        assertThat(delimited.commonPrefixes()).extracting(CommonPrefix::prefix).containsExactly("notes/");
        assertThat(delimited.isTruncated()).isTrue();
        assertThat(delimited.nextMarker()).isEqualTo("notes/");
        ListObjectsResponse rest = S3.listObjects(b -> b.bucket(tree).delimiter("/").marker(delimited.nextMarker()));
        assertThat(rest.commonPrefixes()).extracting(CommonPrefix::prefix).containsExactly("photos/", "z/");
        assertThat(rest.contents()).isEmpty();
        assertThat(rest.isTruncated()).isFalse();

        // v1 over the big bucket, marker by marker.
        int total = 0;
        String marker = null;
        while (true) {
            String m = marker;
            ListObjectsResponse page = S3.listObjects(b -> b.bucket(many).marker(m));
            total += page.contents().size();
            if (!page.isTruncated()) {
                break;
            }
            marker = page.contents().get(page.contents().size() - 1).key();
        }
        assertThat(total).isEqualTo(MANY);
    }

    /**
     * The SDK for Java v1 reads listings in document order and gives each object summary the bucket Name read
     * before it: S3 writes the listing's header before Contents, and so must Mailroom (the usual clean-up loop
     * below failed with "The bucket name must be specified" when Name came last, as in the model).
     */
    @Test
    void theSdkForJavaV1KnowsEachListedObjectsBucket() {
        AmazonS3 v1 = AmazonS3ClientBuilder.standard()
                .withEndpointConfiguration(new EndpointConfiguration(TestServer.endpoint().toString(), "us-east-1"))
                .withCredentials(new AWSStaticCredentialsProvider(new BasicAWSCredentials("test", "test")))
                .withPathStyleAccessEnabled(true)
                .build();
        String bucket = createBucket("s3l-v1");
        for (String key : List.of("a", "b/c", "d")) {
            v1.putObject(bucket, key, "content of " + key);
        }
        assertThat(v1.listObjects(bucket).getObjectSummaries()).extracting(S3ObjectSummary::getBucketName)
                .containsOnly(bucket).hasSize(3);
        assertThat(v1.listObjectsV2(bucket).getObjectSummaries()).extracting(S3ObjectSummary::getBucketName)
                .containsOnly(bucket).hasSize(3);
        for (S3ObjectSummary summary : S3Objects.inBucket(v1, bucket)) {
            v1.deleteObject(summary.getBucketName(), summary.getKey());
        }
        assertThat(S3.listObjectsV2(b -> b.bucket(bucket)).contents()).isEmpty();
        v1.shutdown();
    }
}
