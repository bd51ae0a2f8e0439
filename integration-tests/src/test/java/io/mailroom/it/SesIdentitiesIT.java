package io.mailroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ses.model.AccountSendingPausedException;
import software.amazon.awssdk.services.ses.model.BehaviorOnMXFailure;
import software.amazon.awssdk.services.ses.model.CustomVerificationEmailTemplate;
import software.amazon.awssdk.services.ses.model.CustomVerificationEmailTemplateDoesNotExistException;
import software.amazon.awssdk.services.ses.model.IdentityType;
import software.amazon.awssdk.services.ses.model.InvalidPolicyException;
import software.amazon.awssdk.services.ses.model.ListIdentitiesResponse;
import software.amazon.awssdk.services.ses.model.MessageRejectedException;
import software.amazon.awssdk.services.ses.model.NotificationType;
import software.amazon.awssdk.services.ses.model.SesException;
import software.amazon.awssdk.services.ses.model.VerificationStatus;
import software.amazon.awssdk.services.sesv2.model.AlreadyExistsException;
import software.amazon.awssdk.services.sesv2.model.BadRequestException;
import software.amazon.awssdk.services.sesv2.model.DkimStatus;
import software.amazon.awssdk.services.sesv2.model.GetEmailIdentityResponse;
import software.amazon.awssdk.services.sesv2.model.MailFromDomainStatus;
import software.amazon.awssdk.services.sesv2.model.NotFoundException;

/**
 * Identities through both APIs (one shared state): verification, listing with paging, DKIM, MAIL FROM,
 * feedback forwarding, notification topics and headers, sending authorization policies, deletion; custom
 * verification email templates; the account-level sending switch.
 */
class SesIdentitiesIT {
    private static final SesClients.Account A = SesClients.account("210000000003");
    private static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:root\"},\"Action\":[\"ses:SendEmail\","
            + "\"ses:SendRawEmail\"],\"Resource\":\"*\"}]}";

    private static String domain() {
        return SesClients.name("d").toLowerCase() + ".example.com";
    }

    @Test
    void verifyListAndVerificationAttributes() {
        String domain = domain();
        String email = "someone@" + domain();
        String token = A.ses().verifyDomainIdentity(b -> b.domain(domain)).verificationToken();
        A.ses().verifyEmailIdentity(b -> b.emailAddress(email));
        A.ses().verifyEmailIdentity(b -> b.emailAddress(email)); // verifying again is harmless

        var attrs = A.ses().getIdentityVerificationAttributes(b -> b.identities(domain, email, "nobody@nowhere.test"))
                .verificationAttributes();
        assertThat(attrs).containsOnlyKeys(domain, email);
        assertThat(attrs.get(domain).verificationStatus()).isEqualTo(VerificationStatus.SUCCESS);
        assertThat(attrs.get(domain).verificationToken()).isEqualTo(token);
        assertThat(attrs.get(email).verificationStatus()).isEqualTo(VerificationStatus.SUCCESS);
        assertThat(attrs.get(email).verificationToken()).isNull();

        assertThat(A.ses().listIdentities(b -> b.identityType(IdentityType.DOMAIN)).identities())
                .contains(domain).doesNotContain(email);
        assertThat(A.ses().listIdentities(b -> b.identityType(IdentityType.EMAIL_ADDRESS)).identities())
                .contains(email).doesNotContain(domain);
        assertThat(A.ses().listVerifiedEmailAddresses().verifiedEmailAddresses()).contains(email);
    }

    @Test
    void listIdentitiesPagesInBothApis() {
        for (int i = 0; i < 5; i++) {
            A.ses().verifyEmailIdentity(b -> b.emailAddress(SesClients.address("page", "paging.example.com")));
        }
        List<String> all = A.ses().listIdentities(b -> { }).identities();
        List<String> paged = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String t = token;
            ListIdentitiesResponse page = A.ses().listIdentities(b -> b.maxItems(2).nextToken(t));
            assertThat(page.identities().size()).isLessThanOrEqualTo(2);
            paged.addAll(page.identities());
            token = page.nextToken();
            pages++;
        } while (token != null);
        assertThat(pages).isGreaterThanOrEqualTo(3);
        assertThat(paged).containsExactlyElementsOf(all);
        // The SDK paginator follows the same tokens.
        List<String> viaPaginator = new ArrayList<>();
        A.ses().listIdentitiesPaginator(b -> b.maxItems(2)).identities().forEach(viaPaginator::add);
        assertThat(viaPaginator).containsExactlyElementsOf(all);

