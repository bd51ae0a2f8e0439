package io.mailroom.it;

import static io.mailroom.it.S3Clients.S3;
import static io.mailroom.it.S3Clients.bucketName;
import static io.mailroom.it.S3Clients.createBucket;
import static io.mailroom.it.S3Clients.s3Error;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.BucketAlreadyExistsException;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.CreateBucketResponse;
import software.amazon.awssdk.services.s3.model.GetBucketVersioningResponse;
import software.amazon.awssdk.services.s3.model.HeadBucketResponse;
import software.amazon.awssdk.services.s3.model.ListBucketsResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Buckets through the AWS SDK for Java v2: CreateBucket with its location rules and the us-east-1
 * re-create quirk, DeleteBucket, ListBuckets, HeadBucket, GetBucketLocation, an operation the server does
 * not emulate, and virtual-hosted-style addressing.
 */
class S3BucketsIT {
    private static final S3Client OTHER_ACCOUNT = S3Clients.s3(TestServer.credentialsFor("111122223333"), Region.US_EAST_1);
    private static final S3Client EU = S3Clients.s3(TestServer.credentials(), Region.EU_WEST_1);

    @AfterAll
    static void close() {
        OTHER_ACCOUNT.close();
        EU.close();
    }

    @Test
    void createInUsEast1ListHeadLocateAndDelete() {
        String name = bucketName("s3b-life");
        CreateBucketResponse created = S3.createBucket(b -> b.bucket(name));
        assertThat(created.location()).isEqualTo("/" + name);

        ListBucketsResponse all = S3.listBuckets();
        assertThat(all.buckets()).extracting(Bucket::name).contains(name);
        Bucket listed = all.buckets().stream().filter(b -> b.name().equals(name)).findFirst().orElseThrow();
        assertThat(listed.creationDate()).isNotNull();
        assertThat(listed.bucketRegion()).as("BucketRegion only when the request filters").isNull();
        assertThat(all.owner().id()).isNotBlank();

        HeadBucketResponse head = S3.headBucket(b -> b.bucket(name));
        assertThat(head.bucketRegion()).isEqualTo("us-east-1");
        assertThat(head.sdkHttpResponse().statusCode()).isEqualTo(200);

        // us-east-1 has no location constraint: the element is empty.
        assertThat(S3.getBucketLocation(b -> b.bucket(name)).locationConstraintAsString()).isNullOrEmpty();

        S3.deleteBucket(b -> b.bucket(name));
        assertThat(S3.listBuckets().buckets()).extracting(Bucket::name).doesNotContain(name);
        NoSuchBucketException missing = s3Error(NoSuchBucketException.class, null, 404, () -> S3.headBucket(b -> b.bucket(name)));
        assertThat(missing.awsErrorDetails().sdkHttpResponse().statusCode()).isEqualTo(404);
        s3Error(NoSuchBucketException.class, "NoSuchBucket", 404, () -> S3.deleteBucket(b -> b.bucket(name)));
        s3Error(NoSuchBucketException.class, "NoSuchBucket", 404, () -> S3.getBucketLocation(b -> b.bucket(name)));
        s3Error(NoSuchBucketException.class, "NoSuchBucket", 404, () -> S3.listObjectsV2(b -> b.bucket(name)));
    }

    @Test
    void locationConstraintRules() {
        // From the us-east-1 endpoint a constraint places the bucket in that region.
        String dublin = bucketName("s3b-eu");
        S3.createBucket(b -> b.bucket(dublin).createBucketConfiguration(c -> c.locationConstraint(BucketLocationConstraint.EU_WEST_1)));
        assertThat(S3.headBucket(b -> b.bucket(dublin)).bucketRegion()).isEqualTo("eu-west-1");


        // A regional endpoint takes only its own region.
        s3Error("IllegalLocationConstraintException", 400, () -> EU.createBucket(b -> b.bucket(bucketName("s3b-mismatch"))
                .createBucketConfiguration(c -> c.locationConstraint(BucketLocationConstraint.US_WEST_2))));
        String regional = bucketName("s3b-eu-regional");
        EU.createBucket(b -> b.bucket(regional).createBucketConfiguration(c -> c.locationConstraint(BucketLocationConstraint.EU_WEST_1)));
        assertThat(EU.headBucket(b -> b.bucket(regional)).bucketRegion()).isEqualTo("eu-west-1");

        // ListBuckets filtered by region reports each bucket's region.
        ListBucketsResponse inEu = S3.listBuckets(b -> b.bucketRegion("eu-west-1").prefix("s3b-eu"));
        assertThat(inEu.buckets()).extracting(Bucket::name).contains(dublin, regional);
        assertThat(inEu.buckets()).extracting(Bucket::bucketRegion).containsOnly("eu-west-1");
        assertThat(inEu.prefix()).isEqualTo("s3b-eu");
    }

