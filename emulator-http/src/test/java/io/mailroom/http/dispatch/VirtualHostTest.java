package io.mailroom.http.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VirtualHostTest {

    @Test
    void findsTheBucketInVirtualHostedNamesOnly() {
        assertThat(VirtualHost.bucket("mail.localhost:4566")).isEqualTo("mail");
        assertThat(VirtualHost.bucket("my.bucket.s3.localhost.localstack.cloud:4566")).isEqualTo("my.bucket");
        assertThat(VirtualHost.bucket("inbound.s3.amazonaws.com")).isEqualTo("inbound");
        assertThat(VirtualHost.bucket("localhost:4566")).isNull();
        assertThat(VirtualHost.bucket("127.0.0.1:4566")).isNull();
        assertThat(VirtualHost.bucket("mailroom:4566")).isNull();
        assertThat(VirtualHost.bucket("s3.localhost.localstack.cloud:4566")).isNull();
        assertThat(VirtualHost.bucket(null)).isNull();
    }

    @Test
    void regionalS3HostNames() {
        assertThat(VirtualHost.bucket("mail.s3.us-east-1.localhost.localstack.cloud:4566")).isEqualTo("mail");
        assertThat(VirtualHost.bucket("my.s3.bucket.s3.eu-west-1.localhost.localstack.cloud")).isEqualTo("my.s3.bucket");
        assertThat(VirtualHost.bucket("s3.us-east-1.localhost.localstack.cloud:4566")).isNull();
        assertThat(VirtualHost.bucket("inbound.s3.ap-southeast-2.amazonaws.com")).isEqualTo("inbound");
        assertThat(VirtualHost.bucket("s3.us-east-1.amazonaws.com")).isNull();
        assertThat(VirtualHost.bucket("sqs.us-east-1.amazonaws.com")).isNull();
        assertThat(VirtualHost.bucket("mail.s3.localhost:4566")).isEqualTo("mail");
        assertThat(VirtualHost.bucket("mail.s3.dualstack.us-east-1.amazonaws.com")).isEqualTo("mail");
    }
}
