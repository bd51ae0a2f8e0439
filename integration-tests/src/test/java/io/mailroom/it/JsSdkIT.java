package io.mailroom.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/**
 * A third independent client: the AWS SDK for JavaScript v3, whose SQS client speaks the JSON protocol with a
 * serializer and error mapping of its own and checks the MD5 digest of every body it sends and receives itself,
 * and whose S3 client addresses buckets, checksums and streams its own way. And its predecessor, the SDK for
 * JavaScript v2, whose last release with SQS over the Query protocol is still in many Node applications.
 */
class JsSdkIT {

    @Test
    void sqsAndSnsWorkThroughTheJavaScriptSdk() throws Exception {
        assumeTrue(JsSdk.available(), "node and npm are not installed");

        JsSdk.Result result = JsSdk.run("sqs-sns.mjs", null, TestServer.endpoint().toString());

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("ok");
    }

    @Test
    void sqsWorksThroughTheJavaScriptSdkV2OverTheQueryProtocol() throws Exception {
        assumeTrue(JsSdk.available(), "node and npm are not installed");

        JsSdk.Result result = JsSdk.run("sqs-query-v2.mjs", null, TestServer.endpoint().toString());

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("ok");
    }

    @Test
    void s3AndSesWorkThroughTheJavaScriptSdk() throws Exception {
        assumeTrue(JsSdk.available(), "node and npm are not installed");

        JsSdk.Result result = JsSdk.run("s3-ses.mjs", null, TestServer.endpoint().toString());

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("ok");
    }
}
