package io.mailroom.sns;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A platform application's event topics hear of its endpoints' creation, changes, deletion and failed deliveries. */
class ApplicationEventsTest extends SnsTestSupport {
    private static final String EVENTS = "arn:aws:sqs:us-east-1:123456789012:app-events";
    private String app;

    @BeforeEach
    void applicationWithEventTopics() {
        queues.create(EVENTS);
        String events = createTopic("app-events");
        subscribe(events, "sqs", EVENTS);
        app = call("CreatePlatformApplication", "{'Name':'mobile','Platform':'GCM','Attributes':{'PlatformCredential':"
                + "'key','EventEndpointCreated':'" + events + "','EventEndpointUpdated':'" + events + "',"
                + "'EventEndpointDeleted':'" + events + "','EventDeliveryFailure':'" + events + "'}}")
                .get("PlatformApplicationArn").asText();
    }

    private List<JsonNode> events() {
        return queues.messages(EVENTS).stream().map(m -> parse(m.body())).toList();
    }

    @Test
    void endpointsCreatedUpdatedAndDeletedAreAnnounced() {
        String endpoint = call("CreatePlatformEndpoint", "{'PlatformApplicationArn':'" + app + "','Token':'t1'}")
                .get("EndpointArn").asText();
        // The same token and attributes again answer the same endpoint: nothing new to announce.
        call("CreatePlatformEndpoint", "{'PlatformApplicationArn':'" + app + "','Token':'t1'}");
        call("SetEndpointAttributes", "{'EndpointArn':'" + endpoint + "','Attributes':{'CustomUserData':'user-1'}}");
        call("SetEndpointAttributes", "{'EndpointArn':'" + endpoint + "','Attributes':{'CustomUserData':'user-1'}}");
        call("DeleteEndpoint", "{'EndpointArn':'" + endpoint + "'}");
        call("DeleteEndpoint", "{'EndpointArn':'" + endpoint + "'}");

        List<JsonNode> events = events();
        assertThat(events).extracting(e -> parse(e.get("Message").asText()).get("EventType").asText())
                .containsExactly("EndpointCreated", "EndpointUpdated", "EndpointDeleted");
        JsonNode created = events.get(0);
        assertThat(created.get("Subject").asText()).isEqualTo("EndpointCreated event for app mobile (GCM)");
        assertThat(verifiesSafely(created)).isTrue();
        assertThat(created.get("Message").asText()).isEqualTo("{\"EndpointArn\":\"" + endpoint + "\","
                + "\"EventType\":\"EndpointCreated\",\"Resource\":\"" + app + "\",\"Service\":\"SNS\","
                + "\"Time\":\"2024-05-01T10:00:00.000Z\"}");
    }

    @Test
    void aTopicMessageForADisabledEndpointIsADeliveryFailure() {
        String endpoint = call("CreatePlatformEndpoint", "{'PlatformApplicationArn':'" + app + "','Token':'t2',"
                + "'Attributes':{'Enabled':'false'}}").get("EndpointArn").asText();
        String news = createTopic("news");
        subscribe(news, "application", endpoint);
        String messageId = call("Publish", "{'TopicArn':'" + news + "','Message':'hello'}").get("MessageId").asText();

        JsonNode failure = parse(events().get(events().size() - 1).get("Message").asText());
        assertThat(failure.toString()).isEqualTo("{\"DeliveryAttempts\":1,\"EndpointArn\":\"" + endpoint + "\","
                + "\"EventType\":\"DeliveryFailure\",\"FailureMessage\":\"Endpoint is disabled\","
                + "\"FailureType\":\"EndpointDisabled\",\"MessageId\":\"" + messageId + "\",\"Resource\":\"" + app
                + "\",\"Service\":\"SNS\",\"Time\":\"2024-05-01T10:00:00.000Z\"}");
    }

    @Test
    void onlyTheEventsAnApplicationNamesAnExistingTopicForAreAnnounced() {
        String events = "arn:aws:sns:us-east-1:123456789012:app-events";
        String quiet = call("CreatePlatformApplication", "{'Name':'quiet','Platform':'GCM','Attributes':{"
                + "'PlatformCredential':'key','EventEndpointCreated':'arn:aws:sns:us-east-1:123456789012:gone',"
                + "'EventEndpointUpdated':'not-an-arn','EventEndpointDeleted':'" + events + "'}}")
                .get("PlatformApplicationArn").asText();
        String endpoint = call("CreatePlatformEndpoint", "{'PlatformApplicationArn':'" + quiet + "','Token':'t3'}")
                .get("EndpointArn").asText();
        call("SetEndpointAttributes", "{'EndpointArn':'" + endpoint + "','Attributes':{'Enabled':'false'}}");
        call("DeleteEndpoint", "{'EndpointArn':'" + endpoint + "'}");
        assertThat(events()).extracting(e -> parse(e.get("Message").asText()).get("EventType").asText())
                .containsExactly("EndpointDeleted");
    }

    @Test
    void aFailureAnnouncedToADisabledEndpointIsNotAnnouncedAgain() {
        String events = "arn:aws:sns:us-east-1:123456789012:app-events";
        String disabled = call("CreatePlatformEndpoint", "{'PlatformApplicationArn':'" + app + "','Token':'t4',"
                + "'Attributes':{'Enabled':'false'}}").get("EndpointArn").asText();
        subscribe(events, "application", disabled);
        queues.messages(EVENTS).clear();
        String news = createTopic("news");
        subscribe(news, "application", disabled);
        call("Publish", "{'TopicArn':'" + news + "','Message':'hello'}");
        assertThat(events()).extracting(e -> parse(e.get("Message").asText()).get("EventType").asText())
                .containsExactly("DeliveryFailure");
    }

    private boolean verifiesSafely(JsonNode message) {
        try {
            return verifies(message);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
