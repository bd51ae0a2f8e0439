package io.mailroom.protocol.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.error.CommonErrors;
import io.mailroom.core.model.ModelLoader;
import io.mailroom.core.model.ServiceModel;
import io.mailroom.protocol.EncodedResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RestRoutingTest {
    private static final ServiceModel SESV2 = ModelLoader.fromResource(RestRoutingTest.class,
            "/models/sesv2-2019-09-27.json");
    private final RestRouter router = new RestRouter(SESV2);

    private String operation(String method, String path) {
        RestRouter.Match match = router.find(method, path, Map.of(), h -> null);
        return match == null ? null : match.operation().name();
    }

    @Test
    void routesByMethodAndTemplateWithLiteralsBeforeLabels() {
        assertThat(router.mayServe("/v2/email/identities")).isTrue();
        assertThat(router.mayServe("/")).isFalse();
        assertThat(operation("POST", "/v2/email/outbound-emails")).isEqualTo("SendEmail");
        assertThat(operation("GET", "/v2/email/identities")).isEqualTo("ListEmailIdentities");
        assertThat(operation("POST", "/v2/email/identities")).isEqualTo("CreateEmailIdentity");
        assertThat(operation("GET", "/v2/email/identities/example.com")).isEqualTo("GetEmailIdentity");
        assertThat(operation("PUT", "/v2/email/identities/example.com/dkim")).isEqualTo("PutEmailIdentityDkimAttributes");
        assertThat(operation("POST", "/v2/email/contact-lists/news/contacts/list")).isEqualTo("ListContacts");
        assertThat(operation("GET", "/v2/email/contact-lists/news/contacts/a%40b.com")).isEqualTo("GetContact");
        assertThat(operation("PATCH", "/v2/email/identities")).isNull();
        assertThat(operation("GET", "/v2/email/identities/a/b/c/d")).isNull();
    }

    @Test
    void bindsLabelsAndQueryStringIntoTheCanonicalInput() {
        RestRouter.Match get = router.find("GET", "/v2/email/contact-lists/news/contacts/a%40b.com", Map.of(), h -> null);
        ObjectNode input = RestJsonCodec.decode(get.operation(), get.labels(), Map.of(), h -> null, new byte[0]);
        assertThat(input.toString()).isEqualTo("{\"ContactListName\":\"news\",\"EmailAddress\":\"a@b.com\"}");

        RestRouter.Match list = router.find("GET", "/v2/email/suppression/addresses", Map.of(), h -> null);
        ObjectNode listed = RestJsonCodec.decode(list.operation(), list.labels(),
                Map.of("PageSize", List.of("5"), "Reason", List.of("BOUNCE", "COMPLAINT")), h -> null, new byte[0]);
        assertThat(listed.toString()).isEqualTo("{\"Reasons\":[\"BOUNCE\",\"COMPLAINT\"],\"PageSize\":5}");

        RestRouter.Match send = router.find("POST", "/v2/email/outbound-emails", Map.of(), h -> null);
        byte[] body = "{\"FromEmailAddress\":\"a@b.com\",\"Content\":{}}".getBytes(StandardCharsets.UTF_8);
        assertThat(RestJsonCodec.decode(send.operation(), send.labels(), Map.of(), h -> null, body)
                .get("FromEmailAddress").asText()).isEqualTo("a@b.com");
    }

    /** A label is the UTF-8 its bytes spell, percent-encoded or sent raw (read as ISO-8859-1); other bytes refuse. */
    @Test
    void labelsAreDecodedStrictlyAsUtf8() {
        RestRouter.Match raw = router.find("GET", "/v2/email/identities/caf\u00c3\u00a9.example", Map.of(), h -> null);
        assertThat(raw.labels()).containsEntry("EmailIdentity", "café.example");
        RestRouter.Match encoded = router.find("GET", "/v2/email/identities/caf%C3%A9.example", Map.of(), h -> null);
        assertThat(encoded.labels()).containsEntry("EmailIdentity", "café.example");
        assertThat(router.find("GET", "/v2/email/identities/a+b", Map.of(), h -> null).labels())
                .containsEntry("EmailIdentity", "a+b");
        for (String undecodable : List.of("%FF%FE-", "%AE%8A-", "caf\u00e9", "%C3", "%zz", "%4")) {
            assertThatThrownBy(() -> router.find("GET", "/v2/email/identities/" + undecodable, Map.of(), h -> null))
                    .as(undecodable).isInstanceOf(PathSegment.Undecodable.class);
        }
    }

    @Test
    void errorsCarryTheirTypeInAHeader() {
        EncodedResponse error = RestJsonCodec.error(CommonErrors.INVALID_PARAMETER_VALUE.exception("nope"));
        assertThat(error.status()).isEqualTo(400);
        assertThat(error.headers()).containsEntry("x-amzn-ErrorType", "InvalidParameterValue");
        assertThat(new String(error.body(), StandardCharsets.UTF_8)).isEqualTo("{\"message\":\"nope\"}");
    }
}
