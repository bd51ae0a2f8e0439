package io.mailroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ses.model.ConfigurationSetAttribute;
import software.amazon.awssdk.services.ses.model.ConfigurationSetDoesNotExistException;
import software.amazon.awssdk.services.ses.model.ConfigurationSetSendingPausedException;
import software.amazon.awssdk.services.ses.model.DescribeConfigurationSetResponse;
import software.amazon.awssdk.services.ses.model.EventDestinationDoesNotExistException;
import software.amazon.awssdk.services.ses.model.EventType;
import software.amazon.awssdk.services.ses.model.InvalidSnsDestinationException;
import software.amazon.awssdk.services.ses.model.TlsPolicy;
import software.amazon.awssdk.services.sesv2.model.GetConfigurationSetResponse;
import software.amazon.awssdk.services.sesv2.model.NotFoundException;
import software.amazon.awssdk.services.sesv2.model.SubscriptionStatus;
import software.amazon.awssdk.services.sesv2.model.SuppressionListReason;

/**
 * Configuration sets and their event destinations and options through both APIs; v2 contact lists and
 * contacts; the account suppression list (a suppressed recipient bounces); dedicated IP pools and tags; the
 * mailbox simulator's addresses.
 */
class SesConfigurationIT {
    private static final SesClients.Account A = SesClients.account("210000000005");
    private static final String SENDER = "ops@config.example.com";
    private static SesClients.Feed bounces;
    private static SesClients.Feed deliveries;
    private static SesClients.Feed complaints;

    @BeforeAll
    static void sender() {
        A.ses().verifyDomainIdentity(b -> b.domain("config.example.com"));
        bounces = A.feed("cfg-bounces");
        deliveries = A.feed("cfg-deliveries");
        complaints = A.feed("cfg-complaints");
        for (var pair : List.of(List.of("Bounce", bounces.topicArn()), List.of("Delivery", deliveries.topicArn()),
                List.of("Complaint", complaints.topicArn()))) {
            A.ses().setIdentityNotificationTopic(b -> b.identity("config.example.com").notificationType(pair.get(0))
                    .snsTopic(pair.get(1)));
        }
    }

    private static String send(String to, String configurationSet) {
        return A.ses().sendEmail(b -> b.source(SENDER).destination(d -> d.toAddresses(to))
                .configurationSetName(configurationSet)
                .message(m -> m.subject(s -> s.data("cfg")).body(x -> x.text(t -> t.data("t"))))).messageId();
    }

