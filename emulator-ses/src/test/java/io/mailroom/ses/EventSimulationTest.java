package io.mailroom.ses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.mailroom.core.error.AwsException;
import io.mailroom.ses.engagement.SimulatedEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Open, Click and DeliveryDelay events asked for by a test, published like the ones SES makes itself. */
class EventSimulationTest extends SesTestSupport {
    static final String EVENTS = "arn:aws:sns:us-east-1:123456789012:ses-events";
    static final String HTML = "<p>Hi <a href=\"https://example.com/offer?a=1&amp;b=2\" ses:tags=\"campaign:spring;"
            + "variant:b\">offer</a> <a href=\"https://example.com/private\" ses:no-track>private</a>"
            + " <a href=\"mailto:help@example.com\">help</a></p>";

    @BeforeEach
    void setUp() {
        topics.create(EVENTS);
        v2("CreateEmailIdentity", "{'EmailIdentity':'example.com'}");
        v2("CreateConfigurationSet", "{'ConfigurationSetName':'cs','DeliveryOptions':{'MaxDeliverySeconds':600}}");
        v2("CreateConfigurationSetEventDestination", "{'ConfigurationSetName':'cs','EventDestinationName':'sns',"
                + "'EventDestination':{'Enabled':true,'MatchingEventTypes':['OPEN','CLICK','DELIVERY_DELAY'],"
                + "'SnsDestination':{'TopicArn':'" + EVENTS + "'}}}");
    }

    private String send(String configurationSet, String html) {
        String set = configurationSet == null ? "" : "'ConfigurationSetName':'" + configurationSet + "',";
        String body = html == null ? "'Text':{'Data':'plain'}" : "'Html':{'Data':" + js(html) + "}";
        return v2("SendEmail", "{'FromEmailAddress':'app@example.com','Destination':{'ToAddresses':['u@x.org'],"
                + "'CcAddresses':['v@x.org']}," + set + "'EmailTags':[{'Name':'campaign','Value':'may'}],"
                + "'Content':{'Simple':{'Subject':{'Data':'s'},'Body':{" + body + "}}}}").get("MessageId").asText();
    }

    private JsonNode last() {
        List<JsonNode> events = published(EVENTS);
        assertThat(events).isNotEmpty();
        return events.get(events.size() - 1);
    }

    private static void fails(Runnable call, String code, int status, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(AwsException.class, e -> {
            assertThat(e.error().code()).isEqualTo(code);
            assertThat(e.error().status()).isEqualTo(status);
            assertThat(e.getMessage()).contains(message);
        });
    }

    @Test
    void openIsPublishedWithTheMailObjectOfTheSend() {
        String id = send("cs", HTML);
        clock.advance(Duration.ofMinutes(3));

        SimulatedEvent result = ses.simulateOpen(id, "Mozilla/5.0 (test)", "192.0.2.7");

        assertThat(result.eventType()).isEqualTo("Open");
        assertThat(result.configurationSet()).isEqualTo("cs");
        assertThat(result.destinations()).containsExactly("sns");
        JsonNode event = last();
        assertThat(event).isEqualTo(result.event());
        assertThat(event.get("eventType").asText()).isEqualTo("Open");
        assertThat(event.get("open").get("timestamp").asText()).isEqualTo("2024-05-01T10:03:00.000Z");
        assertThat(event.get("open").get("userAgent").asText()).isEqualTo("Mozilla/5.0 (test)");
        assertThat(event.get("open").get("ipAddress").asText()).isEqualTo("192.0.2.7");
        JsonNode mail = event.get("mail");
        assertThat(mail.get("messageId").asText()).isEqualTo(id);
        assertThat(mail.get("timestamp").asText()).isEqualTo("2024-05-01T10:00:00.000Z");
        assertThat(mail.get("tags").get("campaign").get(0).asText()).isEqualTo("may");
        assertThat(mail.get("tags").get("ses:configuration-set").get(0).asText()).isEqualTo("cs");
        assertThat(mail.get("commonHeaders").get("subject").asText()).isEqualTo("s");
    }

