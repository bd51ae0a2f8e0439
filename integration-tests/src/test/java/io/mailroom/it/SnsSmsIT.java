package io.mailroom.it;

import static io.mailroom.it.SnsClients.invalidParameter;
import static io.mailroom.it.SnsClients.snsError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.PhoneNumberInformation;
import software.amazon.awssdk.services.sns.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sns.model.SMSSandboxPhoneNumber;
import software.amazon.awssdk.services.sns.model.VerificationException;

/**
 * SMS: attributes, opt-outs, the sandbox, direct publishes and sms subscriptions, observed through the
 * LocalStack-compatible {@code /_aws/sns/sms-messages} endpoint. Runs in an account of its own.
 */
class SnsSmsIT {
    private static final String ACCOUNT = "222233334444";
    private static final SnsClient SNS = SnsClients.sns(TestServer.credentialsFor(ACCOUNT), Region.US_EAST_1);
    private static final AtomicInteger NUMBER = new AtomicInteger(100);

    @AfterAll
    static void close() {
        SNS.close();
    }

    private static String phone() {
        return "+1555123" + String.format("%04d", NUMBER.incrementAndGet());
    }

    private static JsonNode smsTo(String number) {
        return SnsClients.get("/_aws/sns/sms-messages?accountId=" + ACCOUNT + "&region=us-east-1&phoneNumber="
                + SnsClients.encode(number)).json().path("sms_messages").path(number);
    }

    @Test
    void smsAttributesCanBeSetAndRead() {
        SNS.setSMSAttributes(b -> b.attributes(Map.of("DefaultSMSType", "Transactional", "DefaultSenderID", "Mailroom",
                "MonthlySpendLimit", "5")));
        assertThat(SNS.getSMSAttributes(b -> b.attributes("DefaultSMSType", "DefaultSenderID")).attributes())
                .isEqualTo(Map.of("DefaultSMSType", "Transactional", "DefaultSenderID", "Mailroom"));
        assertThat(SNS.getSMSAttributes(b -> { }).attributes()).containsEntry("MonthlySpendLimit", "5");

        invalidParameter(() -> SNS.setSMSAttributes(b -> b.attributes(Map.of("DefaultSMSType", "Loud"))));
        invalidParameter(() -> SNS.setSMSAttributes(b -> b.attributes(Map.of("NoSuchAttribute", "1"))));
        invalidParameter(() -> SNS.setSMSAttributes(b -> b.attributes(Map.of("DefaultSenderID", "1234"))));
    }