    @Test
    void v1ConfigurationSetsAndEventDestinations() {
        String set = SesClients.name("v1set");
        String topic = A.sns().createTopic(b -> b.name(SesClients.name("evt"))).topicArn();
        A.ses().createConfigurationSet(b -> b.configurationSet(c -> c.name(set)));
        SesClients.error(software.amazon.awssdk.services.ses.model.ConfigurationSetAlreadyExistsException.class,
                "ConfigurationSetAlreadyExists", 400,
                () -> A.ses().createConfigurationSet(b -> b.configurationSet(c -> c.name(set))));
        A.ses().createConfigurationSetEventDestination(b -> b.configurationSetName(set).eventDestination(d -> d
                .name("sns").enabled(true).matchingEventTypes(EventType.BOUNCE, EventType.COMPLAINT)
                .snsDestination(s -> s.topicARN(topic))));
        A.ses().createConfigurationSetEventDestination(b -> b.configurationSetName(set).eventDestination(d -> d
                .name("cw").enabled(false).matchingEventTypes(EventType.SEND)
                .cloudWatchDestination(c -> c.dimensionConfigurations(x -> x.dimensionName("campaign")
                        .dimensionValueSource("messageTag").defaultDimensionValue("none")))));
        A.ses().updateConfigurationSetEventDestination(b -> b.configurationSetName(set).eventDestination(d -> d
                .name("sns").enabled(true).matchingEventTypes(EventType.BOUNCE, EventType.DELIVERY)
                .snsDestination(s -> s.topicARN(topic))));
        A.ses().createConfigurationSetTrackingOptions(b -> b.configurationSetName(set)
                .trackingOptions(t -> t.customRedirectDomain("track.config.example.com")));
        A.ses().putConfigurationSetDeliveryOptions(b -> b.configurationSetName(set)
                .deliveryOptions(o -> o.tlsPolicy(TlsPolicy.REQUIRE)));
        A.ses().updateConfigurationSetReputationMetricsEnabled(b -> b.configurationSetName(set).enabled(true));

        DescribeConfigurationSetResponse d = A.ses().describeConfigurationSet(b -> b.configurationSetName(set)
                .configurationSetAttributeNames(ConfigurationSetAttribute.knownValues()));
        assertThat(d.configurationSet().name()).isEqualTo(set);
        assertThat(d.eventDestinations()).hasSize(2);
        var sns = d.eventDestinations().stream().filter(e -> e.name().equals("sns")).findFirst().orElseThrow();
        assertThat(sns.matchingEventTypes()).containsExactlyInAnyOrder(EventType.BOUNCE, EventType.DELIVERY);
        assertThat(sns.snsDestination().topicARN()).isEqualTo(topic);
        var cw = d.eventDestinations().stream().filter(e -> e.name().equals("cw")).findFirst().orElseThrow();
        assertThat(cw.enabled()).isFalse();
        assertThat(cw.cloudWatchDestination().dimensionConfigurations().get(0).dimensionValueSourceAsString())
                .isEqualTo("messageTag");
        assertThat(d.trackingOptions().customRedirectDomain()).isEqualTo("track.config.example.com");
        assertThat(d.deliveryOptions().tlsPolicy()).isEqualTo(TlsPolicy.REQUIRE);
        assertThat(d.reputationOptions().reputationMetricsEnabled()).isTrue();
        assertThat(d.reputationOptions().sendingEnabled()).isTrue();
        assertThat(A.ses().listConfigurationSets(b -> { }).configurationSets()).extracting(c -> c.name()).contains(set);

        // The same set through v2.
        GetConfigurationSetResponse v2 = A.v2().getConfigurationSet(b -> b.configurationSetName(set));
        assertThat(v2.trackingOptions().customRedirectDomain()).isEqualTo("track.config.example.com");
        assertThat(v2.deliveryOptions().tlsPolicyAsString()).isEqualTo("REQUIRE");
        assertThat(A.v2().getConfigurationSetEventDestinations(b -> b.configurationSetName(set)).eventDestinations())
                .extracting(e -> e.name()).containsExactlyInAnyOrder("sns", "cw");

        // Pausing the set refuses sends that use it.
        A.ses().updateConfigurationSetSendingEnabled(b -> b.configurationSetName(set).enabled(false));
        SesClients.error(ConfigurationSetSendingPausedException.class, "ConfigurationSetSendingPausedException", 400,
                () -> send("success@simulator.amazonses.com", set));
        A.ses().updateConfigurationSetSendingEnabled(b -> b.configurationSetName(set).enabled(true));

        A.ses().deleteConfigurationSetTrackingOptions(b -> b.configurationSetName(set));
        A.ses().deleteConfigurationSetEventDestination(b -> b.configurationSetName(set).eventDestinationName("cw"));
        assertThat(A.ses().describeConfigurationSet(b -> b.configurationSetName(set)
                .configurationSetAttributeNames(ConfigurationSetAttribute.EVENT_DESTINATIONS)).eventDestinations())
                .hasSize(1);
        A.ses().deleteConfigurationSet(b -> b.configurationSetName(set));
        SesClients.error(ConfigurationSetDoesNotExistException.class, "ConfigurationSetDoesNotExist", 400,
                () -> A.ses().describeConfigurationSet(b -> b.configurationSetName(set)));
        SesClients.error(ConfigurationSetDoesNotExistException.class, "ConfigurationSetDoesNotExist", 400,
                () -> send("success@simulator.amazonses.com", set));
    }

