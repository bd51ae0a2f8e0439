package io.mailroom.it;

import static io.mailroom.it.SnsClients.SNS;
import static io.mailroom.it.SnsClients.invalidParameter;
import static io.mailroom.it.SnsClients.name;
import static io.mailroom.it.SnsClients.notFound;
import static io.mailroom.it.SnsClients.snsError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.model.Endpoint;
import software.amazon.awssdk.services.sns.model.EndpointDisabledException;
import software.amazon.awssdk.services.sns.model.PlatformApplication;
import software.amazon.awssdk.services.sns.model.PlatformApplicationDisabledException;

/** Platform applications and endpoints (mobile push), observed through /_aws/sns/platform-endpoint-messages. */
class SnsPlatformIT {

    private static String createApplication(String name) {
        return SNS.createPlatformApplication(b -> b.name(name).platform("GCM")
                .attributes(Map.of("PlatformCredential", "server-api-key"))).platformApplicationArn();
    }

    private static JsonNode pushesTo(String endpointArn) {
        return SnsClients.get("/_aws/sns/platform-endpoint-messages?endpointArn=" + SnsClients.encode(endpointArn))
                .json().path("platform_endpoint_messages").path(endpointArn);
    }

    @Test
    void platformApplicationsCanBeCreatedReadChangedListedAndDeleted() {
        String name = name("android");
        String arn = createApplication(name);
        assertThat(arn).isEqualTo("arn:aws:sns:us-east-1:000000000000:app/GCM/" + name);

        Map<String, String> attributes = SNS.getPlatformApplicationAttributes(b -> b.platformApplicationArn(arn))
                .attributes();
        assertThat(attributes).doesNotContainKey("PlatformCredential").containsEntry("Enabled", "true");

        SNS.setPlatformApplicationAttributes(b -> b.platformApplicationArn(arn)
                .attributes(Map.of("SuccessFeedbackSampleRate", "50")));
        assertThat(SNS.getPlatformApplicationAttributes(b -> b.platformApplicationArn(arn)).attributes())
                .containsEntry("SuccessFeedbackSampleRate", "50");
        assertThat(SNS.listPlatformApplicationsPaginator().platformApplications())
                .extracting(PlatformApplication::platformApplicationArn).contains(arn);

        SNS.deletePlatformApplication(b -> b.platformApplicationArn(arn));
        notFound(() -> SNS.getPlatformApplicationAttributes(b -> b.platformApplicationArn(arn)));
        assertThat(SNS.listPlatformApplicationsPaginator().platformApplications())
                .extracting(PlatformApplication::platformApplicationArn).doesNotContain(arn);
    }

    @Test
    void platformApplicationInputIsValidated() {
        invalidParameter(() -> SNS.createPlatformApplication(b -> b.name(name("app")).platform("PIGEON")
                .attributes(Map.of("PlatformCredential", "k"))));
        invalidParameter(() -> SNS.createPlatformApplication(b -> b.name("bad name!").platform("GCM")
                .attributes(Map.of("PlatformCredential", "k"))));
        invalidParameter(() -> SNS.createPlatformApplication(b -> b.name(name("app")).platform("GCM")
                .attributes(Map.of("Colour", "red"))));
        String missing = "arn:aws:sns:us-east-1:000000000000:app/GCM/" + name("gone");
        notFound(() -> SNS.setPlatformApplicationAttributes(b -> b.platformApplicationArn(missing)
                .attributes(Map.of("Enabled", "false"))));
        notFound(() -> SNS.listEndpointsByPlatformApplication(b -> b.platformApplicationArn(missing)));
        notFound(() -> SNS.createPlatformEndpoint(b -> b.platformApplicationArn(missing).token("t")));
    }

    @Test
    void endpointsAreIdempotentPerTokenAndCarryTheirAttributes() {
        String app = createApplication(name("phones"));
        String token = name("device-token");
        String arn = SNS.createPlatformEndpoint(b -> b.platformApplicationArn(app).token(token)
                .customUserData("user-7")).endpointArn();
        assertThat(arn).startsWith("arn:aws:sns:us-east-1:000000000000:endpoint/GCM/");
        assertThat(SNS.createPlatformEndpoint(b -> b.platformApplicationArn(app).token(token)
                .customUserData("user-7")).endpointArn()).isEqualTo(arn);
        invalidParameter(() -> SNS.createPlatformEndpoint(b -> b.platformApplicationArn(app).token(token)
                .customUserData("someone-else")));

        assertThat(SNS.getEndpointAttributes(b -> b.endpointArn(arn)).attributes())
                .containsEntry("Token", token).containsEntry("Enabled", "true").containsEntry("CustomUserData", "user-7");
        SNS.setEndpointAttributes(b -> b.endpointArn(arn).attributes(Map.of("CustomUserData", "user-8")));
        assertThat(SNS.getEndpointAttributes(b -> b.endpointArn(arn)).attributes())
                .containsEntry("CustomUserData", "user-8");
        invalidParameter(() -> SNS.setEndpointAttributes(b -> b.endpointArn(arn).attributes(Map.of("Colour", "x"))));

        assertThat(SNS.listEndpointsByPlatformApplicationPaginator(b -> b.platformApplicationArn(app)).endpoints())
                .extracting(Endpoint::endpointArn).containsExactly(arn);

        SNS.deleteEndpoint(b -> b.endpointArn(arn));
        notFound(() -> SNS.getEndpointAttributes(b -> b.endpointArn(arn)));
        assertThat(SNS.listEndpointsByPlatformApplication(b -> b.platformApplicationArn(app)).endpoints()).isEmpty();
        // DeleteEndpoint is idempotent.
        SNS.deleteEndpoint(b -> b.endpointArn(arn));
    }

