package io.mailroom.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.service.Handler;
import io.mailroom.core.time.ServerClock;
import io.mailroom.server.ServiceSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeclarativeSetupTest {
    private static final Scope DEFAULT = new Scope("000000000000", "us-east-1");
    private static final String ENDPOINT = "http://localhost:4566";

    private final ServerClock clock = ServerClock.manual(Instant.parse("2024-05-01T00:00:00Z"));
    private final ServiceSet services = ServiceSet.create(clock);

    @AfterEach
    void stop() {
        clock.close();
    }

    private static final String FULL = """
            accounts:
              - sqs:
                  queues:
                    - name: orders
                      attributes:
                        VisibilityTimeout: 60
                        RedrivePolicy: {deadLetterQueue: orders-dlq, maxReceiveCount: 3}
                      tags: {team: shop}
                    - name: orders-dlq
                    - name: jobs.fifo
                      attributes: {FifoQueue: "true", ContentBasedDeduplication: "true"}
                    - name: uploads
                s3:
                  buckets:
                    - name: inbox-mail
                      notifications:
                        queues:
                          - {queue: uploads, events: [s3:ObjectCreated:*], prefix: incoming/, suffix: .eml}
                        topics:
                          - {topic: events, events: ["s3:ObjectRemoved:*"], id: removals}
                    - name: plain-bucket
                sns:
                  topics:
                    - name: events
                      attributes: {DisplayName: Events}
                      tags: {team: shop}
                      subscriptions:
                        - {protocol: sqs, endpoint: orders, raw: true, filterPolicy: {region: [eu]}}
                        - {protocol: https, endpoint: "https://example.test/hook"}
                        - {protocol: https, endpoint: "https://example.test/later", confirmed: false}
                ses:
                  identities: [sender@example.com, example.com]
                  templates:
                    - {name: welcome, subject: "Hi {{name}}", text: "Hello {{name}}", html: "<p>Hello {{name}}</p>"}
                  configurationSets:
                    - name: tracking
                      eventDestinations:
                        - {name: to-sns, events: [send, delivery, bounce], topic: events}
                  identityNotifications:
                    - {identity: example.com, bounce: events, complaint: events, delivery: events}
                  receiptRuleSets:
                    - name: inbound
                      active: true
                      rules:
                        - Name: notify
                          Enabled: true
                          Recipients: [inbox@example.com]
                          Actions: [{SNSAction: {TopicArn: events}}]
                        - Name: store
                          Recipients: [inbox@example.com]
                          Actions: [{S3Action: {BucketName: inbox-mail, ObjectKeyPrefix: incoming/}}]
              - id: "111111111111"
                region: eu-west-1
                sqs:
                  queues: [{name: elsewhere}]
                s3:
                  buckets: [{name: elsewhere-bucket}]
            """;

    private Setup parse(String yaml) {
        return SetupFile.parse(yaml, "mailroom.yaml", DEFAULT);
    }

    private void apply(String yaml) {
        new SetupApplier(services).apply(parse(yaml), ENDPOINT);
    }

    private ObjectNode export(List<Scope> scopes) {
        return new SetupExporter(services).export(scopes);
    }

    private ObjectNode call(io.mailroom.core.service.AwsService service, Scope scope, String op, ObjectNode in) {
        return ((Handler.Sync) service.operations().find(op).orElseThrow()).handle(scope.context(ENDPOINT), in);
    }

    private static ObjectNode json(String text) throws Exception {
        return (ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
    }

    private void resetAll() {
        services.all().forEach(io.mailroom.core.service.AwsService::reset);
    }

    @Test
    void appliesEveryKindOfResource() throws Exception {
        apply(FULL);
        ObjectNode attributes = call(services.sqs(), DEFAULT, "GetQueueAttributes",
                json("{\"QueueUrl\":\"" + ENDPOINT + "/000000000000/orders\",\"AttributeNames\":[\"All\"]}"));
        assertThat(attributes.path("Attributes").path("VisibilityTimeout").asText()).isEqualTo("60");
        assertThat(attributes.path("Attributes").path("RedrivePolicy").asText())
                .contains("arn:aws:sqs:us-east-1:000000000000:orders-dlq");
        JsonNode subscriptions = call(services.sns(), DEFAULT, "ListSubscriptionsByTopic",
                json("{\"TopicArn\":\"arn:aws:sns:us-east-1:000000000000:events\"}")).path("Subscriptions");
        assertThat(subscriptions).hasSize(3);
        assertThat(subscriptions.get(1).path("SubscriptionArn").asText()).startsWith("arn:aws:sns:");
        assertThat(subscriptions.get(2).path("SubscriptionArn").asText()).isEqualTo("PendingConfirmation");
        assertThat(call(services.ses().v1(), DEFAULT, "ListIdentities", json("{}")).path("Identities"))
                .extracting(JsonNode::asText).containsExactlyInAnyOrder("sender@example.com", "example.com");
        assertThat(call(services.ses().v1(), DEFAULT, "DescribeActiveReceiptRuleSet", json("{}"))
                .path("Rules").get(0).path("Actions").get(0).path("SNSAction").path("TopicArn").asText())
                .isEqualTo("arn:aws:sns:us-east-1:000000000000:events");
        assertThat(call(services.sqs(), new Scope("111111111111", "eu-west-1"), "ListQueues", json("{}"))
                .path("QueueUrls")).hasSize(1);

        JsonNode notifications = call(services.s3(), DEFAULT, "GetBucketNotificationConfiguration",
                json("{\"Bucket\":\"inbox-mail\"}"));
        JsonNode queue = notifications.path("QueueConfigurations").get(0);
        assertThat(queue.path("QueueArn").asText()).isEqualTo("arn:aws:sqs:us-east-1:000000000000:uploads");
        assertThat(queue.path("Events")).extracting(JsonNode::asText).containsExactly("s3:ObjectCreated:*");
        assertThat(queue.path("Filter").path("Key").path("FilterRules").toString())
                .isEqualTo("[{\"Name\":\"Prefix\",\"Value\":\"incoming/\"},{\"Name\":\"Suffix\",\"Value\":\".eml\"}]");
        JsonNode topic = notifications.path("TopicConfigurations").get(0);
        assertThat(topic.path("Id").asText()).isEqualTo("removals");
        assertThat(topic.path("TopicArn").asText()).isEqualTo("arn:aws:sns:us-east-1:000000000000:events");
        assertThat(call(services.s3(), new Scope("111111111111", "eu-west-1"), "HeadBucket",
                json("{\"Bucket\":\"elsewhere-bucket\"}")).path("BucketRegion").asText()).isEqualTo("eu-west-1");
    }

    @Test
    void exportThenApplyGivesTheSameState() {
        Setup setup = parse(FULL);
        new SetupApplier(services).apply(setup, ENDPOINT);
        List<Scope> scopes = setup.scopes();
        String first = SetupWriter.yaml(export(scopes));

        resetAll();
        apply(first);
        String second = SetupWriter.yaml(export(scopes));

        assertThat(second).isEqualTo(first);
        assertThat(first).contains("deadLetterQueue: orders-dlq", "raw: true", "confirmed: false",
                "VisibilityTimeout: '60'", "id: '111111111111'",
                "TopicArn: events");
        assertThat(first).doesNotContain("QueueArn", "__default_policy_ID", "ApproximateNumberOfMessages");
        assertThat(first).contains("""
                  s3:
                    buckets:
                      - name: inbox-mail
                        notifications:
                          queues:
                            - queue: uploads
                              events:
                                - s3:ObjectCreated:*
                              prefix: incoming/
                              suffix: .eml
                          topics:
                            - topic: events
                              events:
                                - s3:ObjectRemoved:*
                              id: removals
                      - name: plain-bucket
                """.indent(2), "- name: elsewhere-bucket", "BucketName: inbox-mail");
    }

    @Test
    void jsonExportReadsBackAsAJsonFile(@TempDir Path dir) throws Exception {
        apply(FULL);
        String exported = SetupWriter.json(export(List.of(DEFAULT)));
        Path file = dir.resolve("setup.json");
        Files.writeString(file, exported.replace("  ", "\t")); // tabs: what YAML would refuse
        resetAll();
        new SetupApplier(services).apply(SetupFile.load(file, DEFAULT), ENDPOINT);
        assertThat(SetupWriter.json(export(List.of(DEFAULT)))).isEqualTo(exported);
    }

    @Test
    void aDeadLetterQueueMayBeDeclaredAfterItsSourceAndASubscriberQueueAfterItsTopic() throws Exception {
        apply("""
                accounts:
                  - sns:
                      topics:
                        - name: t
                          subscriptions: [{protocol: sqs, endpoint: late}]
                    sqs:
                      queues:
                        - {name: source, attributes: {RedrivePolicy: {deadLetterQueue: zz-dlq, maxReceiveCount: 2}}}
                        - {name: late}
                        - {name: zz-dlq}
                """);
        ObjectNode sources = call(services.sqs(), DEFAULT, "ListDeadLetterSourceQueues",
                json("{\"QueueUrl\":\"" + ENDPOINT + "/000000000000/zz-dlq\"}"));
        assertThat(sources.path("queueUrls").get(0).asText()).endsWith("/source");
    }

    @Test
    void aBucketMayBeDeclaredBeforeItsDestinationsAndAfterTheReceiptRuleThatWritesToIt() throws Exception {
        apply("""
                accounts:
                  - ses:
                      receiptRuleSets:
                        - name: inbound
                          active: true
                          rules:
                            - {Name: store, Recipients: [inbox@example.com], Actions: [{S3Action: {BucketName: mail-store}}]}
                    s3:
                      buckets:
                        - name: mail-store
                          notifications:
                            queues: [{queue: arrivals, events: [s3:ObjectCreated:*]}]
                            topics: [{topic: stored, events: [s3:ObjectRemoved:*], prefix: x/}]
                    sqs:
                      queues: [{name: arrivals}]
                    sns:
                      topics: [{name: stored}]
                """);
        ObjectNode put = json("{\"Bucket\":\"mail-store\",\"Key\":\"mail/1\"}");
        put.put("Body", "hello".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        call(services.s3(), DEFAULT, "PutObject", put);
        JsonNode messages = services.sqs().inspect(DEFAULT.context(ENDPOINT), ENDPOINT + "/000000000000/arrivals",
                false, false).path("Messages");
        assertThat(messages).hasSize(2);
        assertThat(messages.get(0).path("Body").asText()).contains("s3:TestEvent");
        assertThat(json(messages.get(1).path("Body").asText()).path("Records").get(0).path("eventName").asText())
                .isEqualTo("ObjectCreated:Put");
        assertThat(call(services.ses().v1(), DEFAULT, "DescribeActiveReceiptRuleSet", json("{}"))
                .path("Rules").get(0).path("Actions").get(0).path("S3Action").path("BucketName").asText())
                .isEqualTo("mail-store");
    }

    @Test
    void aBadEventNameIsReportedAtItsLineBeforeAnythingIsApplied() throws Exception {
        assertThatThrownBy(() -> apply("""
                accounts:
                  - sqs:
                      queues: [{name: q}]
                    s3:
                      buckets:
                        - name: bucket-b
                          notifications:
                            queues:
                              - queue: q
                                events: [s3:ObjectCreated:*, s3:ObjectCreatd:Put]
                """))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("mailroom.yaml line 10: accounts[0].s3.buckets[0].notifications.queues[0].events[1]:"
                        + " InvalidArgument: The event is not supported for notifications: s3:ObjectCreatd:Put");
        assertThat(call(services.sqs(), DEFAULT, "ListQueues", json("{}")).path("QueueUrls")).as("nothing applied").isEmpty();
    }

    @Test
    void aMissingDestinationIsReportedAtItsField() {
        assertThatThrownBy(() -> apply("""
                accounts:
                  - sqs:
                      queues: [{name: q}]
                    s3:
                      buckets:
                        - name: bucket-b
                          notifications:
                            queues:
                              - {queue: q, events: [s3:ObjectCreated:*]}
                              - {queue: nowhere, events: [s3:ObjectRemoved:*]}
                """))
                .hasMessageStartingWith("mailroom.yaml line 10: accounts[0].s3.buckets[0].notifications.queues[1].queue:"
                        + " InvalidArgument: Unable to validate the following destination configurations:"
                        + " arn:aws:sqs:us-east-1:000000000000:nowhere");
        assertThatThrownBy(() -> parse("""
                accounts:
                  - s3:
                      buckets:
                        - name: bucket-b
                          notifications:
                            queue: [{queue: q, events: [s3:ObjectCreated:*]}]
                """))
                .hasMessage("mailroom.yaml line 6: accounts[0].s3.buckets[0].notifications.queue: unknown key in"
                        + " bucket notifications; expected one of: queues, topics");
    }

    @Test
    void applyingTwiceConvergesOnExistingBuckets() {
        String file = """
                accounts:
                  - region: eu-west-1
                    sqs: {queues: [{name: q}]}
                    s3: {buckets: [{name: bucket-b, notifications: {queues: [{queue: q, events: [s3:ObjectCreated:*]}]}}]}
                """;
        apply(file);
        apply(file);
        assertThat(SetupWriter.yaml(export(List.of(new Scope("000000000000", "eu-west-1")))))
                .contains("- name: bucket-b", "queue: q");
        assertThatThrownBy(() -> apply("accounts: [{s3: {buckets: [{name: bucket-b}]}}]"))
                .hasMessageStartingWith("mailroom.yaml line 1: accounts[0].s3.buckets[0].name: BucketAlreadyOwnedByYou");
    }

    @Test
    void anUnknownKeyNamesItsLineAndTheKeysAllowed() {
        assertThatThrownBy(() -> parse("""
                accounts:
                  - sqs:
                      queues:
                        - name: a
                        - name: bucket-b
                          atributes: {VisibilityTimeout: 60}
                """))
                .isInstanceOf(ConfigException.class)
                .hasMessage("mailroom.yaml line 6: accounts[0].sqs.queues[1].atributes: unknown key in a queue;"
                        + " expected one of: name, attributes, tags");
    }

    @Test
    void aValueOfTheWrongTypeNamesItsLineAndField() {
        assertThatThrownBy(() -> parse("""
                accounts:
                  - sns:
                      topics:
                        - name: [not, a, name]
                """))
                .hasMessage("mailroom.yaml line 4: accounts[0].sns.topics[0].name: must be a string, not a list");
        assertThatThrownBy(() -> parse("""
                accounts:
                  - sns:
                      topics:
                        - name: t
                          subscriptions:
                            - {protocol: sqs, endpoint: q, raw: "yes"}
                """))
                .hasMessage("mailroom.yaml line 6: accounts[0].sns.topics[0].subscriptions[0].raw:"
                        + " must be true or false, not a string (yes)");
        assertThatThrownBy(() -> parse("accounts: {id: '000000000000'}\n"))
                .hasMessage("mailroom.yaml line 1: accounts: must be a list, not a mapping");
        assertThatThrownBy(() -> parse("accounts:\n  - id: 12\n"))
                .hasMessage("mailroom.yaml line 2: accounts[0].id: an account id must be 12 digits: 12");
    }

    @Test
    void anAwsErrorWhileApplyingNamesTheLineFieldAndErrorCode() {
        assertThatThrownBy(() -> apply("""
                accounts:
                  - sqs:
                      queues:
                        - name: fine
                        - name: slow
                          attributes:
                            DelaySeconds: 5
                            VisibilityTimeout: "99999"
                """))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("mailroom.yaml line 8: accounts[0].sqs.queues[1].attributes.VisibilityTimeout:"
                        + " InvalidAttributeValue: ");
    }

    @Test
    void aMissingDeadLetterQueueIsReportedAtItsRedrivePolicy() {
        assertThatThrownBy(() -> apply("""
                accounts:
                  - sqs:
                      queues:
                        - name: source
                          attributes:
                            RedrivePolicy: {deadLetterQueue: nowhere, maxReceiveCount: 2}
                """))
                .hasMessageStartingWith("mailroom.yaml line 6: accounts[0].sqs.queues[0].attributes.RedrivePolicy:"
                        + " InvalidParameterValue: ")
                .hasMessageEndingWith("Dead letter target does not exist.");
    }

    @Test
    void theModelsConstraintsApplyAsToARequest() {
        assertThatThrownBy(() -> apply("""
                accounts:
                  - sns:
                      topics: [{name: t}]
                    ses:
                      configurationSets:
                        - name: c
                          eventDestinations: [{name: d, events: [sent], topic: t}]
                """))
                .hasMessageStartingWith("mailroom.yaml line 7: accounts[0].ses.configurationSets[0].eventDestinations[0]:")
                .hasMessageContaining("sent");
    }

    @Test
    void aReceiptRuleIsCheckedAgainstTheModelBeforeAnythingIsApplied() throws Exception {
        assertThatThrownBy(() -> parseAndApplyRule("Recipent: [a@example.com]"))
                .hasMessageContaining("line 7: accounts[0].ses.receiptRuleSets[0].rules[0].Recipent:"
                        + " unknown member of ReceiptRule");
        assertThat(call(services.ses().v1(), DEFAULT, "ListReceiptRuleSets", json("{}")).path("RuleSets"))
                .as("nothing applied").isEmpty();
        assertThatThrownBy(() -> parseAndApplyRule("Enabled: maybe"))
                .hasMessageContaining("line 7: accounts[0].ses.receiptRuleSets[0].rules[0].Enabled: must be true or false");
    }

    private void parseAndApplyRule(String member) {
        apply("""
                accounts:
                  - ses:
                      receiptRuleSets:
                        - name: rs
                          rules:
                            - Name: r
                              %s
                """.formatted(member));
    }

    @Test
    void yamlSyntaxErrorsNameTheLine() {
        assertThatThrownBy(() -> parse("accounts:\n  - sqs:\n      queues: [a\n  - b: c\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("mailroom.yaml line ");
        assertThatThrownBy(() -> parse("accounts:\n  - id: '000000000000'\n    id: '111111111111'\n"))
                .hasMessage("mailroom.yaml line 3: accounts[0].id: duplicate key (first given on line 2)");
    }

    @Test
    void jsonErrorsNameTheLineToo() {
        assertThatThrownBy(() -> SetupFile.parse("{\n  \"accounts\": [\n    {\"sqs\": {\"queuez\": []}}\n  ]\n}\n",
                "mailroom.json", DEFAULT))
                .hasMessage("mailroom.json line 3: accounts[0].sqs.queuez: unknown key in sqs; expected one of: queues");
        assertThatThrownBy(() -> SetupFile.parse("{\n  \"accounts\": [,]\n}", "mailroom.json", DEFAULT))
                .hasMessageStartingWith("mailroom.json line 2: not valid JSON");
    }

    @Test
    void yesAndNoStayStringsAndAnEmptyFileIsAnEmptySetup() {
        Setup setup = parse("""
                accounts:
                  - sqs:
                      queues: [{name: q, tags: {enabled: no, count: 012}}]
                """);
        assertThat(setup.accounts().get(0).queues().get(0).tags()).containsEntry("enabled", "no").containsEntry("count", "012");
        assertThat(parse("").accounts()).isEmpty();
        assertThat(parse("# nothing yet\n").accounts()).isEmpty();
    }

    @Test
    void applyingTwiceConvergesOnExistingQueues() {
        apply("accounts: [{sqs: {queues: [{name: q, attributes: {VisibilityTimeout: 10}}]}}]");
        apply("accounts: [{sqs: {queues: [{name: q, attributes: {VisibilityTimeout: 20}}]}}]");
        assertThat(SetupWriter.yaml(export(List.of(DEFAULT)))).contains("VisibilityTimeout: '20'");
    }

    @Test
    void aResetReadsTheFileAgainAndKeepsTheStateWhenItNoLongerParses(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mailroom.yaml");
        Files.writeString(file, "accounts: [{sqs: {queues: [{name: first}]}}]\n");
        DeclarativeSetup setup = new DeclarativeSetup(file, DEFAULT, services);
        setup.apply(ENDPOINT);

        Files.writeString(file, "accounts: [{sqs: {queues: [{name: second}]}}]\n");
        setup.reset(this::resetAll, ENDPOINT);
        assertThat(SetupWriter.yaml(export(List.of(DEFAULT)))).contains("name: second").doesNotContain("first");

        Files.writeString(file, "accounts: [{sqs: {queues: [{nam: third}]}}]\n");
        assertThatThrownBy(() -> setup.reset(this::resetAll, ENDPOINT))
                .hasMessageStartingWith("mailroom.yaml line 1: accounts[0].sqs.queues[0].nam: unknown key");
        assertThat(SetupWriter.yaml(export(List.of(DEFAULT)))).contains("name: second");
    }
}