    /** AWS's recorded refusals (LocalStack's AWS-recorded snapshots), word for word through the SDK. */
    @Test
    void eventDestinationRefusalsInAwsWords() {
        String set = SesClients.name("config-set");
        A.ses().createConfigurationSet(b -> b.configurationSet(c -> c.name(set)));
        String missing = "arn:aws:sns:us-east-1:" + A.id() + ":" + SesClients.name("missing-topic");
        InvalidSnsDestinationException noTopic = SesClients.error(InvalidSnsDestinationException.class,
                "InvalidSNSDestination", 400, () -> A.ses().createConfigurationSetEventDestination(b -> b
                        .configurationSetName(set).eventDestination(d -> d.name("to-sns").enabled(true)
                                .matchingEventTypes(EventType.SEND, EventType.BOUNCE, EventType.DELIVERY)
                                .snsDestination(s -> s.topicARN(missing)))));
        assertThat(noTopic.awsErrorDetails().errorMessage()).isEqualTo("SNS topic <" + missing + "> not found.");

        EventDestinationDoesNotExistException gone = SesClients.error(EventDestinationDoesNotExistException.class,
                "EventDestinationDoesNotExist", 400, () -> A.ses().deleteConfigurationSetEventDestination(b -> b
                        .configurationSetName(set).eventDestinationName(SesClients.name("non-existent"))));
        assertThat(gone.awsErrorDetails().errorMessage()).isEqualTo("No EventDestination found for " + set);
        A.ses().deleteConfigurationSet(b -> b.configurationSetName(set));
    }

    @Test
    void v2ConfigurationSetOptionsRoundTrip() {
        String set = SesClients.name("v2set");
        String topic = A.sns().createTopic(b -> b.name(SesClients.name("evt2"))).topicArn();
        A.v2().createConfigurationSet(b -> b.configurationSetName(set)
                .trackingOptions(t -> t.customRedirectDomain("t.config.example.com"))
                .deliveryOptions(o -> o.tlsPolicy("OPTIONAL").sendingPoolName(null))
                .reputationOptions(r -> r.reputationMetricsEnabled(false))
                .sendingOptions(s -> s.sendingEnabled(true))
                .suppressionOptions(s -> s.suppressedReasons(SuppressionListReason.BOUNCE))
                .tags(t -> t.key("env").value("test")));
        A.v2().createConfigurationSetEventDestination(b -> b.configurationSetName(set).eventDestinationName("sns2")
                .eventDestination(d -> d.enabled(true).matchingEventTypesWithStrings("SEND", "DELIVERY", "BOUNCE")
                        .snsDestination(s -> s.topicArn(topic))));
        A.v2().putConfigurationSetReputationOptions(b -> b.configurationSetName(set).reputationMetricsEnabled(true));
        A.v2().putConfigurationSetDeliveryOptions(b -> b.configurationSetName(set).tlsPolicy("REQUIRE")
                .maxDeliverySeconds(600L));
        A.v2().putConfigurationSetTrackingOptions(b -> b.configurationSetName(set)
                .customRedirectDomain("t2.config.example.com"));
        A.v2().putConfigurationSetSuppressionOptions(b -> b.configurationSetName(set)
                .suppressedReasons(SuppressionListReason.BOUNCE, SuppressionListReason.COMPLAINT));

        GetConfigurationSetResponse got = A.v2().getConfigurationSet(b -> b.configurationSetName(set));
        assertThat(got.configurationSetName()).isEqualTo(set);
        assertThat(got.trackingOptions().customRedirectDomain()).isEqualTo("t2.config.example.com");
        assertThat(got.deliveryOptions().tlsPolicyAsString()).isEqualTo("REQUIRE");
        assertThat(got.deliveryOptions().maxDeliverySeconds()).isEqualTo(600L);
        assertThat(got.reputationOptions().reputationMetricsEnabled()).isTrue();
        assertThat(got.sendingOptions().sendingEnabled()).isTrue();
        assertThat(got.suppressionOptions().suppressedReasons())
                .containsExactlyInAnyOrder(SuppressionListReason.BOUNCE, SuppressionListReason.COMPLAINT);
        assertThat(got.tags()).extracting(t -> t.key() + "=" + t.value()).containsExactly("env=test");

        var dest = A.v2().getConfigurationSetEventDestinations(b -> b.configurationSetName(set)).eventDestinations();
        assertThat(dest).hasSize(1);
        assertThat(dest.get(0).matchingEventTypesAsStrings()).containsExactlyInAnyOrder("SEND", "DELIVERY", "BOUNCE");
        assertThat(dest.get(0).snsDestination().topicArn()).isEqualTo(topic);
        A.v2().updateConfigurationSetEventDestination(b -> b.configurationSetName(set).eventDestinationName("sns2")
                .eventDestination(d -> d.enabled(false).matchingEventTypesWithStrings("REJECT")
                        .snsDestination(s -> s.topicArn(topic))));
        assertThat(A.v2().getConfigurationSetEventDestinations(b -> b.configurationSetName(set)).eventDestinations()
                .get(0).enabled()).isFalse();
        // v1 sees it too, with v1 spellings.
        assertThat(A.ses().describeConfigurationSet(b -> b.configurationSetName(set)
                .configurationSetAttributeNames(ConfigurationSetAttribute.EVENT_DESTINATIONS)).eventDestinations()
                .get(0).matchingEventTypes()).containsExactly(EventType.REJECT);

        A.v2().putConfigurationSetSendingOptions(b -> b.configurationSetName(set).sendingEnabled(false));
        SesClients.error(software.amazon.awssdk.services.sesv2.model.SendingPausedException.class,
                "SendingPausedException", 400, () -> A.v2().sendEmail(b -> b.fromEmailAddress(SENDER)
                        .configurationSetName(set).destination(d -> d.toAddresses("success@simulator.amazonses.com"))
                        .content(c -> c.simple(m -> m.subject(s -> s.data("s")).body(x -> x.text(t -> t.data("t")))))));

        A.v2().deleteConfigurationSetEventDestination(b -> b.configurationSetName(set).eventDestinationName("sns2"));
        A.v2().deleteConfigurationSet(b -> b.configurationSetName(set));
        SesClients.error(NotFoundException.class, "NotFoundException", 404,
                () -> A.v2().getConfigurationSet(b -> b.configurationSetName(set)));
    }