    @Test
    void openDefaultsItsUserAgentAndAddress() {
        String id = send("cs", HTML);
        ses.simulateOpen(id, null, null);
        assertThat(last().get("open").get("ipAddress").asText()).isEqualTo("127.0.0.1");
        assertThat(last().get("open").get("userAgent").asText()).isNotBlank();
    }

    @Test
    void clickReportsTheAnchorsTagsUnlessGiven() {
        String id = send("cs", HTML);

        ses.simulateClick(id, "https://example.com/offer?a=1&b=2", null);
        JsonNode click = last().get("click");
        assertThat(last().get("eventType").asText()).isEqualTo("Click");
        assertThat(click.get("link").asText()).isEqualTo("https://example.com/offer?a=1&b=2");
        assertThat(click.get("linkTags").get("campaign").get(0).asText()).isEqualTo("spring");
        assertThat(click.get("linkTags").get("variant").get(0).asText()).isEqualTo("b");
        assertThat(click.get("ipAddress").asText()).isEqualTo("127.0.0.1");
        assertThat(click.has("timestamp") && click.has("userAgent")).isTrue();

        ses.simulateClick(id, "https://example.com/offer?a=1&b=2", Map.of("k", List.of("v1", "v2")), "UA", "192.0.2.9");
        click = last().get("click");
        assertThat(click.get("linkTags").get("k")).extracting(JsonNode::asText).containsExactly("v1", "v2");
        assertThat(click.get("linkTags").has("campaign")).isFalse();
        assertThat(click.get("userAgent").asText()).isEqualTo("UA");
    }

    @Test
    void untrackedLinksAreNotClicked() {
        String id = send("cs", HTML);
        fails(() -> ses.simulateClick(id, "https://example.com/private", null), "NotTracked", 409,
                "Tracked links: https://example.com/offer?a=1&b=2");
        fails(() -> ses.simulateClick(id, "mailto:help@example.com", null), "NotTracked", 409, "mailto:help");
        fails(() -> ses.simulateClick(id, "https://elsewhere.org", null), "NotTracked", 409, "elsewhere");
        fails(() -> ses.simulateClick(id, " ", null), "InvalidParameterValue", 400, "link");
        assertThat(published(EVENTS)).isEmpty();
    }

    @Test
    void textOnlyMailIsNeitherOpenedNorClicked() {
        String id = send("cs", null);
        fails(() -> ses.simulateOpen(id, null, null), "NotTracked", 409, "no HTML part");
        fails(() -> ses.simulateClick(id, "https://example.com", null), "NotTracked", 409, "Tracked links: none");
    }

    @Test
    void deliveryDelayListsEveryRecipientAndExpiresWithTheSet() {
        String id = send("cs", null);
        clock.advance(Duration.ofMinutes(1));

        SimulatedEvent result = ses.simulateDeliveryDelay(id, "MailboxFull");

        JsonNode delay = last().get("deliveryDelay");
        assertThat(result.eventType()).isEqualTo("DeliveryDelay");
        assertThat(last().get("eventType").asText()).isEqualTo("DeliveryDelay");
        assertThat(delay.get("delayType").asText()).isEqualTo("MailboxFull");
        assertThat(delay.get("timestamp").asText()).isEqualTo("2024-05-01T10:01:00.000Z");
        assertThat(delay.get("expirationTime").asText()).isEqualTo("2024-05-01T10:10:00.000Z");
        assertThat(delay.get("delayedRecipients").findValuesAsText("emailAddress")).containsExactly("u@x.org", "v@x.org");
        assertThat(delay.get("delayedRecipients").get(0).get("status").asText()).isEqualTo("4.2.2");
        assertThat(delay.get("delayedRecipients").get(0).get("diagnosticCode").asText()).startsWith("smtp; 452");

        fails(() -> ses.simulateDeliveryDelay(id, "Slow"), "InvalidParameterValue", 400,
                "TransientCommunicationFailure");
    }