        List<String> v2 = new ArrayList<>();
        A.v2().listEmailIdentitiesPaginator(b -> b.pageSize(2))
                .forEach(page -> page.emailIdentities().forEach(i -> v2.add(i.identityName())));
        assertThat(v2).containsExactlyInAnyOrderElementsOf(all);
    }

    @Test
    void dkimForDomainsAndTheirAddresses() {
        String domain = domain();
        List<String> tokens = A.ses().verifyDomainDkim(b -> b.domain(domain)).dkimTokens();
        assertThat(tokens).hasSize(3).allSatisfy(t -> assertThat(t).matches("[a-z0-9]{32}"));
        String email = "dkim@" + domain;
        A.ses().verifyEmailIdentity(b -> b.emailAddress(email));

        var dkim = A.ses().getIdentityDkimAttributes(b -> b.identities(domain, email)).dkimAttributes();
        assertThat(dkim.get(domain).dkimEnabled()).isTrue();
        assertThat(dkim.get(domain).dkimVerificationStatus()).isEqualTo(VerificationStatus.SUCCESS);
        assertThat(dkim.get(domain).dkimTokens()).containsExactlyElementsOf(tokens);
        assertThat(dkim.get(email).dkimVerificationStatus()).isEqualTo(VerificationStatus.SUCCESS);

        A.ses().setIdentityDkimEnabled(b -> b.identity(domain).dkimEnabled(false));
        assertThat(A.ses().getIdentityDkimAttributes(b -> b.identities(domain)).dkimAttributes().get(domain)
                .dkimEnabled()).isFalse();

        // An address whose domain has no DKIM setup cannot enable signing.
        String lonely = "a@" + domain();
        A.ses().verifyEmailIdentity(b -> b.emailAddress(lonely));
        SesClients.error(SesException.class, "InvalidParameterValue", 400,
                () -> A.ses().setIdentityDkimEnabled(b -> b.identity(lonely).dkimEnabled(true)));
        assertThat(A.ses().getIdentityDkimAttributes(b -> b.identities(lonely)).dkimAttributes().get(lonely)
                .dkimVerificationStatus()).isEqualTo(VerificationStatus.NOT_STARTED);

        // v2 sees the same keys and can turn signing back on.
        GetEmailIdentityResponse v2 = A.v2().getEmailIdentity(b -> b.emailIdentity(domain));
        assertThat(v2.dkimAttributes().tokens()).containsExactlyElementsOf(tokens);
        assertThat(v2.dkimAttributes().signingEnabled()).isFalse();
        assertThat(v2.dkimAttributes().status()).isEqualTo(DkimStatus.SUCCESS);
        A.v2().putEmailIdentityDkimAttributes(b -> b.emailIdentity(domain).signingEnabled(true));
        assertThat(A.ses().getIdentityDkimAttributes(b -> b.identities(domain)).dkimAttributes().get(domain)
                .dkimEnabled()).isTrue();
    }

    @Test
    void mailFromDomain() {
        String domain = domain();
        A.ses().verifyDomainIdentity(b -> b.domain(domain));
        A.ses().setIdentityMailFromDomain(b -> b.identity(domain).mailFromDomain("bounce." + domain)
                .behaviorOnMXFailure(BehaviorOnMXFailure.REJECT_MESSAGE));
        var mf = A.ses().getIdentityMailFromDomainAttributes(b -> b.identities(domain)).mailFromDomainAttributes()
                .get(domain);
        assertThat(mf.mailFromDomain()).isEqualTo("bounce." + domain);
        assertThat(mf.mailFromDomainStatus()).isEqualTo(
                software.amazon.awssdk.services.ses.model.CustomMailFromStatus.SUCCESS);
        assertThat(mf.behaviorOnMXFailure()).isEqualTo(BehaviorOnMXFailure.REJECT_MESSAGE);

        var v2 = A.v2().getEmailIdentity(b -> b.emailIdentity(domain)).mailFromAttributes();
        assertThat(v2.mailFromDomain()).isEqualTo("bounce." + domain);
        assertThat(v2.mailFromDomainStatus()).isEqualTo(MailFromDomainStatus.SUCCESS);
        assertThat(v2.behaviorOnMxFailureAsString()).isEqualTo("REJECT_MESSAGE");

        SesClients.error(SesException.class, "InvalidParameterValue", 400, () -> A.ses().setIdentityMailFromDomain(
                b -> b.identity(domain).mailFromDomain("bounce.other-domain.test")));

        // Omitting the domain clears it.
        A.ses().setIdentityMailFromDomain(b -> b.identity(domain));
        assertThat(A.ses().getIdentityMailFromDomainAttributes(b -> b.identities(domain)).mailFromDomainAttributes()
                .get(domain).mailFromDomain()).isNull();
    }

    @Test
    void notificationTopicsFeedbackForwardingAndHeaders() {
        String email = SesClients.address("notify", "notify.example.com");
        A.ses().verifyEmailIdentity(b -> b.emailAddress(email));
        String bounce = A.sns().createTopic(b -> b.name(SesClients.name("b"))).topicArn();
        String complaint = A.sns().createTopic(b -> b.name(SesClients.name("c"))).topicArn();
        String delivery = A.sns().createTopic(b -> b.name(SesClients.name("d"))).topicArn();

        var none = A.ses().getIdentityNotificationAttributes(b -> b.identities(email)).notificationAttributes()
                .get(email);
        assertThat(none.bounceTopic()).isNull();
        assertThat(none.forwardingEnabled()).isTrue();
        assertThat(none.headersInBounceNotificationsEnabled()).isFalse();

        // Forwarding can only be turned off once bounce and complaint topics exist.
        SesClients.error(SesException.class, "InvalidParameterValue", 400, () -> A.ses()
                .setIdentityFeedbackForwardingEnabled(b -> b.identity(email).forwardingEnabled(false)));

        A.ses().setIdentityNotificationTopic(b -> b.identity(email).notificationType(NotificationType.BOUNCE)
                .snsTopic(bounce));
        A.ses().setIdentityNotificationTopic(b -> b.identity(email).notificationType(NotificationType.COMPLAINT)
                .snsTopic(complaint));
        A.ses().setIdentityNotificationTopic(b -> b.identity(email).notificationType(NotificationType.DELIVERY)
                .snsTopic(delivery));
        A.ses().setIdentityFeedbackForwardingEnabled(b -> b.identity(email).forwardingEnabled(false));
        A.ses().setIdentityHeadersInNotificationsEnabled(b -> b.identity(email)
                .notificationType(NotificationType.COMPLAINT).enabled(true));
        A.ses().setIdentityHeadersInNotificationsEnabled(b -> b.identity(email)
                .notificationType(NotificationType.DELIVERY).enabled(true));

        var set = A.ses().getIdentityNotificationAttributes(b -> b.identities(email)).notificationAttributes()
                .get(email);
        assertThat(set.bounceTopic()).isEqualTo(bounce);
        assertThat(set.complaintTopic()).isEqualTo(complaint);
        assertThat(set.deliveryTopic()).isEqualTo(delivery);
        assertThat(set.forwardingEnabled()).isFalse();
        assertThat(set.headersInBounceNotificationsEnabled()).isFalse();
        assertThat(set.headersInComplaintNotificationsEnabled()).isTrue();
        assertThat(set.headersInDeliveryNotificationsEnabled()).isTrue();
        assertThat(A.v2().getEmailIdentity(b -> b.emailIdentity(email)).feedbackForwardingStatus()).isFalse();

        // With forwarding off, the bounce topic cannot be removed; the delivery topic can.
        SesClients.error(SesException.class, "InvalidParameterValue", 400, () -> A.ses().setIdentityNotificationTopic(
                b -> b.identity(email).notificationType(NotificationType.BOUNCE)));
        A.ses().setIdentityNotificationTopic(b -> b.identity(email).notificationType(NotificationType.DELIVERY));
        assertThat(A.ses().getIdentityNotificationAttributes(b -> b.identities(email)).notificationAttributes()
                .get(email).deliveryTopic()).isNull();
        A.v2().putEmailIdentityFeedbackAttributes(b -> b.emailIdentity(email).emailForwardingEnabled(true));
        assertThat(A.ses().getIdentityNotificationAttributes(b -> b.identities(email)).notificationAttributes()
                .get(email).forwardingEnabled()).isTrue();

        // A topic that does not exist is refused.
        SesClients.error(SesException.class, "InvalidParameterValue", 400, () -> A.ses().setIdentityNotificationTopic(
                b -> b.identity(email).notificationType(NotificationType.BOUNCE)
                        .snsTopic("arn:aws:sns:us-east-1:" + A.id() + ":no-such-topic")));
    }

    /** AWS's recorded answers (LocalStack's AWS-recorded snapshots, 2025), through the SDK. */
    @Test
    void headersInNotificationsRefusalsInAwsWords() {
        String email = SesClients.address("headers", "notify.example.com");
        A.ses().verifyEmailIdentity(b -> b.emailAddress(email));
        A.ses().setIdentityHeadersInNotificationsEnabled(b -> b.identity(email)
                .notificationType(NotificationType.BOUNCE).enabled(true));
        A.ses().setIdentityHeadersInNotificationsEnabled(b -> b.identity(email)
                .notificationType(NotificationType.BOUNCE).enabled(true));

        SesException badType = SesClients.error(SesException.class, "InvalidParameterValue", 400, () -> A.ses()
                .setIdentityHeadersInNotificationsEnabled(b -> b.identity(email).notificationType("InvalidType")
                        .enabled(true)));
        assertThat(badType.awsErrorDetails().errorMessage())
                .isEqualTo("Invalid notification type: InvalidType. Valid values are: Bounce, Complaint, Delivery.");
        for (NotificationType type : List.of(NotificationType.BOUNCE, NotificationType.COMPLAINT,
                NotificationType.DELIVERY)) {
            MessageRejectedException unknown = SesClients.error(MessageRejectedException.class, "MessageRejected", 400,
                    () -> A.ses().setIdentityHeadersInNotificationsEnabled(b -> b.identity("unknown@example.com")
                            .notificationType(type).enabled(true)));
            assertThat(unknown.awsErrorDetails().errorMessage())
                    .isEqualTo("Identity unknown@example.com is not verified or does not exist.");
        }
        assertThat(A.ses().getIdentityNotificationAttributes(b -> b.identities(email)).notificationAttributes()
                .get(email).headersInBounceNotificationsEnabled()).isTrue();
    }

    @Test
    void identityPoliciesInBothApis() {
        String domain = domain();
        A.ses().verifyDomainIdentity(b -> b.domain(domain));
        A.ses().putIdentityPolicy(b -> b.identity(domain).policyName("partner").policy(POLICY));
        assertThat(A.ses().listIdentityPolicies(b -> b.identity(domain)).policyNames()).containsExactly("partner");
        assertThat(A.ses().getIdentityPolicies(b -> b.identity(domain).policyNames("partner", "absent")).policies())
                .containsOnlyKeys("partner");
        assertThat(SesClients.readJson(A.ses().getIdentityPolicies(b -> b.identity(domain).policyNames("partner"))
                .policies().get("partner"))).isEqualTo(SesClients.readJson(POLICY));
        assertThat(A.v2().getEmailIdentityPolicies(b -> b.emailIdentity(domain)).policies()).containsOnlyKeys("partner");

        SesClients.error(InvalidPolicyException.class, "InvalidPolicy", 400, () ->
                A.ses().putIdentityPolicy(b -> b.identity(domain).policyName("bad").policy("{not json")));
        SesClients.error(BadRequestException.class, "BadRequestException", 400, () -> A.v2()
                .createEmailIdentityPolicy(b -> b.emailIdentity(domain).policyName("bad").policy("{\"Statement\":[]}")));

        A.v2().createEmailIdentityPolicy(b -> b.emailIdentity(domain).policyName("second").policy(POLICY));
        SesClients.error(AlreadyExistsException.class, "AlreadyExistsException", 400, () -> A.v2()
                .createEmailIdentityPolicy(b -> b.emailIdentity(domain).policyName("second").policy(POLICY)));
        A.v2().updateEmailIdentityPolicy(b -> b.emailIdentity(domain).policyName("second").policy(POLICY));
        SesClients.error(NotFoundException.class, "NotFoundException", 404, () -> A.v2()
                .updateEmailIdentityPolicy(b -> b.emailIdentity(domain).policyName("absent").policy(POLICY)));
        A.v2().deleteEmailIdentityPolicy(b -> b.emailIdentity(domain).policyName("second"));
        A.ses().deleteIdentityPolicy(b -> b.identity(domain).policyName("partner"));
        assertThat(A.ses().listIdentityPolicies(b -> b.identity(domain)).policyNames()).isEmpty();
    }

    @Test
    void deleteIdentity() {
        String email = SesClients.address("gone", "delete.example.com");
        A.ses().verifyEmailIdentity(b -> b.emailAddress(email));
        A.ses().deleteIdentity(b -> b.identity(email));
        assertThat(A.ses().listIdentities(b -> { }).identities()).doesNotContain(email);
        assertThat(A.ses().getIdentityVerificationAttributes(b -> b.identities(email)).verificationAttributes())
                .isEmpty();
        A.ses().deleteIdentity(b -> b.identity(email)); // deleting again succeeds
        SesClients.error(NotFoundException.class, "NotFoundException", 404,
                () -> A.v2().getEmailIdentity(b -> b.emailIdentity(email)));
        SesClients.error(NotFoundException.class, "NotFoundException", 404,
                () -> A.v2().deleteEmailIdentity(b -> b.emailIdentity(email)));
    }

    @Test
    void v2EmailIdentityLifecycle() {
        String domain = domain();
        var created = A.v2().createEmailIdentity(b -> b.emailIdentity(domain).tags(t -> t.key("team").value("mail")));
        assertThat(created.identityTypeAsString()).isEqualTo("DOMAIN");
        assertThat(created.verifiedForSendingStatus()).isTrue();
        assertThat(created.dkimAttributes().tokens()).hasSize(3);
        SesClients.error(AlreadyExistsException.class, "AlreadyExistsException", 400,
                () -> A.v2().createEmailIdentity(b -> b.emailIdentity(domain)));

        GetEmailIdentityResponse got = A.v2().getEmailIdentity(b -> b.emailIdentity(domain));
        assertThat(got.verificationStatusAsString()).isEqualTo("SUCCESS");
        assertThat(got.tags()).extracting(t -> t.key() + "=" + t.value()).containsExactly("team=mail");
        assertThat(got.dkimAttributes().signingAttributesOriginAsString()).isEqualTo("AWS_SES");

        A.v2().putEmailIdentityMailFromAttributes(b -> b.emailIdentity(domain).mailFromDomain("mf." + domain)
                .behaviorOnMxFailure("USE_DEFAULT_VALUE"));
        assertThat(A.ses().getIdentityMailFromDomainAttributes(b -> b.identities(domain)).mailFromDomainAttributes()
                .get(domain).mailFromDomain()).isEqualTo("mf." + domain);

        // Verified through v2, usable through v1.
        String id = A.ses().sendEmail(b -> b.source("x@" + domain)
                .destination(d -> d.toAddresses("success@simulator.amazonses.com"))
                .message(m -> m.subject(s -> s.data("v2 identity")).body(x -> x.text(t -> t.data("t"))))).messageId();
        assertThat(SesClients.sentMessage(id).path("Source").asText()).isEqualTo("x@" + domain);

        A.v2().deleteEmailIdentity(b -> b.emailIdentity(domain));
        assertThat(A.ses().getIdentityVerificationAttributes(b -> b.identities(domain)).verificationAttributes())
                .isEmpty();
    }

    @Test
    void v1VerifiedIdentityIsVisibleThroughV2() {
        String email = SesClients.address("v1", "shared.example.com");
        A.ses().verifyEmailIdentity(b -> b.emailAddress(email));
        GetEmailIdentityResponse got = A.v2().getEmailIdentity(b -> b.emailIdentity(email));
        assertThat(got.identityTypeAsString()).isEqualTo("EMAIL_ADDRESS");
        assertThat(got.verifiedForSendingStatus()).isTrue();
        String id = A.v2().sendEmail(b -> b.fromEmailAddress(email)
                .destination(d -> d.toAddresses("success@simulator.amazonses.com"))
                .content(c -> c.simple(m -> m.subject(s -> s.data("v1 identity")).body(x -> x.text(t -> t.data("t"))))))
                .messageId();
        assertThat(SesClients.sentMessage(id).path("Source").asText()).isEqualTo(email);
    }

    @Test
    void customVerificationEmailTemplates() {
        String from = SesClients.address("verify", "cv.example.com");
        A.ses().verifyEmailIdentity(b -> b.emailAddress(from));
        String name = SesClients.name("cv");
        A.ses().createCustomVerificationEmailTemplate(b -> b.templateName(name).fromEmailAddress(from)
                .templateSubject("Please verify").templateContent("<p>Click below</p>")
                .successRedirectionURL("https://example.com/ok").failureRedirectionURL("https://example.com/no"));
        var got = A.ses().getCustomVerificationEmailTemplate(b -> b.templateName(name));
        assertThat(got.fromEmailAddress()).isEqualTo(from);
        assertThat(got.templateSubject()).isEqualTo("Please verify");
        assertThat(got.successRedirectionURL()).isEqualTo("https://example.com/ok");
        assertThat(A.ses().listCustomVerificationEmailTemplates(b -> { }).customVerificationEmailTemplates())
                .extracting(CustomVerificationEmailTemplate::templateName).contains(name);
        assertThat(A.v2().getCustomVerificationEmailTemplate(b -> b.templateName(name)).templateSubject())
                .isEqualTo("Please verify");

        A.ses().updateCustomVerificationEmailTemplate(b -> b.templateName(name).templateSubject("Verify now"));
        assertThat(A.ses().getCustomVerificationEmailTemplate(b -> b.templateName(name)).templateSubject())
                .isEqualTo("Verify now");

        String invitee = SesClients.address("invitee", "elsewhere.example.net");
        String messageId = A.ses().sendCustomVerificationEmail(b -> b.templateName(name).emailAddress(invitee))
                .messageId();
        var mail = SesClients.sentMessage(messageId);
        assertThat(mail.path("Source").asText()).isEqualTo(from);
        assertThat(mail.path("Destination").path("ToAddresses").get(0).asText()).isEqualTo(invitee);
        assertThat(mail.path("Subject").asText()).isEqualTo("Verify now");
        assertThat(mail.path("Body").path("html_part").asText()).contains("Click below");
        assertThat(A.ses().listIdentities(b -> { }).identities()).contains(invitee);

        A.ses().deleteCustomVerificationEmailTemplate(b -> b.templateName(name));
        SesClients.error(CustomVerificationEmailTemplateDoesNotExistException.class,
                "CustomVerificationEmailTemplateDoesNotExist", 400,
                () -> A.ses().getCustomVerificationEmailTemplate(b -> b.templateName(name)));
        SesClients.error(NotFoundException.class, "NotFoundException", 404,
                () -> A.v2().getCustomVerificationEmailTemplate(b -> b.templateName(name)));
    }

    @Test
    void accountSendingSwitch() {
        String email = SesClients.address("paused", "paused.example.com");
        A.ses().verifyEmailIdentity(b -> b.emailAddress(email));
        assertThat(A.ses().getAccountSendingEnabled(b -> { }).enabled()).isTrue();
        A.ses().updateAccountSendingEnabled(b -> b.enabled(false));
        try {
            assertThat(A.ses().getAccountSendingEnabled(b -> { }).enabled()).isFalse();
            assertThat(A.v2().getAccount(b -> { }).sendingEnabled()).isFalse();
            SesClients.error(AccountSendingPausedException.class, "AccountSendingPausedException", 400,
                    () -> A.ses().sendEmail(b -> b.source(email)
                            .destination(d -> d.toAddresses("success@simulator.amazonses.com"))
                            .message(m -> m.subject(s -> s.data("s")).body(x -> x.text(t -> t.data("t"))))));
            SesClients.error(software.amazon.awssdk.services.sesv2.model.SendingPausedException.class,
                    "SendingPausedException", 400, () -> A.v2().sendEmail(b -> b.fromEmailAddress(email)
                            .destination(d -> d.toAddresses("success@simulator.amazonses.com"))
                            .content(c -> c.simple(m -> m.subject(s -> s.data("s")).body(x -> x.text(t -> t.data("t")))))));
        } finally {
            A.v2().putAccountSendingAttributes(b -> b.sendingEnabled(true));
        }
        assertThat(A.ses().getAccountSendingEnabled(b -> { }).enabled()).isTrue();
    }
}