    @Test
    void contactListsAndContacts() {
        String list = SesClients.name("news");
        A.v2().createContactList(b -> b.contactListName(list).description("Newsletter").topics(
                t -> t.topicName("weekly").displayName("Weekly digest").defaultSubscriptionStatus(SubscriptionStatus.OPT_IN),
                t -> t.topicName("offers").displayName("Offers").defaultSubscriptionStatus(SubscriptionStatus.OPT_OUT)));
        SesClients.error(software.amazon.awssdk.services.sesv2.model.AlreadyExistsException.class,
                "AlreadyExistsException", 400, () -> A.v2().createContactList(b -> b.contactListName(list)));
        var got = A.v2().getContactList(b -> b.contactListName(list));
        assertThat(got.description()).isEqualTo("Newsletter");
        assertThat(got.topics()).extracting(t -> t.topicName()).containsExactlyInAnyOrder("weekly", "offers");
        A.v2().updateContactList(b -> b.contactListName(list).description("Updated").topics(
                t -> t.topicName("weekly").displayName("Weekly").defaultSubscriptionStatus(SubscriptionStatus.OPT_IN)));
        assertThat(A.v2().getContactList(b -> b.contactListName(list)).description()).isEqualTo("Updated");
        assertThat(A.v2().listContactLists(b -> { }).contactLists()).extracting(l -> l.contactListName()).contains(list);

        A.v2().createContact(b -> b.contactListName(list).emailAddress("ann@reader.test").attributesData("{\"n\":1}")
                .topicPreferences(p -> p.topicName("weekly").subscriptionStatus(SubscriptionStatus.OPT_OUT)));
        A.v2().createContact(b -> b.contactListName(list).emailAddress("bob@reader.test"));
        var ann = A.v2().getContact(b -> b.contactListName(list).emailAddress("ann@reader.test"));
        assertThat(ann.topicPreferences()).extracting(p -> p.topicName() + ":" + p.subscriptionStatusAsString())
                .containsExactly("weekly:OPT_OUT");
        assertThat(ann.attributesData()).isEqualTo("{\"n\":1}");
        assertThat(ann.unsubscribeAll()).isFalse();
        A.v2().updateContact(b -> b.contactListName(list).emailAddress("ann@reader.test").unsubscribeAll(true));
        assertThat(A.v2().getContact(b -> b.contactListName(list).emailAddress("ann@reader.test")).unsubscribeAll())
                .isTrue();
        assertThat(A.v2().listContacts(b -> b.contactListName(list)).contacts()).extracting(c -> c.emailAddress())
                .containsExactlyInAnyOrder("ann@reader.test", "bob@reader.test");
        A.v2().deleteContact(b -> b.contactListName(list).emailAddress("bob@reader.test"));
        SesClients.error(NotFoundException.class, "NotFoundException", 404,
                () -> A.v2().getContact(b -> b.contactListName(list).emailAddress("bob@reader.test")));
        A.v2().deleteContactList(b -> b.contactListName(list));
        SesClients.error(NotFoundException.class, "NotFoundException", 404,
                () -> A.v2().getContactList(b -> b.contactListName(list)));
    }