    @Test
    void publishToAPhoneNumberIsRecordedAndCanBeCleared() {
        String number = phone();
        String messageId = SNS.publish(b -> b.phoneNumber(number).message("Your code is 1234")).messageId();

        JsonNode messages = smsTo(number);
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).get("MessageId").asText()).isEqualTo(messageId);
        assertThat(messages.get(0).get("Message").asText()).isEqualTo("Your code is 1234");
        assertThat(messages.get(0).get("PhoneNumber").asText()).isEqualTo(number);

        assertThat(SnsClients.delete("/_aws/sns/sms-messages?accountId=" + ACCOUNT + "&region=us-east-1&phoneNumber="
                + SnsClients.encode(number)).status()).isEqualTo(204);
        assertThat(smsTo(number).isMissingNode() || smsTo(number).isEmpty()).isTrue();

        invalidParameter(() -> SNS.publish(b -> b.phoneNumber("555-0100").message("hi")));
        invalidParameter(() -> SNS.publish(b -> b.phoneNumber(number).message("x".repeat(1601))));
    }

    @Test
    void smsSubscriptionsReceiveTopicMessages() {
        String number = phone();
        String topic = SNS.createTopic(b -> b.name(SnsClients.name("sms-topic"))).topicArn();
        String sub = SNS.subscribe(b -> b.topicArn(topic).protocol("sms").endpoint(number)).subscriptionArn();
        SNS.publish(b -> b.topicArn(topic).message("Parcel delivered"));

        JsonNode messages = SnsClients.await("SMS to " + number, () -> smsTo(number).size() == 1 ? smsTo(number) : null);
        assertThat(messages.get(0).get("Message").asText()).isEqualTo("Parcel delivered");
        assertThat(messages.get(0).get("TopicArn").asText()).isEqualTo(topic);
        assertThat(messages.get(0).get("SubscriptionArn").asText()).isEqualTo(sub);
    }

    @Test
    void optedOutNumbersAreListedReceiveNothingAndCanBeOptedInOnceEveryThirtyDays() {
        String number = phone();
        assertThat(SNS.checkIfPhoneNumberIsOptedOut(b -> b.phoneNumber(number)).isOptedOut()).isFalse();

        // The developer endpoint opts a number out as a STOP reply would.
        assertThat(SnsClients.post("/_aws/sns/phone-opt-outs?accountId=" + ACCOUNT + "&region=us-east-1&phoneNumber="
                + SnsClients.encode(number)).status()).isEqualTo(204);
        assertThat(SNS.checkIfPhoneNumberIsOptedOut(b -> b.phoneNumber(number)).isOptedOut()).isTrue();
        assertThat(SNS.listPhoneNumbersOptedOutPaginator(b -> { }).phoneNumbers()).contains(number);

        // Publishing to an opted-out number is accepted, but nothing is sent.
        assertThat(SNS.publish(b -> b.phoneNumber(number).message("Promo")).messageId()).isNotEmpty();
        assertThat(smsTo(number).isMissingNode() || smsTo(number).isEmpty()).isTrue();

        SNS.optInPhoneNumber(b -> b.phoneNumber(number));
        assertThat(SNS.checkIfPhoneNumberIsOptedOut(b -> b.phoneNumber(number)).isOptedOut()).isFalse();
        assertThat(SNS.listPhoneNumbersOptedOutPaginator(b -> { }).phoneNumbers()).doesNotContain(number);

        SnsClients.post("/_aws/sns/phone-opt-outs?accountId=" + ACCOUNT + "&region=us-east-1&phoneNumber="
                + SnsClients.encode(number));
        invalidParameter(() -> SNS.optInPhoneNumber(b -> b.phoneNumber(number)));

        invalidParameter(() -> SNS.checkIfPhoneNumberIsOptedOut(b -> b.phoneNumber("not a number")));
    }

    @Test
    void sandboxNumbersAreVerifiedWithTheOneTimePasswordTextedToThem() {
        assertThat(SNS.getSMSSandboxAccountStatus(b -> { }).isInSandbox()).isTrue();
        String number = phone();
        SNS.createSMSSandboxPhoneNumber(b -> b.phoneNumber(number).languageCode("en-US"));
        assertThat(sandboxStatus(number)).isEqualTo("Pending");

        String text = smsTo(number).get(0).get("Message").asText();
        String otp = text.replaceAll("\\D", "");
        assertThat(otp).hasSize(6);

        String wrong = otp.equals("000000") ? "111111" : "000000";
        snsError(VerificationException.class, "VerificationException", 400,
                () -> SNS.verifySMSSandboxPhoneNumber(b -> b.phoneNumber(number).oneTimePassword(wrong)));
        SNS.verifySMSSandboxPhoneNumber(b -> b.phoneNumber(number).oneTimePassword(otp));
        assertThat(sandboxStatus(number)).isEqualTo("Verified");

        SNS.deleteSMSSandboxPhoneNumber(b -> b.phoneNumber(number));
        assertThat(sandboxStatus(number)).isNull();
        snsError(ResourceNotFoundException.class, "ResourceNotFound", 404,
                () -> SNS.deleteSMSSandboxPhoneNumber(b -> b.phoneNumber(number)));
        snsError(ResourceNotFoundException.class, "ResourceNotFound", 404,
                () -> SNS.verifySMSSandboxPhoneNumber(b -> b.phoneNumber(number).oneTimePassword(otp)));
        invalidParameter(() -> SNS.createSMSSandboxPhoneNumber(b -> b.phoneNumber("12345")));
    }

    private static String sandboxStatus(String number) {
        List<SMSSandboxPhoneNumber> numbers = SNS.listSMSSandboxPhoneNumbersPaginator(b -> { }).phoneNumbers()
                .stream().toList();
        return numbers.stream().filter(n -> n.phoneNumber().equals(number)).findFirst()
                .map(SMSSandboxPhoneNumber::statusAsString).orElse(null);
    }

    @Test
    void noOriginationNumbersAreLeased() {
        List<PhoneNumberInformation> numbers = SNS.listOriginationNumbersPaginator(b -> { }).phoneNumbers()
                .stream().toList();
        assertThat(numbers).isEmpty();
    }
}