    @Test
    void unknownLocationConstraint() {
        // An explicit us-east-1 (not in the model's enum either) is refused from the us-east-1 endpoint.
        s3Error("InvalidLocationConstraint", 400, () -> S3.createBucket(b -> b.bucket(bucketName("s3b-use1"))
                .createBucketConfiguration(c -> c.locationConstraint("us-east-1"))));
        s3Error("InvalidLocationConstraint", 400, () -> S3.createBucket(b -> b.bucket(bucketName("s3b-nowhere"))
                .createBucketConfiguration(c -> c.locationConstraint("not-a-region"))));
    }

    @Test
    void recreatingABucket() {
        // us-east-1 answers 200 when you re-create your own us-east-1 bucket (legacy behaviour)...
        String mine = createBucket("s3b-again");
        assertThat(S3.createBucket(b -> b.bucket(mine)).sdkHttpResponse().statusCode()).isEqualTo(200);
        // ...everywhere else it is BucketAlreadyOwnedByYou.
        String euBucket = bucketName("s3b-again-eu");
        EU.createBucket(b -> b.bucket(euBucket).createBucketConfiguration(c -> c.locationConstraint(BucketLocationConstraint.EU_WEST_1)));
        s3Error(BucketAlreadyOwnedByYouException.class, "BucketAlreadyOwnedByYou", 409,
                () -> EU.createBucket(b -> b.bucket(euBucket).createBucketConfiguration(c -> c.locationConstraint(BucketLocationConstraint.EU_WEST_1))));
        // A name another account holds is BucketAlreadyExists, and that account cannot see or delete it.
        s3Error(BucketAlreadyExistsException.class, "BucketAlreadyExists", 409, () -> OTHER_ACCOUNT.createBucket(b -> b.bucket(mine)));
        assertThat(OTHER_ACCOUNT.listBuckets().buckets()).extracting(Bucket::name).doesNotContain(mine);
    }

    @Test
    void deletingANonEmptyBucketIsRefused() {
        String name = createBucket("s3b-full");
        S3.putObject(b -> b.bucket(name).key("keep"), RequestBody.fromString("x"));
        s3Error("BucketNotEmpty", 409, () -> S3.deleteBucket(b -> b.bucket(name)));
        S3.deleteObject(b -> b.bucket(name).key("keep"));
        S3.deleteBucket(b -> b.bucket(name));
        assertThat(S3.listBuckets().buckets()).extracting(Bucket::name).doesNotContain(name);
    }

    @Test
    void listBucketsPagesWithMaxBuckets() {
        String prefix = bucketName("s3b-page");
        for (int i = 0; i < 3; i++) {
            String name = prefix + "-" + i;
            S3.createBucket(b -> b.bucket(name));
        }
        List<String> names = S3.listBucketsPaginator(b -> b.prefix(prefix).maxBuckets(2)).buckets().stream()
                .map(Bucket::name).toList();
        assertThat(names).containsExactly(prefix + "-0", prefix + "-1", prefix + "-2");
        ListBucketsResponse first = S3.listBuckets(b -> b.prefix(prefix).maxBuckets(2));
        assertThat(first.buckets()).hasSize(2);
        assertThat(first.continuationToken()).isNotBlank();
    }

    @Test
    void invalidBucketNames() throws Exception {
        // The SDK checks names itself before sending; an unsigned request shows the server's answer.
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(TestServer.endpoint() + "/Invalid_Name")).PUT(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("<Code>InvalidBucketName</Code>");
    }

    @Test
    void listBucketsRefusesABucketRegionThatIsNoAwsRegion() {
        S3Exception e = s3Error("InvalidArgument", 400, () -> S3.listBuckets(b -> b.bucketRegion("eu-east-1")));
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Argument value eu-east-1 is not a valid AWS Region");
        s3Error("InvalidLocationConstraint", 400, () -> S3.createBucket(b -> b.bucket(bucketName("s3b-nowhere"))
                .createBucketConfiguration(c -> c.locationConstraint("eu-east-1"))));
    }

    @Test
    void bucketErrorsNameTheBucket() {
        String missing = bucketName("s3b-missing");
        S3Clients.RawResponse raw = S3Clients.raw("GET", "127.0.0.1:" + TestServer.get().port(),
                "/" + missing + "?location", new byte[0]);
        assertThat(raw.status()).isEqualTo(404);
        assertThat(raw.text()).contains("<Code>NoSuchBucket</Code>").contains("<BucketName>" + missing + "</BucketName>");
    }