    @Test
    void accountSuppressionListTurnsASendIntoABounce() {
        String suppressed = SesClients.address("gone", "suppressed.example.net");
        A.v2().putSuppressedDestination(b -> b.emailAddress(suppressed).reason(SuppressionListReason.BOUNCE));
        var got = A.v2().getSuppressedDestination(b -> b.emailAddress(suppressed)).suppressedDestination();
        assertThat(got.emailAddress()).isEqualTo(suppressed);
        assertThat(got.reason()).isEqualTo(SuppressionListReason.BOUNCE);
        assertThat(A.v2().listSuppressedDestinations(b -> b.reasons(SuppressionListReason.BOUNCE))
                .suppressedDestinationSummaries()).extracting(s -> s.emailAddress()).contains(suppressed);

        String id = send(suppressed, null);
        JsonNode bounce = bounces.await(id);
        assertThat(bounce.path("bounce").path("bounceType").asText()).isEqualTo("Permanent");
        assertThat(bounce.path("bounce").path("bounceSubType").asText()).isEqualTo("OnAccountSuppressionList");
        assertThat(bounce.path("bounce").path("bouncedRecipients").get(0).path("emailAddress").asText())
                .isEqualTo(suppressed);

        A.v2().deleteSuppressedDestination(b -> b.emailAddress(suppressed));
        SesClients.error(NotFoundException.class, "NotFoundException", 404,
                () -> A.v2().getSuppressedDestination(b -> b.emailAddress(suppressed)));
        assertThat(deliveries.await(send(suppressed, null)).path("delivery").path("recipients").get(0).asText())
                .isEqualTo(suppressed);
    }

