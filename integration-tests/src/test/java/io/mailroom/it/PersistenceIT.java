package io.mailroom.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailroom.server.Mailroom;
import io.mailroom.server.ServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.Part;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeNameForSends;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;

/**
 * With a data directory, queues and messages outlive the server: close one, start another on the same
 * directory, and the SDK receives the same messages (it checks every MD5 it is given). So do buckets, objects
 * and multipart uploads in progress.
 */
class PersistenceIT {
    private static final String TRACE = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";

    @TempDir
    Path dataDir;

    private Mailroom start() {
        return Mailroom.start(ServerConfig.defaults().withPort(0).withDataDir(dataDir));
    }

    private static SqsClient client(Mailroom server) {
        return SqsClient.builder()
                .endpointOverride(server.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(TestServer.credentials())
                .httpClient(Apache5HttpClient.create())
                .build();
    }

    private static Map<String, MessageAttributeValue> attributes() {
        Map<String, MessageAttributeValue> a = new LinkedHashMap<>();
        a.put("text", MessageAttributeValue.builder().dataType("String").stringValue("h\u00e9llo \ud83d\ude00").build());
        a.put("price", MessageAttributeValue.builder().dataType("Number.float").stringValue("3.14").build());
        a.put("blob", MessageAttributeValue.builder().dataType("Binary")
                .binaryValue(SdkBytes.fromByteArray(new byte[] {0, 1, (byte) 0x80, (byte) 0xff})).build());
        return a;
    }

    private static List<Message> receiveAll(SqsClient sqs, String url) {
        return sqs.receiveMessage(ReceiveMessageRequest.builder().queueUrl(url).maxNumberOfMessages(10)
                .messageAttributeNames("All").messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                .build()).messages();
    }

    @Test
    void queuesAndMessagesSurviveARestart() {
        String sentId;
        String sentMd5OfAttributes;
        Map<QueueAttributeName, String> queueAttributes;
        try (Mailroom first = start(); SqsClient sqs = client(first)) {
            String url = sqs.createQueue(b -> b.queueName("kept").tags(Map.of("team", "billing"))
                    .attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "40",
                            QueueAttributeName.MESSAGE_RETENTION_PERIOD, "86400"))).queueUrl();
            String fifoUrl = sqs.createQueue(b -> b.queueName("kept.fifo").attributes(Map.of(
                    QueueAttributeName.FIFO_QUEUE, "true",
                    QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "true"))).queueUrl();
            var sent = sqs.sendMessage(b -> b.queueUrl(url).messageBody("order 1").messageAttributes(attributes())
                    .messageSystemAttributes(Map.of(MessageSystemAttributeNameForSends.AWS_TRACE_HEADER,
                            MessageSystemAttributeValue.builder().dataType("String").stringValue(TRACE).build())));
            sentId = sent.messageId();
            sentMd5OfAttributes = sent.md5OfMessageAttributes();
            sqs.sendMessage(b -> b.queueUrl(url).messageBody("in flight at shutdown"));
            // Received (and so in flight) before the restart; it comes back visible.
            assertThat(sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)).messages()).hasSize(2);
            sqs.sendMessage(b -> b.queueUrl(fifoUrl).messageBody("f1").messageGroupId("g"));
            sqs.sendMessage(b -> b.queueUrl(fifoUrl).messageBody("f2").messageGroupId("g"));
            queueAttributes = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.ALL))
                    .attributes();
        }
        assertThat(dataDir.resolve("sqs/state.json")).isRegularFile();

        try (Mailroom second = start(); SqsClient sqs = client(second)) {
            // Another port, so other queue URLs: the queues are the same.
            String url = second.endpoint() + "/000000000000/kept";
            String fifoUrl = second.endpoint() + "/000000000000/kept.fifo";
            assertThat(sqs.listQueues().queueUrls()).containsExactlyInAnyOrder(url, fifoUrl);
            assertThat(sqs.listQueueTags(b -> b.queueUrl(url)).tags()).isEqualTo(Map.of("team", "billing"));
            Map<QueueAttributeName, String> restored = sqs.getQueueAttributes(b -> b.queueUrl(url)
                    .attributeNames(QueueAttributeName.ALL)).attributes();
            Map<QueueAttributeName, String> expected = new LinkedHashMap<>(queueAttributes);
            // Both messages were in flight at the stop; now both are visible.
            expected.put(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "2");
            expected.put(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "0");
            assertThat(restored).isEqualTo(expected);

            List<Message> messages = receiveAll(sqs, url);
            assertThat(messages).extracting(Message::body).containsExactlyInAnyOrder("order 1", "in flight at shutdown");
            Message order = messages.stream().filter(m -> m.body().equals("order 1")).findFirst().orElseThrow();
            assertThat(order.messageId()).isEqualTo(sentId);
            assertThat(order.md5OfBody()).isEqualTo(Md5.ofBody("order 1"));
            assertThat(order.md5OfMessageAttributes()).isEqualTo(sentMd5OfAttributes);
            assertThat(order.messageAttributes()).isEqualTo(attributes());
            assertThat(order.attributes())
                    .containsEntry(MessageSystemAttributeName.AWS_TRACE_HEADER, TRACE)
                    .containsEntry(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "2");

            List<Message> fifo = receiveAll(sqs, fifoUrl);
            assertThat(fifo).extracting(Message::body).containsExactly("f1", "f2");
            assertThat(fifo.get(0).attributes()).containsEntry(MessageSystemAttributeName.MESSAGE_GROUP_ID, "g");
            fifo.forEach(m -> sqs.deleteMessage(b -> b.queueUrl(fifoUrl).receiptHandle(m.receiptHandle())));
            sqs.deleteQueue(b -> b.queueUrl(url));
        }

        // What the second server changed is what a third one sees.
        try (Mailroom third = start(); SqsClient sqs = client(third)) {
            String fifoUrl = third.endpoint() + "/000000000000/kept.fifo";
            assertThat(sqs.listQueues().queueUrls()).containsExactly(fifoUrl);
            assertThat(receiveAll(sqs, fifoUrl)).isEmpty();
        }
    }

    @Test
    void bucketsObjectsAndUploadsInProgressSurviveARestart() {
        byte[] firstPart = new byte[5 * 1024 * 1024];
        firstPart[0] = 'x';
        String uploadId;
        String firstEtag;
        try (Mailroom server = start(); S3Client s3 = s3(server)) {
            s3.createBucket(b -> b.bucket("archive"));
            s3.putObject(b -> b.bucket("archive").key("kept.eml").contentType("message/rfc822"),
                    RequestBody.fromString("Subject: kept"));
            uploadId = s3.createMultipartUpload(b -> b.bucket("archive").key("big.eml")
                    .checksumAlgorithm(ChecksumAlgorithm.CRC32)).uploadId();
            firstEtag = s3.uploadPart(b -> b.bucket("archive").key("big.eml").uploadId(uploadId).partNumber(1)
                    .checksumAlgorithm(ChecksumAlgorithm.CRC32), RequestBody.fromBytes(firstPart)).eTag();
        }
        try (Mailroom server = start(); S3Client s3 = s3(server)) {
            assertThat(s3.getObjectAsBytes(b -> b.bucket("archive").key("kept.eml")).asUtf8String())
                    .isEqualTo("Subject: kept");
            assertThat(s3.listMultipartUploads(b -> b.bucket("archive")).uploads())
                    .extracting(MultipartUpload::uploadId, MultipartUpload::key)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(uploadId, "big.eml"));
            List<Part> parts = s3.listParts(b -> b.bucket("archive").key("big.eml").uploadId(uploadId)).parts();
            assertThat(parts).extracting(Part::partNumber, Part::eTag, Part::size)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(1, firstEtag, (long) firstPart.length));

            UploadPartResponse second = s3.uploadPart(b -> b.bucket("archive").key("big.eml").uploadId(uploadId)
                    .partNumber(2).checksumAlgorithm(ChecksumAlgorithm.CRC32), RequestBody.fromString("end"));
            s3.completeMultipartUpload(b -> b.bucket("archive").key("big.eml").uploadId(uploadId)
                    .multipartUpload(m -> m.parts(
                            CompletedPart.builder().partNumber(1).eTag(firstEtag)
                                    .checksumCRC32(parts.get(0).checksumCRC32()).build(),
                            CompletedPart.builder().partNumber(2).eTag(second.eTag())
                                    .checksumCRC32(second.checksumCRC32()).build())));
            assertThat(s3.headObject(b -> b.bucket("archive").key("big.eml")).contentLength())
                    .isEqualTo(firstPart.length + 3L);
        }
    }

    private static S3Client s3(Mailroom server) {
        return S3Client.builder()
                .endpointOverride(server.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(TestServer.credentials())
                .forcePathStyle(true)
                .httpClient(Apache5HttpClient.create())
                .build();
    }

    @Test
    void aCorruptSnapshotStopsTheStartNamingTheFile() throws Exception {
        Path file = dataDir.resolve("sqs/state.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"format\":1,\"queues\":[");
        assertThatThrownBy(this::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toString());
        assertThat(Files.readString(file)).isEqualTo("{\"format\":1,\"queues\":[");
    }

    @Test
    void withoutADataDirectoryNothingIsWritten() throws Exception {
        try (Mailroom server = Mailroom.start(ServerConfig.defaults().withPort(0)); SqsClient sqs = client(server)) {
            sqs.createQueue(b -> b.queueName("PersistenceIT-memory-only"));
        }
        try (var files = Files.list(dataDir)) {
            assertThat(files).isEmpty();
        }
    }
}
