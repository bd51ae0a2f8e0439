package io.mailroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.ClientConfiguration;
import com.amazonaws.auth.AWSStaticCredentialsProvider;
import com.amazonaws.auth.BasicAWSCredentials;
import com.amazonaws.client.builder.AwsClientBuilder.EndpointConfiguration;
import com.amazonaws.services.sqs.AmazonSQS;
import com.amazonaws.services.sqs.AmazonSQSClientBuilder;
import java.net.InetAddress;
import java.net.URI;
import org.apache.hc.client5.http.DnsResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Configurations carried over from LocalStack name it by its host names, which resolve to 127.0.0.1:
 * {@code localhost.localstack.cloud}, {@code sns.us-east-1.localhost.localstack.cloud}, buckets as
 * {@code bucket.s3.localhost.localstack.cloud}, and queue URLs on {@code sqs.us-east-1.localhost.localstack.cloud},
 * where the SDK for Java v1 sends SQS calls. The clients here resolve every name to the loopback address, so
 * no DNS is needed; the server tells S3's virtual hosts from the other services' names by the request.
 */
class LocalStackHostNamesIT {
    private static final InetAddress[] LOOPBACK = {InetAddress.getLoopbackAddress()};

    private static URI at(String host) {
        return URI.create("http://" + host + ":" + TestServer.get().port());
    }

    private static SdkHttpClient loopbackHttp() {
        return Apache5HttpClient.builder().dnsResolver(new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) {
                return LOOPBACK;
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host;
            }
        }).build();
    }

    @Test
    void snsOverQueryAtItsServiceHostName() {
        try (SnsClient sns = SnsClient.builder().endpointOverride(at("sns.us-east-1.localhost.localstack.cloud"))
                .region(Region.US_EAST_1).credentialsProvider(TestServer.credentials()).httpClient(loopbackHttp()).build()) {
            String topic = sns.createTopic(b -> b.name("ls-host-topic")).topicArn();
            assertThat(sns.publish(b -> b.topicArn(topic).message("hello")).messageId()).isNotBlank();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"s3.localhost.localstack.cloud", "s3.us-east-1.localhost.localstack.cloud"})
    void virtualHostedBucketsUnderS3sHostNames(String host) {
        String bucket = "ls-host-" + host.split("\\.")[1]; // ls-host-localhost, ls-host-us-east-1
        try (S3Client s3 = S3Client.builder().endpointOverride(at(host))
                .region(Region.US_EAST_1).credentialsProvider(TestServer.credentials()).httpClient(loopbackHttp()).build()) {
            s3.createBucket(b -> b.bucket(bucket));
            s3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("v"));
            assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("k")).asUtf8String()).isEqualTo("v");
            assertThat(s3.listBuckets().buckets()).extracting(b -> b.name()).contains(bucket);
        }
    }

    @Test
    void sdkV1SendsToTheQueueUrlsHost() {
        ClientConfiguration loopback = new ClientConfiguration().withDnsResolver(host -> LOOPBACK);
        AmazonSQS sqs = AmazonSQSClientBuilder.standard()
                .withEndpointConfiguration(new EndpointConfiguration(at("localhost.localstack.cloud").toString(), "us-east-1"))
                .withCredentials(new AWSStaticCredentialsProvider(new BasicAWSCredentials("test", "test")))
                .withClientConfiguration(loopback).build();
        try {
            sqs.createQueue("ls-host-q");
            // A queue URL as LocalStack hands them out; the client addresses SendMessage to its host and path.
            String url = at("sqs.us-east-1.localhost.localstack.cloud") + "/000000000000/ls-host-q";
            sqs.sendMessage(url, "over the queue URL's host");
            assertThat(sqs.receiveMessage(url).getMessages()).extracting(m -> m.getBody())
                    .containsExactly("over the queue URL's host");
        } finally {
            sqs.shutdown();
        }
    }
}
