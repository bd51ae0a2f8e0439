package io.mailroom.it;

import static io.mailroom.it.Sqs.CLIENT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/** The LocalStack-compatible developer endpoint {@code GET /_aws/sqs/messages}: look without touching. */
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

    private static JsonNode messages(String queueUrl, String extra) throws Exception {
        HttpResponse<String> r = get("/_aws/sqs/messages?QueueUrl=" + URLEncoder.encode(queueUrl, StandardCharsets.UTF_8)
                + extra, "application/json");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).path("Messages");
    }

    @Test
    void showsTheMessagesWithoutChangingTheirReceiveCount() throws Exception {
        String url = Sqs.create(Sqs.name(P));
        CLIENT.sendMessage(b -> b.queueUrl(url).messageBody("look at me").messageAttributes(Map.of("colour",
                MessageAttributeValue.builder().dataType("String").stringValue("blue").build())));

        for (int i = 0; i < 3; i++) {
            JsonNode listed = messages(url, "");
            assertThat(listed).hasSize(1);
            JsonNode m = listed.get(0);
            assertThat(m.path("Body").asText()).isEqualTo("look at me");
            assertThat(m.path("MD5OfBody").asText()).isEqualTo(Md5.ofBody("look at me"));
            assertThat(m.path("Attributes").path("ApproximateReceiveCount").asText()).isEqualTo("0");
            assertThat(m.path("Attributes").has("SentTimestamp")).isTrue();
            assertThat(m.path("MessageAttributes").path("colour").path("StringValue").asText()).isEqualTo("blue");
        }
        assertThat(Sqs.counts(url)).containsExactly(1, 0, 0);
        Message received = CLIENT.receiveMessage(b -> b.queueUrl(url)
                .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages().get(0);
        assertThat(received.attributes()).containsEntry(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "1");
    }

    @Test
    void inFlightAndDelayedMessagesAreShownOnRequest() throws Exception {
        String url = Sqs.create(Sqs.name(P));
        Sqs.send(url, "visible");
        Sqs.send(url, "in flight");
        Message inFlight = Sqs.receiveOne(url);
        String stillVisible = inFlight.body().equals("visible") ? "in flight" : "visible";
        CLIENT.sendMessage(b -> b.queueUrl(url).messageBody("delayed").delaySeconds(600));

        assertThat(messages(url, "")).extracting(n -> n.path("Body").asText()).containsExactly(stillVisible);
        JsonNode all = messages(url, "&ShowInvisible=true&ShowDelayed=true");
        assertThat(all).extracting(n -> n.path("Body").asText())
                .containsExactlyInAnyOrder("visible", "in flight", "delayed");
        for (JsonNode n : all) {
            String body = n.path("Body").asText();
            assertThat(n.path("Attributes").path("IsVisible").asText()).isEqualTo(Boolean.toString(body.equals(stillVisible)));
            assertThat(n.path("Attributes").path("IsDelayed").asText()).isEqualTo(Boolean.toString(body.equals("delayed")));
        }
        assertThat(Sqs.counts(url)).containsExactly(1, 1, 1);
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

        HttpResponse<String> byPath = get("/_aws/sqs/messages/us-east-1/000000000000/" + name, "application/json");
        assertThat(byPath.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(byPath.body()).path("Messages").get(0).path("Body").asText()).isEqualTo("<xml & friends>");
    }

    @Test
    void aMissingQueueIsAnError() throws Exception {
        HttpResponse<String> r = get("/_aws/sqs/messages?QueueUrl=" + URLEncoder.encode(Sqs.missingQueueUrl(),
                StandardCharsets.UTF_8), null);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("AWS.SimpleQueueService.NonExistentQueue");
    }
}
