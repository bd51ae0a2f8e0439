package io.mailroom.it;

import static io.mailroom.it.S3Clients.S3;
import static io.mailroom.it.S3Clients.createBucket;
import static io.mailroom.it.S3Clients.s3Error;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.Event;
import software.amazon.awssdk.services.s3.model.FilterRuleName;
import software.amazon.awssdk.services.s3.model.GetBucketNotificationConfigurationResponse;
import software.amazon.awssdk.services.s3.model.NotificationConfigurationFilter;
import software.amazon.awssdk.services.s3.model.QueueConfiguration;
import software.amazon.awssdk.services.s3.model.TopicConfiguration;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Bucket notifications end to end: configurations pointing at this server's SQS queues and SNS topics,
 * the s3:TestEvent, event records in AWS's JSON format for PutObject, CopyObject and DeleteObject, key
 * filters, and the configuration checks S3 makes.
 */
class S3NotificationsIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A key filter with rule names as the S3 documentation writes them ({@code prefix}, {@code suffix});
     * S3 takes them in any case.
     */
    private static NotificationConfigurationFilter filter(String prefix, String suffix) {
        return filter("prefix", prefix, "suffix", suffix);
    }

    private static NotificationConfigurationFilter filter(String prefixName, String prefix, String suffixName, String suffix) {
        return NotificationConfigurationFilter.builder().key(k -> {
            if (suffix == null) {
                k.filterRules(r -> r.name(prefixName).value(prefix));
            } else {
                k.filterRules(r -> r.name(prefixName).value(prefix), r -> r.name(suffixName).value(suffix));
            }
        }).build();
    }

    /** Long-polls one message; fails if none arrives within a few seconds. */
    private static Message next(String queueUrl) {
        List<Message> got = Sqs.CLIENT.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(1).waitTimeSeconds(5)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
        assertThat(got).as("a message arrived in %s", queueUrl).hasSize(1);
        Sqs.delete(queueUrl, got.get(0));
        return got.get(0);
    }

    private static JsonNode nextJson(String queueUrl) throws Exception {
        return JSON.readTree(next(queueUrl).body());
    }

    /** The S3 message inside the SNS envelope an SQS subscription receives. */
    private static JsonNode nextViaTopic(String queueUrl) throws Exception {
        JsonNode envelope = nextJson(queueUrl);
        assertThat(envelope.path("Type").asText()).isEqualTo("Notification");
        assertThat(envelope.path("Subject").asText()).isEqualTo("Amazon S3 Notification");
        return JSON.readTree(envelope.path("Message").asText());
    }

    private static void assertTestEvent(JsonNode event, String bucket) {
        assertThat(event.path("Service").asText()).isEqualTo("Amazon S3");
        assertThat(event.path("Event").asText()).isEqualTo("s3:TestEvent");
        assertThat(event.path("Bucket").asText()).isEqualTo(bucket);
        assertThat(event.path("Time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(event.path("RequestId").asText()).isNotBlank();
        assertThat(event.path("HostId").asText()).isNotBlank();
        assertThat(event.has("Records")).isFalse();
    }

    /** The one record of an event message, with the fields every record has checked. */
    private static JsonNode record(JsonNode message, String bucket, String eventName, String configurationId) {
        assertThat(message.path("Records")).hasSize(1);
        JsonNode r = message.path("Records").get(0);
        assertThat(r.path("eventVersion").asText()).isEqualTo("2.1");
        assertThat(r.path("eventSource").asText()).isEqualTo("aws:s3");
        assertThat(r.path("awsRegion").asText()).isEqualTo("us-east-1");
        assertThat(r.path("eventName").asText()).isEqualTo(eventName);
        assertThat(r.path("eventTime").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(r.path("userIdentity").path("principalId").asText()).isNotBlank();
        assertThat(r.path("requestParameters").path("sourceIPAddress").asText()).isEqualTo("127.0.0.1");
        assertThat(r.path("responseElements").path("x-amz-request-id").asText()).isNotBlank();
        assertThat(r.path("responseElements").path("x-amz-id-2").asText()).isNotBlank();
        JsonNode s3 = r.path("s3");
        assertThat(s3.path("s3SchemaVersion").asText()).isEqualTo("1.0");
        assertThat(s3.path("configurationId").asText()).isEqualTo(configurationId);
        assertThat(s3.path("bucket").path("name").asText()).isEqualTo(bucket);
        assertThat(s3.path("bucket").path("arn").asText()).isEqualTo("arn:aws:s3:::" + bucket);
        assertThat(s3.path("bucket").path("ownerIdentity").path("principalId").asText()).isNotBlank();
        assertThat(s3.path("object").path("sequencer").asText()).matches("[0-9A-F]+");
        return r;
    }

    /**
     * The error document of a PutBucketNotificationConfiguration sent as raw HTTP: S3 names what it refused in
     * elements after the message ({@code ArgumentName}, {@code ArgumentValue}), which the SDK does not keep.
     */
    private static String refusal(String bucket, boolean skipDestinationValidation, String configurations) {
        String xml = "<NotificationConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">" + configurations
                + "</NotificationConfiguration>";
        S3Clients.RawResponse answer = S3Clients.raw("PUT", "127.0.0.1", "/" + bucket + "?notification",
                Map.of("x-amz-skip-destination-validation", Boolean.toString(skipDestinationValidation)),
                xml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
        return answer.text();
    }

    @Test
    void eventsReachQueuesAndTopicsThroughTheirFilters() throws Exception {
        String bucket = createBucket("s3n-events");
        String queue = Sqs.create(Sqs.name("s3n-events"));
        String queueArn = Sqs.arnOf(queue);
        String topic = SnsClients.createTopic("s3n-events");
        String topicQueue = Sqs.create(Sqs.name("s3n-via-topic"));
        SnsClients.SNS.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(Sqs.arnOf(topicQueue)));

        S3.putBucketNotificationConfiguration(b -> b.bucket(bucket).notificationConfiguration(n -> n
                .queueConfigurations(QueueConfiguration.builder().id("to-queue").queueArn(queueArn)
                        .events(Event.S3_OBJECT_CREATED, Event.S3_OBJECT_REMOVED).filter(filter("in/", ".txt")).build())
                .topicConfigurations(TopicConfiguration.builder().id("to-topic").topicArn(topic)
                        .events(Event.S3_OBJECT_CREATED_PUT).filter(filter("topic/", null)).build())));

        // Setting the configuration sends s3:TestEvent to every destination.
        Message test = next(queue);
        assertTestEvent(JSON.readTree(test.body()), bucket);
        assertThat(test.attributes()).containsEntry(MessageSystemAttributeName.SENDER_ID, "AIDAJQR6QDGQ7PATMSYEY");
        assertTestEvent(nextViaTopic(topicQueue), bucket);

        GetBucketNotificationConfigurationResponse config = S3.getBucketNotificationConfiguration(b -> b.bucket(bucket));
        assertThat(config.queueConfigurations()).hasSize(1);
        QueueConfiguration q = config.queueConfigurations().get(0);
        assertThat(q.id()).isEqualTo("to-queue");
        assertThat(q.queueArn()).isEqualTo(queueArn);
        assertThat(q.events()).containsExactly(Event.S3_OBJECT_CREATED, Event.S3_OBJECT_REMOVED);
        assertThat(q.filter().key().filterRules()).extracting(r -> r.nameAsString().toLowerCase() + "=" + r.value())
                .containsExactlyInAnyOrder("prefix=in/", "suffix=.txt");
        assertThat(config.topicConfigurations()).extracting(TopicConfiguration::topicArn).containsExactly(topic);
        assertThat(config.lambdaFunctionConfigurations()).isEmpty();

        // PutObject: ObjectCreated:Put, the key URL-encoded (space as '+', '+' as %2B), size and unquoted eTag.
        String key = "in/a b+c.txt";
        String body = "notify me";
        var putResponse = S3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(body));
        JsonNode put = record(nextJson(queue), bucket, "ObjectCreated:Put", "to-queue");
        // The record names the request that raised it by both of the response's request ids.
        assertThat(put.path("responseElements").path("x-amz-request-id").asText())
                .isEqualTo(putResponse.responseMetadata().requestId());
        assertThat(put.path("responseElements").path("x-amz-id-2").asText())
                .isEqualTo(putResponse.responseMetadata().extendedRequestId());
        assertThat(put.path("s3").path("object").path("key").asText()).isEqualTo("in/a+b%2Bc.txt");
        assertThat(put.path("s3").path("object").path("size").asLong()).isEqualTo(body.length());
        assertThat(put.path("s3").path("object").path("eTag").asText()).isEqualTo(S3Clients.etag(body).replace("\"", ""));
        String firstSequencer = put.path("s3").path("object").path("sequencer").asText();

        // CopyObject: ObjectCreated:Copy.
        S3.copyObject(b -> b.sourceBucket(bucket).sourceKey(key).destinationBucket(bucket).destinationKey("in/copy.txt"));
        JsonNode copy = record(nextJson(queue), bucket, "ObjectCreated:Copy", "to-queue");
        assertThat(copy.path("s3").path("object").path("key").asText()).isEqualTo("in/copy.txt");
        assertThat(copy.path("s3").path("object").path("eTag").asText()).isEqualTo(S3Clients.etag(body).replace("\"", ""));

        // DeleteObject: ObjectRemoved:Delete, without size or eTag.
        S3.deleteObject(b -> b.bucket(bucket).key(key));
        JsonNode delete = record(nextJson(queue), bucket, "ObjectRemoved:Delete", "to-queue");
        assertThat(delete.path("s3").path("object").path("key").asText()).isEqualTo("in/a+b%2Bc.txt");
        assertThat(delete.path("s3").path("object").has("size")).isFalse();
        assertThat(delete.path("s3").path("object").has("eTag")).isFalse();
        // Events on one key are ordered by their sequencers (compared as equally long strings).
        String deleteSequencer = delete.path("s3").path("object").path("sequencer").asText();
        int width = Math.max(firstSequencer.length(), deleteSequencer.length());
        assertThat("0".repeat(width - deleteSequencer.length()) + deleteSequencer)
                .isGreaterThan("0".repeat(width - firstSequencer.length()) + firstSequencer);

        // Keys outside the filter raise nothing: the next event is the later, matching one.
        S3.putObject(b -> b.bucket(bucket).key("out/skipped.txt"), RequestBody.fromString("x"));
        S3.putObject(b -> b.bucket(bucket).key("in/skipped.bin"), RequestBody.fromString("x"));
        S3.putObject(b -> b.bucket(bucket).key("topic/not-for-the-queue.txt"), RequestBody.fromString("x"));
        S3.deleteObject(b -> b.bucket(bucket).key("in/never-existed.txt"));
        S3.putObject(b -> b.bucket(bucket).key("in/marker.txt"), RequestBody.fromString("x"));
        JsonNode marker = record(nextJson(queue), bucket, "ObjectCreated:Put", "to-queue");
        assertThat(marker.path("s3").path("object").path("key").asText()).isEqualTo("in/marker.txt");
        Sqs.assertEmpty(queue);

        // The topic got only its own prefix, and only Put (a copy into it raises nothing there).
        JsonNode forTopic = record(nextViaTopic(topicQueue), bucket, "ObjectCreated:Put", "to-topic");
        assertThat(forTopic.path("s3").path("object").path("key").asText()).isEqualTo("topic/not-for-the-queue.txt");
        S3.copyObject(b -> b.sourceBucket(bucket).sourceKey("in/marker.txt").destinationBucket(bucket).destinationKey("topic/copied.txt"));
        S3.putObject(b -> b.bucket(bucket).key("topic/t.json"), RequestBody.fromString("{}"));
        JsonNode viaTopic = record(nextViaTopic(topicQueue), bucket, "ObjectCreated:Put", "to-topic");
        assertThat(viaTopic.path("s3").path("object").path("key").asText()).isEqualTo("topic/t.json");
        assertThat(viaTopic.path("s3").path("object").path("size").asLong()).isEqualTo(2);
        Sqs.assertEmpty(topicQueue);

        // DeleteObjects raises one ObjectRemoved:Delete per key it names, whether or not the key held an object.
        S3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.quiet(true)
                .objects(o -> o.key("in/marker.txt"), o -> o.key("in/copy.txt"), o -> o.key("in/dummy.txt"))));
        List<String> removed = List.of(
                record(nextJson(queue), bucket, "ObjectRemoved:Delete", "to-queue").path("s3").path("object").path("key").asText(),
                record(nextJson(queue), bucket, "ObjectRemoved:Delete", "to-queue").path("s3").path("object").path("key").asText(),
                record(nextJson(queue), bucket, "ObjectRemoved:Delete", "to-queue").path("s3").path("object").path("key").asText());
        assertThat(removed).containsExactlyInAnyOrder("in/marker.txt", "in/copy.txt", "in/dummy.txt");

        // An empty configuration turns notifications off.
        S3.putBucketNotificationConfiguration(b -> b.bucket(bucket).notificationConfiguration(n -> { }));
        GetBucketNotificationConfigurationResponse cleared = S3.getBucketNotificationConfiguration(b -> b.bucket(bucket));
        assertThat(cleared.queueConfigurations()).isEmpty();
        assertThat(cleared.topicConfigurations()).isEmpty();
        S3.putObject(b -> b.bucket(bucket).key("in/after.txt"), RequestBody.fromString("x"));
        Sqs.assertEmpty(queue);
    }

    @Test
    void unnamedConfigurationsGetAnIdAndAllCreatedEventsMatch() throws Exception {
        String bucket = createBucket("s3n-unnamed");
        String queue = Sqs.create(Sqs.name("s3n-unnamed"));
        S3.putBucketNotificationConfiguration(b -> b.bucket(bucket).notificationConfiguration(n -> n
                .queueConfigurations(QueueConfiguration.builder().queueArn(Sqs.arnOf(queue)).events(Event.S3_OBJECT_CREATED).build())));
        assertThat(nextJson(queue).path("Event").asText()).isEqualTo("s3:TestEvent");
        String id = S3.getBucketNotificationConfiguration(b -> b.bucket(bucket)).queueConfigurations().get(0).id();
        assertThat(id).isNotBlank();
        // The request's X-Ray trace header is the message's AWSTraceHeader.
        String trace = "Root=1-3152b799-8954dae64eda91bc9a23a7e8;Parent=7fa8c0f79203be72;Sampled=1";
        S3.putObject(b -> b.bucket(bucket).key("any/key \u00e9.bin")
                .overrideConfiguration(o -> o.putHeader("X-Amzn-Trace-Id", trace)), RequestBody.fromBytes(new byte[] {1, 2, 3}));
        Message traced = next(queue);
        assertThat(traced.attributes()).containsEntry(MessageSystemAttributeName.AWS_TRACE_HEADER, trace);
        JsonNode r = record(JSON.readTree(traced.body()), bucket, "ObjectCreated:Put", id);
        assertThat(r.path("s3").path("object").path("key").asText()).isEqualTo("any/key+%C3%A9.bin");
        assertThat(r.path("s3").path("object").path("size").asInt()).isEqualTo(3);
    }

    @Test
    void filterRuleNamesAsTheSdkSendsThem() throws Exception {
        String bucket = createBucket("s3n-enum");
        String queue = Sqs.create(Sqs.name("s3n-enum"));
        S3.putBucketNotificationConfiguration(b -> b.bucket(bucket).notificationConfiguration(n -> n
                .queueConfigurations(QueueConfiguration.builder().id("enum").queueArn(Sqs.arnOf(queue)).events(Event.S3_OBJECT_CREATED)
                        .filter(filter(FilterRuleName.PREFIX.toString(), "in/", FilterRuleName.SUFFIX.toString(), ".txt")).build())));
        assertThat(nextJson(queue).path("Event").asText()).isEqualTo("s3:TestEvent");
        assertThat(S3.getBucketNotificationConfiguration(b -> b.bucket(bucket)).queueConfigurations().get(0).filter().key().filterRules())
                .extracting(r -> r.name()).containsExactlyInAnyOrder(FilterRuleName.PREFIX, FilterRuleName.SUFFIX);
        S3.putObject(b -> b.bucket(bucket).key("in/x.txt"), RequestBody.fromString("x"));
        assertThat(record(nextJson(queue), bucket, "ObjectCreated:Put", "enum").path("s3").path("object").path("key").asText())
                .isEqualTo("in/x.txt");
    }

    @Test
    void configurationsS3Refuses() {
        String bucket = createBucket("s3n-refused");
        String queue = Sqs.create(Sqs.name("s3n-refused"));
        String queueArn = Sqs.arnOf(queue);

        // A destination that does not exist cannot be validated; the error names each one and why.
        String noQueue = Sqs.arn("s3n-no-such-queue");
        String noTopic = "arn:aws:sns:us-east-1:000000000000:s3n-no-such-topic";
        var missing = s3Error("InvalidArgument", 400, () -> S3.putBucketNotificationConfiguration(b -> b.bucket(bucket)
                .notificationConfiguration(n -> n
                        .queueConfigurations(QueueConfiguration.builder().queueArn(noQueue).events(Event.S3_OBJECT_CREATED).build())
                        .topicConfigurations(TopicConfiguration.builder().topicArn(noTopic).events(Event.S3_OBJECT_REMOVED).build()))));
        assertThat(missing.awsErrorDetails().errorMessage()).isEqualTo("Unable to validate the following destination configurations");
        assertThat(refusal(bucket, false, "<TopicConfiguration><Topic>" + noTopic + "</Topic><Event>s3:ObjectRemoved:*</Event>"
                + "</TopicConfiguration><QueueConfiguration><Queue>" + noQueue + "</Queue><Event>s3:ObjectCreated:*</Event>"
                + "</QueueConfiguration>")).contains(
                "<ArgumentName1>" + noTopic + "</ArgumentName1><ArgumentValue1>The destination topic does not exist</ArgumentValue1>"
                        + "<ArgumentName2>" + noQueue + "</ArgumentName2><ArgumentValue2>The destination queue does not exist</ArgumentValue2>");
        // An ARN that does not parse is refused whether or not destinations are validated.
        var unparsed = s3Error("InvalidArgument", 400, () -> S3.putBucketNotificationConfiguration(b -> b.bucket(bucket)
                .skipDestinationValidation(true).notificationConfiguration(n -> n
                        .queueConfigurations(QueueConfiguration.builder().queueArn("invalid-queue").events(Event.S3_OBJECT_CREATED).build()))));
        assertThat(unparsed.awsErrorDetails().errorMessage()).isEqualTo("The ARN could not be parsed");
        assertThat(refusal(bucket, true, "<QueueConfiguration><Queue>invalid-queue</Queue><Event>s3:ObjectCreated:*</Event>"
                + "</QueueConfiguration>")).contains("<ArgumentName>Queue</ArgumentName><ArgumentValue>invalid-queue</ArgumentValue>");
        // Event types and filter rule names S3 does not know.
        var unknownEvent = s3Error("InvalidArgument", 400, () -> S3.putBucketNotificationConfiguration(b -> b.bucket(bucket)
                .notificationConfiguration(n -> n.queueConfigurations(QueueConfiguration.builder().queueArn(queueArn)
                        .eventsWithStrings("s3:ObjectCreatd:Put").build()))));
        assertThat(unknownEvent.awsErrorDetails().errorMessage()).isEqualTo("The event is not supported for notifications");
        var badRule = s3Error("InvalidArgument", 400, () -> S3.putBucketNotificationConfiguration(b -> b.bucket(bucket)
                .notificationConfiguration(n -> n.queueConfigurations(QueueConfiguration.builder().queueArn(queueArn)
                        .events(Event.S3_OBJECT_CREATED).filter(filter("INVALID", "x", "suffix", null)).build()))));
        assertThat(badRule.awsErrorDetails().errorMessage()).isEqualTo("filter rule name must be either prefix or suffix");
        assertThat(refusal(bucket, false, "<QueueConfiguration><Queue>" + queueArn + "</Queue><Event>s3:ObjectCreated:*</Event>"
                + "<Filter><S3Key><FilterRule><Name>INVALID</Name><Value>x</Value></FilterRule></S3Key></Filter>"
                + "</QueueConfiguration>")).contains("<ArgumentName>FilterRule.Name</ArgumentName><ArgumentValue>INVALID</ArgumentValue>");
        // S3 cannot send to FIFO queues.
        String fifo = Sqs.createFifo(Sqs.fifoName("s3n-fifo"), Map.of(QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "true"));
        s3Error("InvalidArgument", 400, () -> S3.putBucketNotificationConfiguration(b -> b.bucket(bucket).notificationConfiguration(n -> n
                .queueConfigurations(QueueConfiguration.builder().queueArn(Sqs.arnOf(fifo)).events(Event.S3_OBJECT_CREATED).build()))));
        // Two configurations may not share an event type for overlapping keys.
        s3Error("InvalidArgument", 400, () -> S3.putBucketNotificationConfiguration(b -> b.bucket(bucket).notificationConfiguration(n -> n
                .queueConfigurations(
                        QueueConfiguration.builder().id("a").queueArn(queueArn).events(Event.S3_OBJECT_CREATED).filter(filter("logs/", null)).build(),
                        QueueConfiguration.builder().id("b").queueArn(queueArn).events(Event.S3_OBJECT_CREATED_PUT).filter(filter("logs/2024/", null)).build()))));
        // There is no EventBridge here to send to, and no Lambda function S3 could invoke.
        s3Error("NotImplemented", 501, () -> S3.putBucketNotificationConfiguration(b -> b.bucket(bucket)
                .notificationConfiguration(n -> n.eventBridgeConfiguration(e -> { }))));
        String function = "arn:aws:lambda:us-east-1:000000000000:function:s3n";
        var lambda = s3Error("InvalidArgument", 400, () -> S3.putBucketNotificationConfiguration(b -> b.bucket(bucket)
                .skipDestinationValidation(true).notificationConfiguration(n -> n.lambdaFunctionConfigurations(l -> l
                        .lambdaFunctionArn(function).events(Event.S3_OBJECT_CREATED)))));
        assertThat(lambda.awsErrorDetails().errorMessage()).isEqualTo("Unable to validate the following destination configurations");
        assertThat(refusal(bucket, true, "<CloudFunctionConfiguration><CloudFunction>" + function + "</CloudFunction>"
                + "<Event>s3:ObjectCreated:*</Event></CloudFunctionConfiguration>")).contains("<ArgumentName1>" + function
                + ", null</ArgumentName1><ArgumentValue1>Not authorized to invoke function [" + function + "]</ArgumentValue1>");
        // Nothing was kept, and no test event was sent.
        assertThat(S3.getBucketNotificationConfiguration(b -> b.bucket(bucket)).queueConfigurations()).isEmpty();
        Sqs.assertEmpty(queue);

        s3Error(software.amazon.awssdk.services.s3.model.NoSuchBucketException.class, "NoSuchBucket", 404,
                () -> S3.getBucketNotificationConfiguration(b -> b.bucket("s3n-no-such-bucket")));
    }
}
