package io.mailroom.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A third independent client: the AWS SDK for JavaScript v3, whose SQS client speaks the JSON protocol with a
 * serializer and error mapping of its own and checks the MD5 digest of every body it sends and receives itself,
 * and whose S3 client addresses buckets, checksums and streams its own way. And its predecessor, the SDK for
 * JavaScript v2, whose last release with SQS over the Query protocol is still in many Node applications.
 * Each script checks what it does itself and prints "ok" when every check holds.
 */
class JsSdkIT {

    @ParameterizedTest
    @ValueSource(strings = {"sqs-sns.mjs", "sqs-query-v2.mjs", "s3-ses.mjs"})
    void everyCheckOfTheScriptHolds(String script) throws Exception {
        assumeTrue(JsSdk.available(), "node and npm are not installed");

        JsSdk.Result result = JsSdk.run(script, null, TestServer.endpoint().toString());

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("ok");
    }
}