    @Test
    void deliveryDelayExpiresAfterFourteenHoursByDefault() {
        v2("CreateConfigurationSet", "{'ConfigurationSetName':'plain'}");
        v2("CreateConfigurationSetEventDestination", "{'ConfigurationSetName':'plain','EventDestinationName':'sns',"
                + "'EventDestination':{'Enabled':true,'MatchingEventTypes':['DELIVERY_DELAY'],"
                + "'SnsDestination':{'TopicArn':'" + EVENTS + "'}}}");
        String id = send("plain", null);
        ses.simulateDeliveryDelay(id, "TransientCommunicationFailure");
        assertThat(last().get("deliveryDelay").get("expirationTime").asText()).isEqualTo("2024-05-02T00:00:00.000Z");
    }

    @Test
    void onlyDestinationsThatTakeTheTypeReceiveIt() {
        v2("CreateConfigurationSet", "{'ConfigurationSetName':'sends'}");
        v2("CreateConfigurationSetEventDestination", "{'ConfigurationSetName':'sends','EventDestinationName':'sns',"
                + "'EventDestination':{'Enabled':true,'MatchingEventTypes':['SEND','CLICK'],"
                + "'SnsDestination':{'TopicArn':'" + EVENTS + "'}}}");
        v2("CreateConfigurationSetEventDestination", "{'ConfigurationSetName':'sends','EventDestinationName':'off',"
                + "'EventDestination':{'Enabled':false,'MatchingEventTypes':['OPEN'],"
                + "'SnsDestination':{'TopicArn':'" + EVENTS + "'}}}");
        String id = send("sends", HTML);
        assertThat(published(EVENTS)).hasSize(1); // Send

        SimulatedEvent open = ses.simulateOpen(id, null, null);

        assertThat(open.destinations()).isEmpty();
        assertThat(published(EVENTS)).hasSize(1);
        assertThat(ses.simulateClick(id, "https://example.com/offer?a=1&b=2", null).destinations())
                .containsExactly("sns");
        assertThat(published(EVENTS)).extracting(e -> e.get("eventType").asText()).containsExactly("Send", "Click");
    }

    @Test
    void unknownMessagesAndMailWithoutConfigurationSetAreErrors() {
        fails(() -> ses.simulateOpen("nope", null, null), "NotFound", 404, "No sent message nope");
        String id = send(null, HTML);
        fails(() -> ses.simulateOpen(id, null, null), "NoConfigurationSet", 409, "without a configuration set");
        fails(() -> ses.simulateDeliveryDelay(id, "General"), "NoConfigurationSet", 409, "DeliveryDelay");
        ses.clearSentMessages(null);
        String gone = send("cs", HTML);
        ses.clearSentMessages(gone);
        fails(() -> ses.simulateOpen(gone, null, null), "NotFound", 404, gone);
    }

    @Test
    void aDeletedConfigurationSetIsReported() {
        String id = send("cs", HTML);
        v2("DeleteConfigurationSet", "{'ConfigurationSetName':'cs'}");
        fails(() -> ses.simulateOpen(id, null, null), "NotFound", 404, "Configuration set cs");
    }

    @Test
    void v1ConfigurationSetsTakeOpenAndClickToo() {
        verifyEmail("me@example.com");
        v1("CreateConfigurationSet", "{'ConfigurationSet':{'Name':'v1set'}}");
        v1("CreateConfigurationSetEventDestination", "{'ConfigurationSetName':'v1set','EventDestination':{'Name':'d',"
                + "'Enabled':true,'MatchingEventTypes':['open'],'SNSDestination':{'TopicARN':'" + EVENTS + "'}}}");
        String id = v1("SendEmail", "{'Source':'me@example.com','ConfigurationSetName':'v1set','Destination':"
                + "{'ToAddresses':['a@x.org']},'Message':{'Subject':{'Data':'s'},'Body':{'Html':{'Data':'<b>hi</b>'}}}}")
                .get("MessageId").asText();
        ses.simulateOpen(id, null, null);
        assertThat(last().get("mail").get("tags").get("ses:operation").get(0).asText()).isEqualTo("SendEmail");
    }
}
