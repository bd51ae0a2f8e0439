package io.mailroom.s3;

import static io.mailroom.s3.S3Harness.json;
import static io.mailroom.s3.S3Harness.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.error.AwsException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorsTest {
    private static final String UPLOADS = "{'CORSRules':[{'ID':'app','AllowedOrigins':['http://*.app.test'],"
            + "'AllowedMethods':['PUT','POST'],'AllowedHeaders':['Content-*','x-amz-*'],'ExposeHeaders':['ETag','x-amz-version-id'],"
            + "'MaxAgeSeconds':600},{'AllowedOrigins':['*'],'AllowedMethods':['GET','HEAD']}]}";
    private static final String VARY = "Origin, Access-Control-Request-Headers, Access-Control-Request-Method";
    private final S3Harness h = new S3Harness();

    @TempDir
    Path dataDir;

    @BeforeEach
    void createBucket() {
        h.createBucket("web");
    }

    private static ObjectNode bucket() {
        return obj().put("Bucket", "web");
    }

    private void putCors(String configuration) {
        h.call("PutBucketCors", bucket().set("CORSConfiguration", json(configuration)));
    }

    private AwsException refusedCors(String configuration) {
        return h.error("PutBucketCors", bucket().set("CORSConfiguration", json(configuration)));
    }

    private static ObjectNode preflight(String bucket, String key, String origin, String method, String headers) {
        ObjectNode in = obj().put("Bucket", bucket);
        if (key != null) {
            in.put("Key", key);
        }
        if (origin != null) {
            in.put("Origin", origin);
        }
        if (method != null) {
            in.put("AccessControlRequestMethod", method);
        }
        if (headers != null) {
            in.put("AccessControlRequestHeaders", headers);
        }
        return in;
    }

    private Map<String, String> granted(ObjectNode input) {
        return granted("OptionsObject", input);
    }

    private Map<String, String> granted(String operation, ObjectNode input) {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        h.call(operation, input).path("Headers").fields()
                .forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
        return headers;
    }

    @Test
    void aConfigurationIsStoredReturnedInOrderAndDeleted() {
        AwsException none = h.error("GetBucketCors", bucket());
        assertThat(none.error()).isEqualTo(S3Errors.NO_SUCH_CORS_CONFIGURATION);
        assertThat(none.getMessage()).isEqualTo("The CORS configuration does not exist");
        assertThat(none.details()).containsEntry("BucketName", "web");

        putCors(UPLOADS);
        assertThat(h.call("GetBucketCors", bucket())).isEqualTo(json(UPLOADS));
        putCors("{'CORSRules':[{'AllowedOrigins':[''],'AllowedMethods':['DELETE']}]}");
        assertThat(h.call("GetBucketCors", bucket())).isEqualTo(
                json("{'CORSRules':[{'AllowedMethods':['DELETE'],'AllowedOrigins':['']}]}"));

        h.call("DeleteBucketCors", bucket());
        h.call("DeleteBucketCors", bucket());
        h.assertError(S3Errors.NO_SUCH_CORS_CONFIGURATION, "GetBucketCors", bucket());
        h.assertError(S3Errors.NO_SUCH_BUCKET, "PutBucketCors", obj().put("Bucket", "elsewhere")
                .set("CORSConfiguration", json(UPLOADS)));
    }

    @Test
    void configurationsAreCheckedAsS3ChecksThem() {
        String rule = "{'AllowedOrigins':['*'],'AllowedMethods':['GET']}";
        assertThat(refusedCors("{'CORSRules':[]}").error()).isEqualTo(S3Errors.MALFORMED_XML);
        assertThat(refusedCors("{'CORSRules':[{'AllowedOrigins':['*']}]}").error()).isEqualTo(S3Errors.MALFORMED_XML);
        assertThat(refusedCors("{'CORSRules':[{'AllowedMethods':['GET']}]}").error()).isEqualTo(S3Errors.MALFORMED_XML);
        assertThat(refusedCors("{'CORSRules':[" + (rule + ",").repeat(100) + rule + "]}").getMessage())
                .isEqualTo("The number of CORS rules should not exceed allowed limit of 100 rules.");
        putCors("{'CORSRules':[" + (rule + ",").repeat(99) + rule + "]}");

        AwsException patch = refusedCors("{'CORSRules':[{'AllowedOrigins':['*'],'AllowedMethods':['GET','PATCH']}]}");
        assertThat(patch.error()).isEqualTo(S3Errors.INVALID_REQUEST);
        assertThat(patch.getMessage())
                .isEqualTo("Found unsupported HTTP method in CORS config. Unsupported method is PATCH");
        assertThat(refusedCors("{'CORSRules':[{'AllowedOrigins':['*'],'AllowedMethods':['get']}]}").getMessage())
                .endsWith("Unsupported method is get");
        assertThat(refusedCors("{'CORSRules':[{'AllowedOrigins':['http://*.*.test'],'AllowedMethods':['GET']}]}")
                .getMessage()).isEqualTo("AllowedOrigin \"http://*.*.test\" can not have more than one wildcard.");
        assertThat(refusedCors("{'CORSRules':[{'AllowedOrigins':['*'],'AllowedMethods':['GET'],'AllowedHeaders':['x-*-*']}]}")
                .getMessage()).isEqualTo("AllowedHeader \"x-*-*\" can not have more than one wildcard.");
        putCors("{'CORSRules':[{'ID':'" + "i".repeat(255) + "','AllowedOrigins':['*'],'AllowedMethods':['GET']}]}");
        assertThat(refusedCors("{'CORSRules':[{'ID':'" + "i".repeat(256) + "','AllowedOrigins':['*'],'AllowedMethods':['GET']}]}")
                .error()).isEqualTo(S3Errors.INVALID_ARGUMENT);
        // A refused configuration leaves the one before it in place.
        assertThat(h.call("GetBucketCors", bucket()).at("/CORSRules/0/ID").asText()).hasSize(255);
    }

    @Test
    void anAllowedPreflightGetsTheFirstMatchingRulesHeaders() {
        putCors(UPLOADS);
        assertThat(granted(preflight("web", "photos/a.jpg", "http://www.app.test", "PUT",
                "Content-Type, X-Amz-Meta-Owner,,x-amz-date"))).containsExactly(
                Map.entry("Access-Control-Allow-Origin", "http://www.app.test"),
                Map.entry("Access-Control-Allow-Methods", "PUT, POST"),
                Map.entry("Access-Control-Allow-Credentials", "true"),
                Map.entry("Access-Control-Allow-Headers", "content-type, x-amz-meta-owner, x-amz-date"),
                Map.entry("Access-Control-Expose-Headers", "ETag, x-amz-version-id"),
                Map.entry("Access-Control-Max-Age", "600"),
                Map.entry("Vary", VARY));
        // Any origin: "*" itself, and no credentials.
        assertThat(granted(preflight("web", null, "https://elsewhere.example", "GET", null))).containsExactly(
                Map.entry("Access-Control-Allow-Origin", "*"),
                Map.entry("Access-Control-Allow-Methods", "GET, HEAD"),
                Map.entry("Vary", VARY));
    }

    @Test
    void rulesMatchOriginsMethodsAndHeadersAsS3Does() {
        putCors("{'CORSRules':[{'AllowedOrigins':['start*end','*.suffix','http://exact.test'],'AllowedMethods':['GET'],"
                + "'AllowedHeaders':['x-AMZ-server-SIDE-encryption']}]}");
        for (String allowed : new String[] {"startend", "start12end", "a.suffix", "http://exact.test"}) {
            assertThat(granted(preflight("web", null, allowed, "GET", null))).as(allowed)
                    .containsEntry("Access-Control-Allow-Origin", allowed);
        }
        for (String refused : new String[] {"0start12end", "start12end/", "foo.suffix.get", "http://EXACT.test",
                "http://exact.test/"}) {
            assertThat(h.error("OptionsObject", preflight("web", null, refused, "GET", null)).error()).as(refused)
                    .isEqualTo(S3Errors.ACCESS_FORBIDDEN);
        }
        assertThat(granted(preflight("web", null, "startend", "GET", "X-Amz-Server-Side-Encryption")))
                .containsEntry("Access-Control-Allow-Headers", "x-amz-server-side-encryption");
        // Every requested header must be allowed; methods are compared as sent.
        h.assertError(S3Errors.ACCESS_FORBIDDEN, "OptionsObject",
                preflight("web", null, "startend", "GET", "x-amz-server-side-encryption, x-amz-date"));
        h.assertError(S3Errors.ACCESS_FORBIDDEN, "OptionsObject", preflight("web", null, "startend", "get", null));
        h.assertError(S3Errors.ACCESS_FORBIDDEN, "OptionsObject", preflight("web", null, "startend", "PUT", null));

        // A rule without AllowedHeader allows no requested header.
        putCors("{'CORSRules':[{'AllowedOrigins':['*'],'AllowedMethods':['PUT']}]}");
        assertThat(granted(preflight("web", null, "http://a.test", "PUT", null))).isNotEmpty();
        h.assertError(S3Errors.ACCESS_FORBIDDEN, "OptionsObject", preflight("web", null, "http://a.test", "PUT",
                "content-type"));
    }

    @Test
    void refusedPreflightsAreWordedAsS3WordsThem() {
        AwsException noOrigin = h.error("OptionsObject", preflight("web", "k", null, "PUT", null));
        assertThat(noOrigin.error()).isEqualTo(S3Errors.BAD_REQUEST);
        assertThat(noOrigin.getMessage()).isEqualTo("Insufficient information. Origin request header needed.");

        AwsException noBucket = h.error("OptionsObject", preflight("nowhere", "k", "http://a.test", null, null));
        assertThat(noBucket.error()).isEqualTo(S3Errors.ACCESS_FORBIDDEN);
        assertThat(noBucket.getMessage()).isEqualTo("CORSResponse: Bucket not found");
        assertThat(noBucket.details()).containsExactly(Map.entry("Method", "OPTIONS"), Map.entry("ResourceType", "BUCKET"));

        AwsException notEnabled = h.error("OptionsObject", preflight("web", "k", "http://a.test", "PUT", null));
        assertThat(notEnabled.getMessage()).isEqualTo("CORSResponse: CORS is not enabled for this bucket.");
        assertThat(notEnabled.details()).containsExactly(Map.entry("Method", "PUT"), Map.entry("ResourceType", "BUCKET"));

        putCors(UPLOADS);
        assertThat(h.error("OptionsObject", preflight("web", "k", "http://a.test", null, null)).error())
                .isEqualTo(S3Errors.BAD_REQUEST);
        AwsException onObject = h.error("OptionsObject", preflight("web", "k", "http://a.test", "PUT", null));
        assertThat(onObject.getMessage()).startsWith("CORSResponse: This CORS request is not allowed. This is usually "
                + "because the evalution of Origin");
        assertThat(onObject.details()).containsExactly(Map.entry("Method", "PUT"), Map.entry("ResourceType", "OBJECT"));
        assertThat(h.error("OptionsObject", preflight("web", null, "http://a.test", "PUT", null)).details())
                .containsEntry("ResourceType", "BUCKET");
    }

    @Test
    void otherRequestsGetTheHeadersOfTheirRuleOrNone() {
        ObjectNode get = obj().put("Bucket", "web").put("Method", "GET").put("Origin", "http://a.test");
        assertThat(granted("CrossOriginHeaders", get)).as("no configuration").isEmpty();
        putCors(UPLOADS);
        assertThat(granted("CrossOriginHeaders", get)).containsExactly(Map.entry("Access-Control-Allow-Origin", "*"),
                Map.entry("Access-Control-Allow-Methods", "GET, HEAD"), Map.entry("Vary", VARY));
        ObjectNode put = obj().put("Bucket", "web").put("Method", "PUT").put("Origin", "http://www.app.test");
        assertThat(granted("CrossOriginHeaders", put)).doesNotContainKey("Access-Control-Allow-Headers")
                .containsEntry("Access-Control-Allow-Origin", "http://www.app.test")
                .containsEntry("Access-Control-Expose-Headers", "ETag, x-amz-version-id");
        assertThat(granted("CrossOriginHeaders", put.deepCopy().put("Origin", "http://a.test"))).as("no rule allows it")
                .isEmpty();
        // Access-Control-Request-* headers on an ordinary request are judged as a preflight's would be.
        assertThat(granted("CrossOriginHeaders", get.deepCopy().put("AccessControlRequestMethod", "DELETE"))).isEmpty();
        assertThat(granted("CrossOriginHeaders", put.deepCopy().put("AccessControlRequestHeaders", "x-custom")))
                .isEmpty();
        assertThat(granted("CrossOriginHeaders", get.deepCopy().put("Bucket", "nowhere"))).isEmpty();
    }

    @Test
    void aConfigurationOutlivesARestart() {
        putCors(UPLOADS);
        h.createBucket("plain");
        h.s3.save(dataDir);

        S3Harness after = new S3Harness();
        after.s3.load(dataDir);
        assertThat(after.call("GetBucketCors", bucket())).isEqualTo(json(UPLOADS));
        after.assertError(S3Errors.NO_SUCH_CORS_CONFIGURATION, "GetBucketCors", obj().put("Bucket", "plain"));
    }
}
