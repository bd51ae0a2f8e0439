package io.mailroom.sqs;

import static io.mailroom.sqs.SqsHarness.assertError;
import static io.mailroom.sqs.SqsHarness.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.error.AwsException;
import io.mailroom.core.model.ModelLoader;
import io.mailroom.core.model.ServiceModel;
import io.mailroom.core.model.Shape;
import io.mailroom.core.request.RequestContext;
import io.mailroom.core.service.Handler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class QueueLifecycleTest {
    private final SqsHarness h = new SqsHarness();

    @Test
    void operationTableListsEveryOperationOfTheModelAndNoneIsUnsupported() {
        ServiceModel model = ModelLoader.fromResource(SqsService.class, SqsService.JSON_MODEL);
        assertThat(h.sqs.operations().all().keySet()).containsExactlyInAnyOrderElementsOf(model.operations().keySet());
        assertThat(h.sqs.operations().all()).hasSize(23);
        assertThat(h.sqs.operations().all().values()).noneMatch(x -> x instanceof Handler.Unsupported);
        assertThat(h.sqs.operations().find("ReceiveMessage").orElseThrow()).isInstanceOf(Handler.Async.class);
    }

    @Test
    void descriptorListsEveryErrorShapeOfTheModel() {
        ServiceModel model = ModelLoader.fromResource(SqsService.class, SqsService.JSON_MODEL);
        List<String> shapes = new ArrayList<>();
        for (Shape s : model.shapes().values()) {
            if (s.isException()) {
                shapes.add(s.name());
            }
        }
        assertThat(h.sqs.descriptor().errors().keySet()).containsExactlyInAnyOrderElementsOf(shapes);
        assertThat(h.sqs.descriptor().errors().get("QueueDoesNotExist").code())
                .isEqualTo("AWS.SimpleQueueService.NonExistentQueue");
        assertThat(h.sqs.descriptor().errors().get("QueueNameExists").code()).isEqualTo("QueueAlreadyExists");
        assertThat(h.sqs.descriptor().errors().get("ReceiptHandleIsInvalid").status()).isEqualTo(404);
        assertThat(h.sqs.descriptor().errors().get("PurgeQueueInProgress").status()).isEqualTo(403);
        assertThat(h.sqs.descriptor().jsonErrorPrefix()).isEqualTo("com.amazonaws.sqs#");
        assertThat(h.sqs.descriptor().signingName()).isEqualTo("sqs");
    }

    @Test
    void createQueueAnswersTheUrlAndIsIdempotentWithEqualAttributes() {
        String url = h.createQueue("orders", "{'VisibilityTimeout':'60'}");
        assertThat(url).isEqualTo("http://localhost:4566/000000000000/orders");
        assertThat(h.createQueue("orders", "{'VisibilityTimeout':'60'}")).isEqualTo(url);
        assertThat(h.createQueue("orders")).isEqualTo(url);
        assertError(h.error("CreateQueue", "{'QueueName':'orders','Attributes':{'VisibilityTimeout':'61'}}"),
                SqsErrors.QUEUE_NAME_EXISTS, "different value for attribute VisibilityTimeout");
    }

    @Test
    void createQueueOfAnExistingNameWithTagsMustGiveExactlyItsTags() {
        String url = h.createQueue("tagged");
        assertError(h.error("CreateQueue", "{'QueueName':'tagged','tags':{'team':'a'}}"),
                SqsErrors.QUEUE_NAME_EXISTS, "different tags");
        h.call("TagQueue", "{'QueueUrl':'" + url + "','Tags':{'team':'a','env':'dev'}}");

        assertThat(h.call("CreateQueue", "{'QueueName':'tagged','tags':{'env':'dev','team':'a'}}")
                .get("QueueUrl").asText()).isEqualTo(url);
        assertThat(h.createQueue("tagged")).as("no tags given: nothing differs").isEqualTo(url);
        assertError(h.error("CreateQueue", "{'QueueName':'tagged','tags':{'team':'a'}}"),
                SqsErrors.QUEUE_NAME_EXISTS, "different tags");
        assertThat(h.call("ListQueueTags", "{'QueueUrl':'" + url + "'}").get("Tags").size()).isEqualTo(2);
    }

    @Test
    void queueNameRules() {
        h.createQueue("a-B_9");
        h.createQueue("x".repeat(80));
        assertError(h.error("CreateQueue", obj().put("QueueName", "x".repeat(81))),
                SqsErrors.INVALID_PARAMETER_VALUE, "1 to 80 in length");
        assertError(h.error("CreateQueue", "{'QueueName':'bad.name'}"), SqsErrors.INVALID_PARAMETER_VALUE,
                "alphanumeric");
        assertError(h.error("CreateQueue", "{'QueueName':''}"), SqsErrors.INVALID_PARAMETER_VALUE, "alphanumeric");
        assertError(h.error("CreateQueue", "{'QueueName':'q.fifo'}"), SqsErrors.INVALID_PARAMETER_VALUE,
                "alphanumeric");
        assertError(h.error("CreateQueue", "{'QueueName':'q','Attributes':{'FifoQueue':'true'}}"),
                SqsErrors.INVALID_PARAMETER_VALUE, "must end with .fifo suffix");
        h.createFifo("y".repeat(75) + ".fifo");
        assertError(h.error("CreateQueue", obj().put("QueueName", "y".repeat(76) + ".fifo")
                .set("Attributes", SqsHarness.json("{'FifoQueue':'true'}"))), SqsErrors.INVALID_PARAMETER_VALUE, "1 to 80");
    }

    @Test
    void tagsOnCreate() {
        String url = h.call("CreateQueue", "{'QueueName':'t','tags':{'team':'core','env':'dev'}}")
                .get("QueueUrl").asText();
        assertThat(h.call("ListQueueTags", obj().put("QueueUrl", url)).get("Tags"))
                .isEqualTo(SqsHarness.json("{'team':'core','env':'dev'}"));
    }

    @Test
    void getQueueUrlAndOwnerAccount() {
        String url = h.createQueue("q1");
        assertThat(h.call("GetQueueUrl", "{'QueueName':'q1'}").get("QueueUrl").asText()).isEqualTo(url);
        h.ctx = new RequestContext("111111111111", SqsHarness.REGION, "r", SqsHarness.ENDPOINT);
        assertError(h.error("GetQueueUrl", "{'QueueName':'q1'}"), SqsErrors.QUEUE_DOES_NOT_EXIST,
                "The specified queue does not exist.");
        assertThat(h.call("GetQueueUrl", "{'QueueName':'q1','QueueOwnerAWSAccountId':'000000000000'}")
                .get("QueueUrl").asText()).isEqualTo(url);
    }

    @Test
    void accountsAndRegionsIsolateQueues() {
        String url = h.createQueue("shared");
        h.send(url, "in us-east-1");
        h.ctx = new RequestContext(SqsHarness.ACCOUNT, "eu-west-1", "r", SqsHarness.ENDPOINT);
        assertError(h.error("SendMessage", obj().put("QueueUrl", url).put("MessageBody", "x")),
                SqsErrors.QUEUE_DOES_NOT_EXIST, "does not exist");
        h.createQueue("shared");
        assertThat(h.receive(url)).isEmpty();
        assertThat(h.call("ListQueues", obj()).get("QueueUrls")).hasSize(1);
    }

    @Test
    void invalidQueueUrlIsAQueueThatDoesNotExist() {
        for (String bad : List.of("nonsense", "http://localhost:4566/", "http://localhost:4566/abc/q",
                "http://localhost:4566/000000000000/missing")) {
            assertError(h.error("GetQueueAttributes", obj().put("QueueUrl", bad)),
                    SqsErrors.QUEUE_DOES_NOT_EXIST, "does not exist");
        }
        String url = h.createQueue("q");
        // SQS does not look at the host of a queue URL.
        assertThat(h.call("GetQueueAttributes",
                obj().put("QueueUrl", "https://sqs.us-east-1.amazonaws.com/000000000000/q"))).isNotNull();
        assertThat(url).endsWith("/q");
    }

    @Test
    void listQueuesFiltersByPrefixAndPages() {
        for (int i = 0; i < 25; i++) {
            h.createQueue(String.format("app-%02d", i));
        }
        h.createQueue("other");
        assertThat(h.call("ListQueues", obj()).get("QueueUrls")).hasSize(26);
        assertThat(h.call("ListQueues", obj()).has("NextToken")).isFalse();
        JsonNode prefixed = h.call("ListQueues", "{'QueueNamePrefix':'app-1'}").get("QueueUrls");
        assertThat(prefixed).hasSize(10);

        List<String> all = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            ObjectNode in = obj().put("QueueNamePrefix", "app").put("MaxResults", 10);
            if (token != null) {
                in.put("NextToken", token);
            }
            ObjectNode page = h.call("ListQueues", in);
            page.get("QueueUrls").forEach(u -> all.add(u.asText()));
            token = page.has("NextToken") ? page.get("NextToken").asText() : null;
            pages++;
        } while (token != null);
        assertThat(pages).isEqualTo(3);
        assertThat(all).hasSize(25).doesNotHaveDuplicates().allMatch(u -> u.contains("/app-"));
        assertError(h.error("ListQueues", "{'MaxResults':0}"), SqsErrors.INVALID_PARAMETER_VALUE, "MaxResults");
        assertError(h.error("ListQueues", "{'MaxResults':1001}"), SqsErrors.INVALID_PARAMETER_VALUE, "MaxResults");
        assertThat(h.call("ListQueues", "{'QueueNamePrefix':'zzz'}").has("QueueUrls")).isFalse();
    }

    @Test
    void listQueuesWithoutMaxResultsAnswersAtMostAThousand() {
        for (int i = 0; i < 1005; i++) {
            h.createQueue("q" + i);
        }
        ObjectNode page = h.call("ListQueues", obj());
        assertThat(page.get("QueueUrls")).hasSize(1000);
        assertThat(page.has("NextToken")).isFalse();
    }

    @Test
    void deleteQueueRemovesItAndItsMessages() {
        String url = h.createQueue("gone");
        h.send(url, "m");
        h.call("DeleteQueue", obj().put("QueueUrl", url));
        assertError(h.error("SendMessage", obj().put("QueueUrl", url).put("MessageBody", "x")),
                SqsErrors.QUEUE_DOES_NOT_EXIST, "does not exist");
        assertError(h.error("DeleteQueue", obj().put("QueueUrl", url)), SqsErrors.QUEUE_DOES_NOT_EXIST, "");
        h.advanceSeconds(59);
        assertError(h.error("CreateQueue", "{'QueueName':'gone'}"), SqsErrors.QUEUE_DELETED_RECENTLY,
                "You must wait 60 seconds after deleting a queue before you can create another with the same name.");
        h.advanceSeconds(1);
        String again = h.createQueue("gone");
        assertThat(again).isEqualTo(url);
        assertThat(h.receive(again)).isEmpty();
    }

    @Test
    void aCreateQueueWhileTheDeleteIsUnderWayIsRefusedAsDeletedRecently() {
        String url = h.createQueue("racing");
        // Deleting the queue ends its parked receives; the callback runs inside DeleteQueue, after the queue
        // is gone from the registry, which is where a concurrent CreateQueue of the same name can land.
        CompletableFuture<ObjectNode> parked = h.callAsync("ReceiveMessage",
                obj().put("QueueUrl", url).put("WaitTimeSeconds", 20));
        AtomicReference<Throwable> recreate = new AtomicReference<>();
        parked.whenComplete((r, e) -> recreate.set(catchThrowable(() -> h.createQueue("racing"))));
        h.call("DeleteQueue", obj().put("QueueUrl", url));
        assertThat(recreate.get()).isInstanceOfSatisfying(AwsException.class,
                e -> assertThat(e.error()).isEqualTo(SqsErrors.QUEUE_DELETED_RECENTLY));
        assertError(h.error("GetQueueUrl", "{'QueueName':'racing'}"), SqsErrors.QUEUE_DOES_NOT_EXIST, "");
    }

    @Test
    void purgeDeletesEverythingOncePerMinute() {
        String url = h.createQueue("p");
        h.send(url, "a");
        h.send(url, "b");
        h.receive(url, 1);
        h.call("PurgeQueue", obj().put("QueueUrl", url));
        assertThat(h.attribute(url, "ApproximateNumberOfMessages")).isEqualTo("0");
        assertThat(h.attribute(url, "ApproximateNumberOfMessagesNotVisible")).isEqualTo("0");
        assertError(h.error("PurgeQueue", obj().put("QueueUrl", url)), SqsErrors.PURGE_QUEUE_IN_PROGRESS,
                "Only one PurgeQueue operation on p is allowed every 60 seconds.");
        h.advanceSeconds(60);
        h.call("PurgeQueue", obj().put("QueueUrl", url));
    }

    @Test
    void resetDropsEverything() {
        String url = h.createQueue("r");
        h.send(url, "m");
        h.sqs.reset();
        assertThat(h.call("ListQueues", obj()).has("QueueUrls")).isFalse();
        assertError(h.error("GetQueueUrl", "{'QueueName':'r'}"), SqsErrors.QUEUE_DOES_NOT_EXIST, "");
    }
}
