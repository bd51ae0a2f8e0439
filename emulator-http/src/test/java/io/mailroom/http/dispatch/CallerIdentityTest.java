package io.mailroom.http.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CallerIdentityTest {

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
            "AKID/20260101/eu-west-1/sqs/aws4_request, AKID, eu-west-1, sqs",
            "123456789012/20260101/us-east-1/sns/aws4_request, 123456789012, us-east-1, sns",
            "AKID/20260101/eu-west-1/sqs, AKID, eu-west-1, sqs",
            "AKID/20260101/eu-west-1/, AKID, eu-west-1, -",
            "AKID/20260101/eu-west-1, AKID, eu-west-1, -",
            "AKID/20260101//sqs/aws4_request, AKID, -, sqs",
            "AKID/20260101, AKID, -, -",
            "AKID, AKID, -, -"})
    void readsKeyRegionAndServiceFromTheCredentialScope(String scope, String key, String region, String service) {
        HttpHeaders headers = new DefaultHttpHeaders().add("Authorization",
                "AWS4-HMAC-SHA256 Credential=" + scope + ", SignedHeaders=host;x-amz-date, Signature=abc");
        assertThat(CallerIdentity.of(headers, Map.of())).isEqualTo(new CallerIdentity(key, region, service));
        // A presigned request carries the same scope as a query parameter.
        assertThat(CallerIdentity.of(new DefaultHttpHeaders(), Map.of("X-Amz-Credential", List.of(scope))))
                .isEqualTo(new CallerIdentity(key, region, service));
    }
}
