package io.mailroom.ses;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code SesConfig.withSentMailBucket}: every accepted message is also an object named by its id. */
class SentMailCopyTest extends SesTestSupport {

    @Override
    SesConfig config() {
        return SesConfig.defaults().withSentMailBucket("sent-mail");
    }

    @Test
    void acceptedMailIsCopiedToTheBucketUnderItsMessageId() {
        objects.createBucket("sent-mail");
        verifyEmail("me@example.com");
        String id = sendV1("me@example.com", "x@y.org", "archived", "t");
        FakeObjects.Stored copy = objects.get("sent-mail", id);
        assertThat(copy).isNotNull();
        assertThat(copy.accountId()).isEqualTo(ACCOUNT);
        assertThat(copy.region()).isEqualTo(REGION);
        assertThat(copy.contentType()).isEqualTo("message/rfc822");
        assertThat(copy.text()).isEqualTo(raw(id));
        assertThat(ses.sentMailBucket()).isEqualTo("sent-mail");
    }

    @Test
    void withoutTheBucketTheSendStillSucceedsAndNothingIsStored() {
        verifyEmail("me@example.com");
        String id = sendV1("me@example.com", "x@y.org", "not archived", "t");
        assertThat(ses.sentMessage(id)).isPresent();
        assertThat(objects.all()).isEmpty();
    }

    @Test
    void offByDefault() {
        assertThat(SesConfig.defaults().sentMailBucket()).isNull();
    }
}