    @Test
    void publishToAnEndpointIsRecordedPerPlatformKeyAndCanBeCleared() {
        String app = createApplication(name("push"));
        String endpoint = SNS.createPlatformEndpoint(b -> b.platformApplicationArn(app).token(name("tok"))).endpointArn();
        String gcm = "{\"notification\":{\"title\":\"Hello\"}}";
        String messageId = SNS.publish(b -> b.targetArn(endpoint).messageStructure("json")
                .message("{\"default\":\"plain\",\"GCM\":" + SnsClients.JSON.valueToTree(gcm) + "}")).messageId();

        JsonNode pushes = pushesTo(endpoint);
        assertThat(pushes).hasSize(1);
        assertThat(pushes.get(0).get("MessageId").asText()).isEqualTo(messageId);
        assertThat(pushes.get(0).get("Message").asText()).isEqualTo(gcm);
        assertThat(pushes.get(0).get("TargetArn").asText()).isEqualTo(endpoint);

        assertThat(SnsClients.delete("/_aws/sns/platform-endpoint-messages?endpointArn=" + SnsClients.encode(endpoint))
                .status()).isEqualTo(204);
        assertThat(pushesTo(endpoint).isMissingNode() || pushesTo(endpoint).isEmpty()).isTrue();
    }

    @Test
    void applicationSubscriptionsReceiveTopicMessages() {
        String app = createApplication(name("subscribed"));
        String endpoint = SNS.createPlatformEndpoint(b -> b.platformApplicationArn(app).token(name("tok"))).endpointArn();
        String topic = SnsClients.createTopic("push-topic");
        SNS.subscribe(b -> b.topicArn(topic).protocol("application").endpoint(endpoint));

        SNS.publish(b -> b.topicArn(topic).message("Sale starts now"));

        JsonNode pushes = SnsClients.await("push to endpoint", () -> pushesTo(endpoint).size() == 1
                ? pushesTo(endpoint) : null);
        assertThat(pushes.get(0).get("Message").asText()).isEqualTo("Sale starts now");
        assertThat(pushes.get(0).get("TopicArn").asText()).isEqualTo(topic);
    }

    @Test
    void disabledEndpointsAndApplicationsRefusePublishes() {
        String app = createApplication(name("disabled"));
        String endpoint = SNS.createPlatformEndpoint(b -> b.platformApplicationArn(app).token(name("tok"))).endpointArn();
        SNS.setEndpointAttributes(b -> b.endpointArn(endpoint).attributes(Map.of("Enabled", "false")));
        snsError(EndpointDisabledException.class, "EndpointDisabled", 400,
                () -> SNS.publish(b -> b.targetArn(endpoint).message("hi")));

        SNS.setEndpointAttributes(b -> b.endpointArn(endpoint).attributes(Map.of("Enabled", "true")));
        SNS.setPlatformApplicationAttributes(b -> b.platformApplicationArn(app).attributes(Map.of("Enabled", "false")));
        snsError(PlatformApplicationDisabledException.class, "PlatformApplicationDisabled", 400,
                () -> SNS.publish(b -> b.targetArn(endpoint).message("hi")));

        invalidParameter(() -> SNS.publish(b -> b.targetArn(endpoint + "-gone").message("hi")));
    }

    @Test
    void theApplicationsEventTopicHearsOfItsEndpoints() {
        SnsFanOutIT.Queue events = SnsFanOutIT.queue(Sqs.CLIENT, "app-events");
        String topic = SNS.createTopic(b -> b.name(name("app-events"))).topicArn();
        SNS.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(events.arn())
                .attributes(Map.of("RawMessageDelivery", "true")));
        String app = SNS.createPlatformApplication(b -> b.name(name("ios")).platform("APNS").attributes(Map.of(
                "PlatformCredential", "key", "EventEndpointCreated", topic, "EventEndpointDeleted", topic)))
                .platformApplicationArn();
        String endpoint = SNS.createPlatformEndpoint(b -> b.platformApplicationArn(app).token("device-1")).endpointArn();
        SNS.deleteEndpoint(b -> b.endpointArn(endpoint));

        assertThat(SnsFanOutIT.receive(Sqs.CLIENT, events, 2)).extracting(m -> SnsClients.readJson(m.body()))
                .satisfiesExactly(
                        created -> assertThat(created.get("EventType").asText()).isEqualTo("EndpointCreated"),
                        deleted -> {
                            assertThat(deleted.get("EventType").asText()).isEqualTo("EndpointDeleted");
                            assertThat(deleted.get("EndpointArn").asText()).isEqualTo(endpoint);
                            assertThat(deleted.get("Resource").asText()).isEqualTo(app);
                        });
    }
}