    @Test
    void dedicatedIpPoolsAccountAttributesAndTags() {
        String pool = SesClients.name("pool");
        A.v2().createDedicatedIpPool(b -> b.poolName(pool).scalingMode("STANDARD")
                .tags(t -> t.key("tier").value("gold")));
        assertThat(A.v2().getDedicatedIpPool(b -> b.poolName(pool)).dedicatedIpPool().scalingModeAsString())
                .isEqualTo("STANDARD");
        assertThat(A.v2().listDedicatedIpPools(b -> { }).dedicatedIpPools()).contains(pool);
        A.v2().putDedicatedIpPoolScalingAttributes(b -> b.poolName(pool).scalingMode("MANAGED"));
        assertThat(A.v2().getDedicatedIpPool(b -> b.poolName(pool)).dedicatedIpPool().scalingModeAsString())
                .isEqualTo("MANAGED");
        assertThat(A.v2().getDedicatedIps(b -> b.poolName(pool)).dedicatedIps()).isEmpty();

        String arn = "arn:aws:ses:us-east-1:" + A.id() + ":dedicated-ip-pool/" + pool;
        A.v2().tagResource(b -> b.resourceArn(arn).tags(t -> t.key("owner").value("ops")));
        assertThat(A.v2().listTagsForResource(b -> b.resourceArn(arn)).tags())
                .extracting(t -> t.key() + "=" + t.value()).containsExactlyInAnyOrder("tier=gold", "owner=ops");
        A.v2().untagResource(b -> b.resourceArn(arn).tagKeys("tier"));
        assertThat(A.v2().listTagsForResource(b -> b.resourceArn(arn)).tags()).extracting(t -> t.key())
                .containsExactly("owner");

        A.v2().deleteDedicatedIpPool(b -> b.poolName(pool));
        SesClients.error(NotFoundException.class, "NotFoundException", 404,
                () -> A.v2().getDedicatedIpPool(b -> b.poolName(pool)));

        A.v2().putAccountSuppressionAttributes(b -> b.suppressedReasons(SuppressionListReason.COMPLAINT));
        try {
            assertThat(A.v2().getAccount(b -> { }).suppressionAttributes().suppressedReasons())
                    .containsExactly(SuppressionListReason.COMPLAINT);
        } finally {
            A.v2().putAccountSuppressionAttributes(b -> b.suppressedReasons(SuppressionListReason.BOUNCE,
                    SuppressionListReason.COMPLAINT));
        }
        A.v2().putAccountDetails(b -> b.mailType("TRANSACTIONAL").websiteURL("https://config.example.com")
                .useCaseDescription("receipts").additionalContactEmailAddresses("ops@config.example.com"));
        var details = A.v2().getAccount(b -> { }).details();
        assertThat(details.mailTypeAsString()).isEqualTo("TRANSACTIONAL");
        assertThat(details.websiteURL()).isEqualTo("https://config.example.com");
    }

    // ---- the mailbox simulator ----

    @Test
    void mailboxSimulatorAddresses() {
        String success = send("success+signup@simulator.amazonses.com", null);
        assertThat(deliveries.await(success).path("delivery").path("recipients").get(0).asText())
                .isEqualTo("success+signup@simulator.amazonses.com");

        String bounce = send("bounce+label@simulator.amazonses.com", null);
        JsonNode b = bounces.await(bounce).path("bounce");
        assertThat(b.path("bounceType").asText()).isEqualTo("Permanent");
        assertThat(b.path("bounceSubType").asText()).isEqualTo("General");
        assertThat(b.path("bouncedRecipients").get(0).path("diagnosticCode").asText()).contains("550");

        String ooto = send("ooto@simulator.amazonses.com", null);
        assertThat(deliveries.await(ooto).path("notificationType").asText()).isEqualTo("Delivery");

        String complaint = send("complaint+x@simulator.amazonses.com", null);
        assertThat(complaints.await(complaint).path("complaint").path("complainedRecipients").get(0)
                .path("emailAddress").asText()).isEqualTo("complaint+x@simulator.amazonses.com");
        assertThat(deliveries.await(complaint).path("notificationType").asText()).isEqualTo("Delivery");

        String suppressed = send("suppressionlist@simulator.amazonses.com", null);
        JsonNode s = bounces.await(suppressed).path("bounce");
        assertThat(s.path("bounceType").asText()).isEqualTo("Permanent");
        assertThat(s.path("bounceSubType").asText()).isEqualTo("Suppressed");

        // None of these produced other kinds of feedback (a final marker flushes what is in flight).
        deliveries.await(send("success@simulator.amazonses.com", null));
        assertThat(bounces.now(success)).isEmpty();
        assertThat(bounces.now(ooto)).isEmpty();
        assertThat(complaints.now(ooto)).isEmpty();
        assertThat(deliveries.now(bounce)).isEmpty();
        assertThat(deliveries.now(suppressed)).isEmpty();
    }
}
