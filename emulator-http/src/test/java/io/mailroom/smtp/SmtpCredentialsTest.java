package io.mailroom.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class SmtpCredentialsTest {

    /*
     * AWS documents the algorithm (and a Python script) but no sample output; these values come from an
     * independent implementation of the documented steps (Python hmac/hashlib), for AWS's documentation
     * example secret key.
     */
    @Test
    void derivesTheSesSmtpPasswordVersion4() {
        assertThat(SmtpCredentials.derivePassword("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "us-east-1"))
                .isEqualTo("BLBM/9hSUELfq8Gw+rU1YcBjkOxGbhT2XG763xVLGWL9");
        assertThat(SmtpCredentials.derivePassword("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "eu-west-1"))
                .isEqualTo("BMW5RDrXmmVs0lV7GpI4oLkHXpZ4stDsk6q91z1g38Pk");
        assertThat(SmtpCredentials.derivePassword("test", "us-east-1"))
                .isEqualTo("BESqoa1A44C6UywzhS8ErtO4EE+cq64MHGuZLs78Hnwj");
    }

    @Test
    void passwordIsVersionByteAndHmacSha256() {
        byte[] decoded = Base64.getDecoder().decode(SmtpCredentials.derivePassword("secret", "ap-south-1"));
        assertThat(decoded).hasSize(33);
        assertThat(decoded[0]).isEqualTo((byte) 0x04);
    }

    @Test
    void checksTheDerivedPasswordForTheConfiguredSecretAndRegion() {
        SmtpCredentials strict = new SmtpCredentials(false, "test", "us-east-1");
        assertThat(strict.accepts("AKIDEXAMPLE", "BESqoa1A44C6UywzhS8ErtO4EE+cq64MHGuZLs78Hnwj")).isTrue();
        assertThat(strict.accepts("AKIDEXAMPLE", "test")).isFalse();
        assertThat(strict.accepts("AKIDEXAMPLE", SmtpCredentials.derivePassword("test", "eu-west-1"))).isFalse();
        assertThat(new SmtpCredentials(true, "test", "us-east-1").accepts("anyone", "anything")).isTrue();
    }

    @Test
    void twelveDigitUserNameSelectsTheAccount() {
        assertThat(SmtpCredentials.accountFor("123456789012", "000000000000")).isEqualTo("123456789012");
        assertThat(SmtpCredentials.accountFor("AKIAIOSFODNN7EXAMPLE", "000000000000")).isEqualTo("000000000000");
        assertThat(SmtpCredentials.accountFor("12345678901", "000000000000")).isEqualTo("000000000000");
    }
}
