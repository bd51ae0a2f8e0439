package io.mailroom.it;

import static io.mailroom.it.Sqs.CLIENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * The LocalStack-compatible developer endpoint {@code /_aws/sqs/messages}: look without touching, by GET
 * (XML, or LocalStack's JSON) or with the endpoint as an SDK's or the CLI's SQS endpoint.
 */
class SqsInspectionIT {
    private static final String P = "SqsInspectionIT";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static HttpResponse<String> get(String pathAndQuery, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(TestServer.endpoint() + pathAndQuery)).GET();
        if (accept != null) {
            b.header("Accept", accept);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The messages as the SDK client sees them: the endpoint used as the SQS endpoint of a ReceiveMessage. */
    private static List<Message> messages(String queueUrl, String extra) {
        try (SqsClient sqs = TestServer.sqs(TestServer.credentials(), Region.US_EAST_1, developerEndpoint(extra))) {
            return sqs.receiveMessage(b -> b.queueUrl(queueUrl)).messages();
        }
    }

    private static URI developerEndpoint(String query) {
        return URI.create(TestServer.endpoint() + "/_aws/sqs/messages" + (query.isEmpty() ? "" : "?" + query));
    }

    /** LocalStack's JSON: its XML answer through xmltodict, so one element is an object and several a list. */
    private static JsonNode localStackJson(String pathAndQuery) throws Exception {
        HttpResponse<String> r = get(pathAndQuery, "application/json");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).path("ReceiveMessageResponse");
    }

    private static String query(String queueUrl) {
        return "/_aws/sqs/messages?QueueUrl=" + URLEncoder.encode(queueUrl, StandardCharsets.UTF_8);
    }

    @Test
    void showsTheMessagesWithoutChangingTheirReceiveCount() throws Exception {
        String url = Sqs.create(Sqs.name(P));
        CLIENT.sendMessage(b -> b.queueUrl(url).messageBody("look at me").messageAttributes(Map.of("colour",
                MessageAttributeValue.builder().dataType("String").stringValue("blue").build())));

        for (int i = 0; i < 3; i++) {
            List<Message> listed = messages(url, "");
            assertThat(listed).hasSize(1);
            Message m = listed.get(0);
            assertThat(m.body()).isEqualTo("look at me");
            assertThat(m.md5OfBody()).isEqualTo(Md5.ofBody("look at me"));
            assertThat(m.attributes()).containsEntry(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "0")
                    .containsKey(MessageSystemAttributeName.SENT_TIMESTAMP);
            assertThat(m.messageAttributes().get("colour").stringValue()).isEqualTo("blue");

            JsonNode json = localStackJson(query(url)).path("ReceiveMessageResult").path("Message");
            assertThat(json.isObject()).as("one message is an object, not a list").isTrue();
            assertThat(json.path("Body").asText()).isEqualTo("look at me");
            assertThat(json.path("ReceiptHandle").asText()).isEqualTo("SQS/BACKDOOR/ACCESS");
            assertThat(json.path("Attribute")).anySatisfy(a -> {
                assertThat(a.path("Name").asText()).isEqualTo("ApproximateReceiveCount");
                assertThat(a.path("Value").asText()).isEqualTo("0");
            });
            assertThat(json.path("MessageAttribute").path("Name").asText()).isEqualTo("colour");
            assertThat(json.path("MessageAttribute").path("Value").path("StringValue").asText()).isEqualTo("blue");
        }
        assertThat(Sqs.counts(url)).containsExactly(1, 0, 0);
        Message received = CLIENT.receiveMessage(b -> b.queueUrl(url)
                .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages().get(0);
        assertThat(received.attributes()).containsEntry(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "1");
    }

    @Test
    void localStackJsonListsSeveralMessagesAndIsNullForNone() throws Exception {
        String url = Sqs.create(Sqs.name(P));
        assertThat(localStackJson(query(url)).path("ReceiveMessageResult").isNull()).isTrue();
        Sqs.send(url, "one");
        Sqs.send(url, "two");
        JsonNode response = localStackJson(query(url));
        assertThat(response.path("ReceiveMessageResult").path("Message")).extracting(n -> n.path("Body").asText())
                .containsExactly("one", "two");
        assertThat(response.path("ResponseMetadata").path("RequestId").asText()).isNotEmpty();
    }

    @Test
    void inFlightAndDelayedMessagesAreShownOnRequest() throws Exception {
        String url = Sqs.create(Sqs.name(P));
        Sqs.send(url, "visible");
        Sqs.send(url, "in flight");
        Message inFlight = Sqs.receiveOne(url);
        String stillVisible = inFlight.body().equals("visible") ? "in flight" : "visible";
        CLIENT.sendMessage(b -> b.queueUrl(url).messageBody("delayed").delaySeconds(600));

        assertThat(messages(url, "")).extracting(Message::body).containsExactly(stillVisible);
        List<Message> all = messages(url, "ShowInvisible=true&ShowDelayed=true");
        assertThat(all).extracting(Message::body).containsExactlyInAnyOrder("visible", "in flight", "delayed");
        for (Message m : all) {
            assertThat(m.attributesAsStrings().get("IsVisible")).isEqualTo(Boolean.toString(m.body().equals(stillVisible)));
            assertThat(m.attributesAsStrings().get("IsDelayed")).isEqualTo(Boolean.toString(m.body().equals("delayed")));
        }
        assertThat(Sqs.counts(url)).containsExactly(1, 1, 1);
    }

    @Test
    void aQueryProtocolReceiveIsAnsweredInXml() throws Exception {
        // (The SDK for Java v1 sends its calls to the queue URL itself, so it cannot be pointed here.)
        String url = Sqs.create(Sqs.name(P));
        Sqs.send(url, "for the query protocol");
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(developerEndpoint(""))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString("Action=ReceiveMessage&Version=2012-11-05&QueueUrl="
                        + URLEncoder.encode(url, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("<ReceiveMessageResponse").contains("<Body>for the query protocol</Body>");
        HttpResponse<String> other = HTTP.send(HttpRequest.newBuilder(developerEndpoint(""))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("Action=PurgeQueue&QueueUrl="
                        + URLEncoder.encode(url, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(other.statusCode()).isEqualTo(400);
        assertThat(other.body()).contains("<Code>InvalidAction</Code>");
        assertThat(Sqs.counts(url)).containsExactly(1, 0, 0);
    }

    @Test
    void theCliReadsItAsLocalStackDocumentsIt() throws Exception {
        AwsCli.assumeInstalled();
        String url = Sqs.create(Sqs.name(P));
        Sqs.send(url, "for the cli");
        AwsCli.Run run = AwsCli.standard().runAt(developerEndpoint(""), "sqs", "receive-message", "--queue-url", url);
        assertThat(run.exit()).as(run.stderr()).isZero();
        JsonNode message = JSON.readTree(run.stdout()).path("Messages").get(0);
        assertThat(message.path("Body").asText()).isEqualTo("for the cli");
        assertThat(message.path("ReceiptHandle").asText()).isEqualTo("SQS/BACKDOOR/ACCESS");
        assertThat(Sqs.counts(url)).containsExactly(1, 0, 0);
    }

    @Test
    void onlyReceiveMessageIsAnsweredThere() {
        String url = Sqs.create(Sqs.name(P));
        try (SqsClient sqs = TestServer.sqs(TestServer.credentials(), Region.US_EAST_1, developerEndpoint(""))) {
            assertThatThrownBy(() -> sqs.sendMessage(b -> b.queueUrl(url).messageBody("no")))
                    .isInstanceOfSatisfying(SqsException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidAction");
                        assertThat(e.statusCode()).isEqualTo(400);
                    });
            assertThatThrownBy(() -> sqs.receiveMessage(b -> b.queueUrl(Sqs.missingQueueUrl())))
                    .isInstanceOf(QueueDoesNotExistException.class);
        }
        assertThat(Sqs.counts(url)).containsExactly(0, 0, 0);
    }

    @Test
    void answersXmlByDefaultAndAcceptsTheQueueAsAPath() throws Exception {
        String name = Sqs.name(P);
        String url = Sqs.create(name);
        Sqs.send(url, "<xml & friends>");

        HttpResponse<String> xml = get("/_aws/sqs/messages?QueueUrl=" + URLEncoder.encode(url, StandardCharsets.UTF_8), null);
        assertThat(xml.statusCode()).isEqualTo(200);
        org.w3c.dom.Document doc = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(xml.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("ReceiveMessageResponse");
        assertThat(doc.getElementsByTagName("Body").item(0).getTextContent()).isEqualTo("<xml & friends>");

        JsonNode byPath = localStackJson("/_aws/sqs/messages/us-east-1/000000000000/" + name);
        assertThat(byPath.path("ReceiveMessageResult").path("Message").path("Body").asText()).isEqualTo("<xml & friends>");
    }

    @Test
    void aMissingQueueIsAnError() throws Exception {
        HttpResponse<String> r = get("/_aws/sqs/messages?QueueUrl=" + URLEncoder.encode(Sqs.missingQueueUrl(),
                StandardCharsets.UTF_8), null);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("AWS.SimpleQueueService.NonExistentQueue");
        HttpResponse<String> json = get("/_aws/sqs/messages?QueueUrl=" + URLEncoder.encode(Sqs.missingQueueUrl(),
                StandardCharsets.UTF_8), "application/json");
        assertThat(json.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(json.body()).path("ErrorResponse").path("Error").path("Code").asText())
                .isEqualTo("AWS.SimpleQueueService.NonExistentQueue");
    }
}
