package io.mailroom.it;

import static io.mailroom.it.S3Clients.S3;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.model.Bucket;

/**
 * The AWS CLI ({@code aws s3 ...} and {@code aws s3api ...}, botocore speaking REST-XML) against the
 * server: make a bucket, copy files up and down, list, remove, and the s3api object commands. Skipped
 * where no {@code aws} is installed.
 */
class S3CliIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AwsCli CLI = AwsCli.standard();

    @BeforeAll
    static void findCli() {
        AwsCli.assumeInstalled();
    }

    private static AwsCli.Run run(String... args) throws IOException, InterruptedException {
        return CLI.run(args);
    }

    private static AwsCli.Run ok(String... args) throws Exception {
        AwsCli.Run r = run(args);
        assertThat(r.exit()).as("aws %s %s failed: %s", args[0], args[1], r.stderr()).isZero();
        return r;
    }

    private static JsonNode okJson(String... args) throws Exception {
        return CLI.ok(args);
    }

    @Test
    void s3AndS3apiCommands(@TempDir Path dir) throws Exception {
        String bucket = S3Clients.bucketName("s3cli");
        String url = "s3://" + bucket;
        Path up = dir.resolve("report.txt");
        String text = "uploaded by the CLI \u00e9\n".repeat(50);
        Files.writeString(up, text);
        Path json = dir.resolve("data.json");
        Files.writeString(json, "{\"n\":1}");

        // 1. aws s3 mb
        assertThat(ok("s3", "mb", url).stdout()).contains("make_bucket: " + bucket);
        assertThat(S3.listBuckets().buckets()).extracting(Bucket::name).contains(bucket);

        // 2. aws s3 cp (upload), with a space in the key
        assertThat(ok("s3", "cp", up.toString(), url + "/docs/my report.txt").stdout()).contains("upload:");
        assertThat(S3.getObjectAsBytes(b -> b.bucket(bucket).key("docs/my report.txt")).asUtf8String()).isEqualTo(text);

        // 3. aws s3api put-object
        JsonNode put = okJson("s3api", "put-object", "--bucket", bucket, "--key", "docs/data.json", "--body", json.toString(),
                "--content-type", "application/json", "--metadata", "team=mail,stage=it");
        assertThat(put.path("ETag").asText()).isEqualTo(S3Clients.etag("{\"n\":1}"));

        // 4. aws s3api head-object
        JsonNode head = okJson("s3api", "head-object", "--bucket", bucket, "--key", "docs/data.json");
        assertThat(head.path("ContentType").asText()).isEqualTo("application/json");
        assertThat(head.path("ContentLength").asLong()).isEqualTo(7);
        assertThat(head.path("ETag").asText()).isEqualTo(S3Clients.etag("{\"n\":1}"));
        assertThat(JSON.convertValue(head.path("Metadata"), Map.class)).isEqualTo(Map.of("team", "mail", "stage", "it"));

        // 5. aws s3api list-objects-v2
        JsonNode listed = okJson("s3api", "list-objects-v2", "--bucket", bucket, "--prefix", "docs/");
        assertThat(listed.path("Prefix").asText()).isEqualTo("docs/");
        assertThat(listed.path("Contents").findValuesAsText("Key")).containsExactly("docs/data.json", "docs/my report.txt");
        assertThat(listed.path("Contents").get(1).path("Size").asLong()).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);

        // 6. aws s3 ls --recursive
        String ls = ok("s3", "ls", url, "--recursive").stdout();
        assertThat(ls.lines().toList()).hasSize(2);
        assertThat(ls).contains("docs/data.json").contains("docs/my report.txt");

        // 7. aws s3 cp (download)
        Path down = dir.resolve("downloaded.txt");
        assertThat(ok("s3", "cp", url + "/docs/my report.txt", down.toString()).stdout()).contains("download:");
        assertThat(Files.readString(down)).isEqualTo(text);

        // 8. a missing key fails with the S3 error (head-object has no body: the status is reported)
        AwsCli.Run missing = run("s3api", "head-object", "--bucket", bucket, "--key", "docs/none");
        assertThat(missing.exit()).isNotZero();
        assertThat(missing.stderr()).contains("404");

        // 9. aws s3api put-bucket-cors and get-bucket-cors, as docs/getting-started.md shows them
        ok("s3api", "put-bucket-cors", "--bucket", bucket, "--cors-configuration", "{\"CORSRules\":[{\"AllowedOrigins\":"
                + "[\"http://localhost:3000\"],\"AllowedMethods\":[\"GET\",\"PUT\"],\"AllowedHeaders\":[\"*\"],"
                + "\"ExposeHeaders\":[\"ETag\"]}]}");
        JsonNode cors = okJson("s3api", "get-bucket-cors", "--bucket", bucket);
        assertThat(cors.at("/CORSRules/0/AllowedMethods").toString()).isEqualTo("[\"GET\",\"PUT\"]");
        assertThat(cors.at("/CORSRules/0/ExposeHeaders/0").asText()).isEqualTo("ETag");

        // 10. aws s3 rb refuses a bucket that is not empty
        AwsCli.Run notEmpty = run("s3", "rb", url);
        assertThat(notEmpty.exit()).isNotZero();
        assertThat(notEmpty.stderr()).contains("BucketNotEmpty");

        // 11. aws s3 rm --recursive
        String rm = ok("s3", "rm", url, "--recursive").stdout();
        assertThat(rm).contains("delete: " + url + "/docs/data.json").contains("delete: " + url + "/docs/my report.txt");
        assertThat(S3.listObjectsV2(b -> b.bucket(bucket)).keyCount()).isZero();

        // 12. aws s3 rb
        assertThat(ok("s3", "rb", url).stdout()).contains("remove_bucket: " + bucket);
        assertThat(S3.listBuckets().buckets()).extracting(Bucket::name).doesNotContain(bucket);
    }
}
