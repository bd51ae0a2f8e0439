package io.mailroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sesv2.model.EventType;

/**
 * Opens and clicks never reach a local emulator, so a test asks for them
 * ({@code POST /_mailroom/ses/messages/{id}/open|click|delivery-delay}); they arrive as AWS's event records
 * on an SQS queue subscribed to the configuration set's SNS event destination, as on AWS.
 */
class SesEventSimulationIT {
    private static final SesClients.Account A = SesClients.account("210000000012");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String SENDER = "news@events.example.com";
    private static final String LINK = "https://shop.example.com/spring?utm=mail";

    private static SesClients.Feed events;
    private static String set;

    @BeforeAll
    static void configurationSetWithEngagementEvents() {
        A.v2().createEmailIdentity(b -> b.emailIdentity("events.example.com"));
        events = A.feed("ses-engagement");
        set = SesClients.name("engagement");
        A.v2().createConfigurationSet(b -> b.configurationSetName(set));
        A.v2().createConfigurationSetEventDestination(b -> b.configurationSetName(set).eventDestinationName("sns")
                .eventDestination(d -> d.enabled(true).matchingEventTypes(EventType.OPEN, EventType.CLICK)
                        .snsDestination(s -> s.topicArn(events.topicArn()))));
    }

    private static String sendHtml(String to) {
        String html = "<p>Spring sale: <a href=\"" + LINK + "\" ses:tags=\"campaign:spring\">shop now</a></p>";
        return A.v2().sendEmail(b -> b.fromEmailAddress(SENDER).configurationSetName(set)
                .destination(d -> d.toAddresses(to))
                .content(c -> c.simple(m -> m.subject(s -> s.data("Spring sale"))
                        .body(body -> body.html(h -> h.data(html)).text(t -> t.data("Shop: " + LINK))))))
                .messageId();
    }

    @Test
    void openAndClickArriveOnTheSubscribedQueue() {
        String id = sendHtml("reader@example.org");

        SesClients.Response opened = post("/_mailroom/ses/messages/" + id + "/open",
                "{\"userAgent\": \"Mozilla/5.0 (IT)\", \"ipAddress\": \"192.0.2.10\"}");
        assertThat(opened.status()).isEqualTo(200);
        assertThat(opened.json().path("destinations")).extracting(JsonNode::asText).containsExactly("sns");
        JsonNode open = events.await(id);
        assertThat(open.path("eventType").asText()).isEqualTo("Open");
        assertThat(open.path("open").path("userAgent").asText()).isEqualTo("Mozilla/5.0 (IT)");
        assertThat(open.path("open").path("ipAddress").asText()).isEqualTo("192.0.2.10");
        assertThat(Instant.parse(open.path("open").path("timestamp").asText())).isNotNull();
        assertThat(open.path("mail").path("messageId").asText()).isEqualTo(id);
        assertThat(open.path("mail").path("source").asText()).isEqualTo(SENDER);
        assertThat(open.path("mail").path("tags").path("ses:configuration-set")).extracting(JsonNode::asText)
                .containsExactly(set);

        SesClients.Response clicked = post("/_mailroom/ses/messages/" + id + "/click",
                "{\"link\": \"" + LINK + "\"}");
        assertThat(clicked.status()).isEqualTo(200);
        JsonNode click = events.await(id);
        assertThat(click.path("eventType").asText()).isEqualTo("Click");
        assertThat(click.path("click").path("link").asText()).isEqualTo(LINK);
        assertThat(click.path("click").path("linkTags").path("campaign")).extracting(JsonNode::asText)
                .containsExactly("spring");
        assertThat(click.path("click").path("ipAddress").asText()).isNotBlank();
        assertThat(click.path("click").path("userAgent").asText()).isNotBlank();
    }

    @Test
    void clickTagsCanBeGivenAndUntrackedLinksAreRefused() {
        String id = sendHtml("other@example.org");

        assertThat(post("/_mailroom/ses/messages/" + id + "/click",
                "{\"link\": \"" + LINK + "\", \"linkTags\": {\"variant\": \"b\", \"team\": [\"x\", \"y\"]}}").status())
                .isEqualTo(200);
        JsonNode tags = events.await(id).path("click").path("linkTags");
        assertThat(tags.path("variant")).extracting(JsonNode::asText).containsExactly("b");
        assertThat(tags.path("team")).extracting(JsonNode::asText).containsExactly("x", "y");

        SesClients.Response refused = post("/_mailroom/ses/messages/" + id + "/click",
                "{\"link\": \"https://elsewhere.example.net\"}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("code").asText()).isEqualTo("NotTracked");
        // No DeliveryDelay destination on this set: the event is accepted but published nowhere.
        SesClients.Response delayed = post("/_mailroom/ses/messages/" + id + "/delivery-delay",
                "{\"delayType\": \"TransientCommunicationFailure\"}");
        assertThat(delayed.status()).isEqualTo(200);
        assertThat(delayed.json().path("destinations")).isEmpty();
        assertThat(delayed.json().path("event").path("deliveryDelay").path("delayType").asText())
                .isEqualTo("TransientCommunicationFailure");
        assertThat(events.now(id)).isEmpty();
    }

    @Test
    void unknownMessagesAndMailWithoutAConfigurationSetAreErrors() {
        SesClients.Response unknown = post("/_mailroom/ses/messages/no-such-id/open", "");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("code").asText()).isEqualTo("NotFound");

        String plain = A.v2().sendEmail(b -> b.fromEmailAddress(SENDER).destination(d -> d.toAddresses("p@example.org"))
                .content(c -> c.simple(m -> m.subject(s -> s.data("s")).body(body -> body.html(h -> h.data("<b>x</b>"))))))
                .messageId();
        SesClients.Response noSet = post("/_mailroom/ses/messages/" + plain + "/open", "{}");
        assertThat(noSet.status()).isEqualTo(409);
        assertThat(noSet.json().path("code").asText()).isEqualTo("NoConfigurationSet");
    }

    private static SesClients.Response post(String path, String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(TestServer.endpoint() + path))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        try {
            HttpResponse<byte[]> r = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new SesClients.Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
