package io.mailroom.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/**
 * A third independent client: the AWS SDK for JavaScript v3, whose SQS client speaks the JSON protocol with a
 * serializer and error mapping of its own and checks the MD5 digest of every body it sends and receives itself.
 */
class JsSdkIT {

    @Test
    void sqsAndSnsWorkThroughTheJavaScriptSdk() throws Exception {
        assumeTrue(JsSdk.available(), "node and npm are not installed");

        JsSdk.Result result = JsSdk.run("sqs-sns.mjs", null, TestServer.endpoint().toString());

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("ok");
    }
}
