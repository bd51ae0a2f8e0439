package io.mailroom.it;

import static io.mailroom.it.S3Clients.S3;
import static io.mailroom.it.S3Clients.s3Error;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3.model.TaggingDirective;

/** Object tags through S3Client: on PUT, copy and multipart uploads, and the three tagging operations. */
class S3TaggingIT {

    @Test
    void tagsOnPutGetTaggingAndCount() {
        String bucket = S3Clients.createBucket("tags");
        S3.putObject(b -> b.bucket(bucket).key("mail/1.eml").tagging("state=new&from=a@b.example"),
                RequestBody.fromString("hi"));
        assertThat(S3.getObjectTagging(b -> b.bucket(bucket).key("mail/1.eml")).tagSet())
                .containsExactly(tag("state", "new"), tag("from", "a@b.example"));
        assertThat(S3.getObjectAsBytes(b -> b.bucket(bucket).key("mail/1.eml")).response().tagCount()).isEqualTo(2);

        S3.putObjectTagging(b -> b.bucket(bucket).key("mail/1.eml").tagging(t -> t.tagSet(tag("state", "processed"))));
        assertThat(S3.getObjectTagging(b -> b.bucket(bucket).key("mail/1.eml")).tagSet())
                .containsExactly(tag("state", "processed"));

        S3.copyObject(b -> b.sourceBucket(bucket).sourceKey("mail/1.eml").destinationBucket(bucket).destinationKey("copy"));
        assertThat(S3.getObjectTagging(b -> b.bucket(bucket).key("copy")).tagSet()).containsExactly(tag("state", "processed"));
        S3.copyObject(b -> b.sourceBucket(bucket).sourceKey("mail/1.eml").destinationBucket(bucket).destinationKey("copy2")
                .taggingDirective(TaggingDirective.REPLACE).tagging("fresh=yes"));
        assertThat(S3.getObjectTagging(b -> b.bucket(bucket).key("copy2")).tagSet()).containsExactly(tag("fresh", "yes"));

        S3.deleteObjectTagging(b -> b.bucket(bucket).key("mail/1.eml"));
        assertThat(S3.getObjectTagging(b -> b.bucket(bucket).key("mail/1.eml")).tagSet()).isEmpty();
        assertThat(S3.getObjectAsBytes(b -> b.bucket(bucket).key("mail/1.eml")).response().tagCount()).isNull();
    }

    @Test
    void s3sTagRulesAreEnforced() {
        String bucket = S3Clients.createBucket("tags-rules");
        S3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("x"));
        Tag[] eleven = IntStream.range(0, 11).mapToObj(i -> tag("k" + i, "v")).toArray(Tag[]::new);
        s3Error("BadRequest", 400, () -> S3.putObjectTagging(b -> b.bucket(bucket).key("k").tagging(t -> t.tagSet(eleven))));
        s3Error("InvalidTag", 400, () -> S3.putObjectTagging(b -> b.bucket(bucket).key("k")
                .tagging(t -> t.tagSet(tag("aws:x", "v")))));
        // A tagging header that repeats a key is a bad header, not a bad tag.
        s3Error("InvalidArgument", 400, () -> S3.putObject(b -> b.bucket(bucket).key("k2").tagging("a=1&a=2"),
                RequestBody.fromString("x")));
        // AWS names the missing object "bucket/key" in GetObjectTagging's error alone.
        s3Error(NoSuchKeyException.class, "NoSuchKey", 404, () -> S3.getObjectTagging(b -> b.bucket(bucket).key("none")));
        assertThat(S3Clients.raw("GET", "127.0.0.1:" + TestServer.get().port(), "/" + bucket + "/none?tagging",
                new byte[0]).text()).contains("<Key>" + bucket + "/none</Key>");
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }
}
