package io.mailroom.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailroom.server.ServerConfig;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Injected S3 clients use path-style addressing. The server is reached as {@code localhost}, a host name, so the
 * SDK's default would be virtual-hosted style ({@code http://bucket.localhost:port/key}), which needs a resolver
 * that knows {@code *.localhost}.
 */
class S3PathStyleTest {
    @RegisterExtension
    static final MailroomExtension MAILROOM = MailroomExtension.perClass()
            .withConfig(ServerConfig.defaults().withPort(0).withHost("localhost"));

    @Test
    void anInjectedS3ClientPutsTheBucketInThePath(S3Client s3, URI endpoint) {
        assertThat(endpoint.getHost()).isEqualTo("localhost");

        assertThat(s3.utilities().getUrl(b -> b.bucket("photos").key("cat.jpg")).toString())
                .isEqualTo(endpoint + "/photos/cat.jpg");

        s3.createBucket(b -> b.bucket("photos"));
        s3.putObject(b -> b.bucket("photos").key("cat.jpg"), RequestBody.fromString("meow"));
        assertThat(s3.getObjectAsBytes(b -> b.bucket("photos").key("cat.jpg")).asString(StandardCharsets.UTF_8))
                .isEqualTo("meow");
    }
}