    @Test
    void aDirectoryBucketIsAnsweredByS3AsNotImplemented() {
        // The SDKs open a directory bucket (--x-s3) with CreateSession, signed for s3express, not s3.
        S3Clients.RawResponse raw = S3Clients.raw("GET", "127.0.0.1:" + TestServer.get().port(),
                "/dir-bucket--use1-az4--x-s3?session", Map.of("Authorization", "AWS4-HMAC-SHA256"
                        + " Credential=test/20250101/us-east-1/s3express/aws4_request, SignedHeaders=host, Signature=00"),
                new byte[0]);
        assertThat(raw.status()).isEqualTo(501);
        assertThat(raw.text()).contains("<Code>NotImplemented</Code>").contains("CreateSession");
    }

    @Test
    void unsupportedOperationIsNotImplemented() {
        String name = createBucket("s3b-versioning");
        s3Error("NotImplemented", 501, () -> S3.putBucketVersioning(b -> b.bucket(name)
                .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED))));
        GetBucketVersioningResponse versioning = S3.getBucketVersioning(b -> b.bucket(name));
        assertThat(versioning.status()).isNull();
        assertThat(versioning.mfaDelete()).isNull();
        s3Error("NotImplemented", 501, () -> S3.getBucketWebsite(b -> b.bucket(name)));
        s3Error("NotImplemented", 501, () -> S3.createBucket(b -> b.bucket(bucketName("s3b-lock")).objectLockEnabledForBucket(true)));
    }

    @Test
    void aPathWithATrailingSlashAddressesTheBucket() throws Exception {
        // The AWS SDK for JavaScript v3 sends CreateBucket as PUT /bucket/ in path style; an object key is never empty.
        String name = bucketName("s3b-slash");
        HttpClient http = HttpClient.newHttpClient();
        URI uri = URI.create(TestServer.endpoint() + "/" + name + "/");

        assertThat(http.send(HttpRequest.newBuilder(uri).PUT(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        S3.putObject(b -> b.bucket(name).key("k"), software.amazon.awssdk.core.sync.RequestBody.fromString("v"));
        HttpResponse<String> listed = http.send(HttpRequest.newBuilder(URI.create(uri + "?list-type=2")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(listed.body()).contains("<ListBucketResult").contains("<Key>k</Key>");
        S3.deleteObject(b -> b.bucket(name).key("k"));
        assertThat(http.send(HttpRequest.newBuilder(uri).DELETE().build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(204);
        assertThat(S3.listBuckets().buckets()).noneMatch(b -> b.name().equals(name));
    }

    @Test
    void getBucketLocationDocuments() {
        String dublin = bucketName("s3b-where");
        S3.createBucket(b -> b.bucket(dublin).createBucketConfiguration(c -> c.locationConstraint(BucketLocationConstraint.EU_WEST_1)));
        assertThat(S3.getBucketLocation(b -> b.bucket(dublin)).locationConstraint()).isEqualTo(BucketLocationConstraint.EU_WEST_1);
        String virginia = createBucket("s3b-where");
        String host = "127.0.0.1:" + TestServer.get().port();
        // https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketLocation.html#API_GetBucketLocation_ResponseSyntax
        assertThat(S3Clients.raw("GET", host, "/" + dublin + "?location", new byte[0]).text())
                .contains("<LocationConstraint xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">eu-west-1</LocationConstraint>");
        assertThat(S3Clients.raw("GET", host, "/" + virginia + "?location", new byte[0]).text())
                .containsPattern("<LocationConstraint xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"\\s*(/>|></LocationConstraint>)");
    }

    @Test
    void responsesCarryS3RequestIdHeaders() {
        String name = createBucket("s3b-ids");
        var put = S3.putObject(b -> b.bucket(name).key("k"), RequestBody.fromString("x"));
        // The S3 client reads x-amz-request-id only: without it requestId() is "UNKNOWN".
        // S3's request ids are sixteen upper-case hex digits, unlike the other services' UUIDs.
        assertThat(put.responseMetadata().requestId()).matches("[0-9A-F]{16}");
        assertThat(put.responseMetadata().extendedRequestId()).isNotBlank();
        NoSuchKeyException e = s3Error(NoSuchKeyException.class, "NoSuchKey", 404, () -> S3.getObjectAsBytes(b -> b.bucket(name).key("none")));
        assertThat(e.extendedRequestId()).isNotBlank();
        assertThat(e.requestId()).matches("[0-9A-F]{16}");
        S3Clients.RawResponse raw = S3Clients.raw("GET", "127.0.0.1:" + TestServer.get().port(), "/" + name + "/k", new byte[0]);
        assertThat(raw.headers()).containsKeys("x-amz-request-id", "x-amz-id-2");
    }

    @Test
    void virtualHostedStyleObjectsThroughTheSdk() {
        String name = createBucket("s3b-vhost");
        try (S3Client vhost = S3Clients.virtualHosted()) {
            vhost.putObject(b -> b.bucket(name).key("dir/hello.txt").contentType("text/plain"), RequestBody.fromString("hello vhost"));
            SdkHttpRequest put = S3Clients.lastSent("PUT", "/dir/hello.txt");
            assertThat(put.host()).isEqualTo(name + ".localhost");
            assertThat(put.encodedPath()).isEqualTo("/dir/hello.txt");

            assertThat(vhost.getObjectAsBytes(b -> b.bucket(name).key("dir/hello.txt")).asUtf8String()).isEqualTo("hello vhost");
            assertThat(vhost.headObject(b -> b.bucket(name).key("dir/hello.txt")).contentType()).isEqualTo("text/plain");
            vhost.copyObject(b -> b.sourceBucket(name).sourceKey("dir/hello.txt").destinationBucket(name).destinationKey("dir/copy.txt"));
            // The same objects path style.
            assertThat(S3.getObjectAsBytes(b -> b.bucket(name).key("dir/copy.txt")).asUtf8String()).isEqualTo("hello vhost");
            vhost.deleteObject(b -> b.bucket(name).key("dir/hello.txt"));
            s3Error(NoSuchKeyException.class, "NoSuchKey", 404, () -> vhost.getObjectAsBytes(b -> b.bucket(name).key("dir/hello.txt")));
        }
    }

    @Test
    void virtualHostedStyleBucketOperationsThroughTheSdk() {
        try (S3Client vhost = S3Clients.virtualHosted()) {
            String name = bucketName("s3b-vhost-bucket");
            vhost.createBucket(b -> b.bucket(name));
            assertThat(S3Clients.lastSent("PUT", "/").host()).isEqualTo(name + ".localhost");
            vhost.putObject(b -> b.bucket(name).key("k"), RequestBody.fromString("v"));
            assertThat(vhost.listObjectsV2(b -> b.bucket(name)).contents()).extracting(S3Object::key).containsExactly("k");
            assertThat(vhost.listObjects(b -> b.bucket(name)).contents()).extracting(S3Object::key).containsExactly("k");
            assertThat(vhost.headBucket(b -> b.bucket(name)).bucketRegion()).isEqualTo("us-east-1");
            vhost.deleteObjects(b -> b.bucket(name).delete(d -> d.objects(o -> o.key("k"))));
            vhost.deleteBucket(b -> b.bucket(name));
            s3Error(NoSuchBucketException.class, null, 404, () -> S3.headBucket(b -> b.bucket(name)));
        }
        String name = createBucket("s3b-vhost-raw");
        int port = TestServer.get().port();
        for (String host : List.of(name + ".localhost:" + port, name + ".s3.localhost.localstack.cloud:" + port)) {
            S3Clients.RawResponse list = S3Clients.raw("GET", host, "/?list-type=2", new byte[0]);
            assertThat(list.status()).as(host).isEqualTo(200);
            assertThat(list.text()).contains("<Name>" + name + "</Name>");
        }
    }

    @Test
    void virtualHostedStyleHostNamesOnTheWire() {
        String name = createBucket("s3b-hosts");
        S3.putObject(b -> b.bucket(name).key("a b.txt").contentType("text/plain"), RequestBody.fromString("raw host"));
        int port = TestServer.get().port();
        for (String host : List.of(name + ".localhost:" + port, name + ".s3.localhost.localstack.cloud:" + port)) {
            S3Clients.RawResponse get = S3Clients.raw("GET", host, "/a%20b.txt", new byte[0]);
            assertThat(get.status()).as(host).isEqualTo(200);
            assertThat(get.text()).isEqualTo("raw host");
            assertThat(get.headers().get("ETag")).isEqualTo(S3Clients.etag("raw host"));
            assertThat(get.headers().get("Content-Type")).isEqualTo("text/plain");
            S3Clients.RawResponse put = S3Clients.raw("PUT", host, "/via%20" + host.substring(name.length() + 1, host.indexOf(':')),
                    "raw put".getBytes(StandardCharsets.UTF_8));
            assertThat(put.status()).as(host).isEqualTo(200);
            assertThat(put.headers().get("ETag")).isEqualTo(S3Clients.etag("raw put"));
        }
        assertThat(S3.listObjectsV2(b -> b.bucket(name)).contents()).extracting(S3Object::key)
                .containsExactly("a b.txt", "via localhost", "via s3.localhost.localstack.cloud");
        // Unsigned and without a Content-Type: S3 stores binary/octet-stream.
        assertThat(S3.headObject(b -> b.bucket(name).key("via localhost")).contentType()).isEqualTo("binary/octet-stream");
        S3Clients.RawResponse missing = S3Clients.raw("GET", "no-such-" + name + ".localhost:" + port, "/a.txt", new byte[0]);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.text()).contains("<Code>NoSuchBucket</Code>");
    }
}
