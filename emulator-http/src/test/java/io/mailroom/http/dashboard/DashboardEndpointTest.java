package io.mailroom.http.dashboard;

import io.mailroom.http.DeveloperJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.request.RequestContext;
import io.mailroom.core.service.Handler;
import io.mailroom.core.time.ServerClock;
import io.mailroom.protocol.EncodedResponse;
import io.mailroom.server.ServiceSet;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DashboardEndpointTest {
    private static final RequestContext CTX = new RequestContext("000000000000", "us-east-1", "r", "http://localhost:4566");
    private static final Pattern REFERENCE = Pattern.compile("(?:from |src=\"|href=\")['\"]?(?:\\./|/_mailroom/assets/)([a-z0-9.-]+)");

    private final ServerClock clock = ServerClock.manual(Instant.parse("2026-01-01T00:00:00Z"));
    private final ServiceSet services = ServiceSet.create(clock);
    private final DashboardEndpoint endpoint = new DashboardEndpoint(services.sqs(), services::sns, services::ses, services::s3);

    @AfterEach
    void stopClock() {
        clock.close();
    }

    private EncodedResponse get(String uri, String ifNoneMatch) {
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, uri);
        if (ifNoneMatch != null) {
            request.headers().set("If-None-Match", ifNoneMatch);
        }
        QueryStringDecoder decoder = new QueryStringDecoder(uri);
        assertThat(endpoint.matches(request, decoder.path())).as("matches %s", uri).isTrue();
        return endpoint.handle(request, decoder, CTX);
    }

    private static String text(EncodedResponse response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Test
    void servesThePageWithAnEtagAndRevalidates() {
        EncodedResponse page = get("/_mailroom/", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.headers()).containsEntry("Cache-Control", "no-cache").containsKey("Content-Security-Policy");
        String etag = page.headers().get("ETag");
        assertThat(etag).startsWith("\"").endsWith("\"");

        EncodedResponse again = get("/_mailroom/", etag);
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void redirectsTheBarePathToTheSlash() {
        EncodedResponse bare = get("/_mailroom", null);
        assertThat(bare.status()).isEqualTo(308);
        assertThat(bare.headers()).containsEntry("Location", "/_mailroom/");
    }

    /** Every file the page loads and every module a script imports is there, with its content type. */
    @Test
    void everyReferencedAssetExists() {
        Deque<String> pending = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        collect(text(get("/_mailroom/", null)), pending);
        while (!pending.isEmpty()) {
            String name = pending.pop();
            if (!seen.add(name)) {
                continue;
            }
            EncodedResponse asset = get("/_mailroom/assets/" + name, null);
            assertThat(asset.status()).as(name).isEqualTo(200);
            if (name.endsWith(".js")) {
                assertThat(asset.contentType()).startsWith("text/javascript");
                collect(text(asset), pending);
            }
        }
        assertThat(seen).contains("app.js", "api.js", "dom.js", "queues.js", "topics.js", "mail.js", "inbound.js", "buckets.js", "style.css");
    }

    private static void collect(String source, Deque<String> into) {
        Matcher m = REFERENCE.matcher(source);
        while (m.find()) {
            into.push(m.group(1));
        }
    }

    @Test
    void unknownOrClimbingAssetNamesAreNotFound() {
        assertThat(get("/_mailroom/assets/nope.js", null).status()).isEqualTo(404);
        assertThat(get("/_mailroom/assets/../dashboard/index.html", null).status()).isEqualTo(404);
        assertThat(get("/_mailroom/assets/%2e%2e%2Fhttp%2Fdashboard%2FStaticAssets.class", null).status()).isEqualTo(404);
        assertThat(get("/_mailroom/api/nothing", null).status()).isEqualTo(404);
    }

    @Test
    void leavesOtherDeveloperEndpointsAndWritesAlone() {
        FullHttpRequest post = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/_mailroom/api/queues");
        assertThat(endpoint.matches(post, "/_mailroom/api/queues")).isFalse();
        FullHttpRequest health = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/_mailroom/health");
        assertThat(endpoint.matches(health, "/_mailroom/health")).isFalse();
    }

    @Test
    void queuesViewCountsMessagesOfEveryAccountWithoutChangingThem() {
        call("CreateQueue", CTX, "{\"QueueName\":\"orders\"}");
        RequestContext other = new RequestContext("111122223333", "eu-west-1", "r", CTX.endpoint());
        call("CreateQueue", other, "{\"QueueName\":\"billing\"}");
        String url = CTX.endpoint() + "/000000000000/orders";
        call("SendMessage", CTX, "{\"QueueUrl\":\"" + url + "\",\"MessageBody\":\"a\"}");
        call("SendMessage", CTX, "{\"QueueUrl\":\"" + url + "\",\"MessageBody\":\"b\",\"DelaySeconds\":60}");

        for (int i = 0; i < 2; i++) {
            JsonNode queues = json(get("/_mailroom/api/queues", null)).get("queues");
            assertThat(queues).hasSize(2);
            JsonNode orders = queues.get(0);
            assertThat(orders.get("name").asText()).isEqualTo("orders");
            assertThat(orders.get("url").asText()).isEqualTo(url);
            assertThat(orders.get("visible").asInt()).isEqualTo(1);
            assertThat(orders.get("delayed").asInt()).isEqualTo(1);
            assertThat(orders.get("inflight").asInt()).isEqualTo(0);
            assertThat(queues.get(1).get("accountId").asText()).isEqualTo("111122223333");
            assertThat(queues.get(1).get("region").asText()).isEqualTo("eu-west-1");
        }
    }

    @Test
    void mailViewIsEmptyAndAnUnknownMessageIsNotFound() {
        assertThat(json(get("/_mailroom/api/mail", null)).get("messages")).isEmpty();
        assertThat(get("/_mailroom/api/mail/nope", null).status()).isEqualTo(404);
        assertThat(get("/_mailroom/api/mail/nope/attachments/0", null).status()).isEqualTo(404);
        assertThat(json(get("/_mailroom/api/topics", null)).get("topics")).isEmpty();
    }

    @Test
    void bucketsViewCountsObjectsListsByPrefixAndShowsNotifications() {
        call("CreateQueue", CTX, "{\"QueueName\":\"events\"}");
        String queueArn = "arn:aws:sqs:us-east-1:000000000000:events";
        call(services.s3(), "CreateBucket", CTX, "{'Bucket':'reports'}");
        call(services.s3(), "PutBucketNotificationConfiguration", CTX, "{'Bucket':'reports','NotificationConfiguration':"
                + "{'QueueConfigurations':[{'Id':'new-reports','QueueArn':'" + queueArn + "','Events':['s3:ObjectCreated:*'],"
                + "'Filter':{'Key':{'FilterRules':[{'Name':'prefix','Value':'daily/'}]}}}]}}");
        put("reports", "daily/2026-01-01.csv", "a,b\n1,2\n", "text/csv");
        put("reports", "daily/2026-01-02.csv", "a,b\n", "text/csv");
        put("reports", "weekly/w1 & more.txt", "week", null);
        RequestContext other = new RequestContext("111122223333", "eu-west-1", "r", CTX.endpoint());
        call(services.s3(), other, "CreateBucket", "{'Bucket':'archive','CreateBucketConfiguration':{'LocationConstraint':'eu-west-1'}}");

        JsonNode buckets = json(get("/_mailroom/api/buckets", null)).get("buckets");
        assertThat(buckets).hasSize(2);
        JsonNode archive = buckets.get(0);
        assertThat(archive.get("name").asText()).isEqualTo("archive");
        assertThat(archive.get("accountId").asText()).isEqualTo("111122223333");
        assertThat(archive.get("region").asText()).isEqualTo("eu-west-1");
        assertThat(archive.get("objects").asLong()).isZero();
        JsonNode reports = buckets.get(1);
        assertThat(reports.get("objects").asLong()).isEqualTo(3);
        assertThat(reports.get("size").asLong()).isEqualTo(8 + 4 + 4);
        JsonNode notification = reports.get("notifications").get(0);
        assertThat(notification.get("id").asText()).isEqualTo("new-reports");
        assertThat(notification.get("destination").asText()).isEqualTo("queue");
        assertThat(notification.get("arn").asText()).isEqualTo(queueArn);
        assertThat(notification.get("events").toString()).isEqualTo("[\"s3:ObjectCreated:*\"]");
        assertThat(notification.get("prefix").asText()).isEqualTo("daily/");

        String base = "/_mailroom/api/buckets/000000000000/us-east-1/reports/objects";
        JsonNode all = json(get(base, null));
        assertThat(all.get("total").asInt()).isEqualTo(3);
        assertThat(all.get("objects")).extracting(o -> o.get("key").asText())
                .containsExactly("daily/2026-01-01.csv", "daily/2026-01-02.csv", "weekly/w1 & more.txt");
        JsonNode first = all.get("objects").get(0);
        assertThat(first.get("size").asLong()).isEqualTo(8);
        assertThat(first.get("contentType").asText()).isEqualTo("text/csv");
        assertThat(first.get("etag").asText()).matches("\"[0-9a-f]{32}\"");
        assertThat(first.get("lastModified").asText()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(all.get("objects").get(2).get("downloadUrl").asText()).isEqualTo(base + "/weekly/w1%20%26%20more.txt");

        JsonNode daily = json(get(base + "?prefix=daily%2F", null));
        assertThat(daily.get("prefix").asText()).isEqualTo("daily/");
        assertThat(daily.get("objects")).extracting(o -> o.get("key").asText())
                .containsExactly("daily/2026-01-01.csv", "daily/2026-01-02.csv");
        assertThat(json(get(base + "?prefix=nothing", null)).get("objects")).isEmpty();

        // The wrong account or region does not reach the bucket.
        assertThat(get("/_mailroom/api/buckets/111122223333/us-east-1/reports/objects", null).status()).isEqualTo(404);
        assertThat(get("/_mailroom/api/buckets/000000000000/eu-west-1/reports/objects", null).status()).isEqualTo(404);
        assertThat(get("/_mailroom/api/buckets/000000000000/us-east-1/nope/objects", null).status()).isEqualTo(404);
        assertThat(get("/_mailroom/api/buckets/000000000000/us-east-1/reports", null).status()).isEqualTo(404);
    }

    @Test
    void objectDownloadIsAnAttachmentAndChangesNothing() {
        call("CreateQueue", CTX, "{\"QueueName\":\"events\"}");
        call(services.s3(), "CreateBucket", CTX, "{'Bucket':'site'}");
        call(services.s3(), "PutBucketNotificationConfiguration", CTX, "{'Bucket':'site','NotificationConfiguration':"
                + "{'QueueConfigurations':[{'QueueArn':'arn:aws:sqs:us-east-1:000000000000:events','Events':['s3:ObjectCreated:*','s3:ObjectRemoved:*']}]}}");
        put("site", "pages/index é.html", "<script>alert(1)</script>", "text/html");
        // s3:TestEvent for the configuration, ObjectCreated:Put for the object.
        assertThat(json(get("/_mailroom/api/queues", null)).get("queues").get(0).get("visible").asInt()).isEqualTo(2);
        JsonNode before = json(get("/_mailroom/api/buckets", null));

        for (int i = 0; i < 2; i++) {
            EncodedResponse file = get("/_mailroom/api/buckets/000000000000/us-east-1/site/objects/pages/index%20%C3%A9.html", null);
            assertThat(file.status()).isEqualTo(200);
            assertThat(text(file)).isEqualTo("<script>alert(1)</script>");
            assertThat(file.contentType()).isEqualTo("text/html");
            assertThat(file.headers()).containsEntry("Content-Disposition",
                            "attachment; filename=\"index _.html\"; filename*=UTF-8''index%20%C3%A9.html")
                    .containsEntry("X-Content-Type-Options", "nosniff")
                    .containsEntry("Content-Security-Policy", "sandbox");
        }
        // No event for the reads, and the bucket is as it was.
        assertThat(json(get("/_mailroom/api/queues", null)).get("queues").get(0).get("visible").asInt()).isEqualTo(2);
        assertThat(json(get("/_mailroom/api/buckets", null))).isEqualTo(before);
        assertThat(get("/_mailroom/api/buckets/000000000000/us-east-1/site/objects/pages/missing", null).status())
                .isEqualTo(404);
        assertThat(get("/_mailroom/api/buckets/000000000000/us-east-1/site/objects/", null).status()).isEqualTo(404);
    }

    @Test
    void inboundViewShowsRecipientsRulesOutcomesAndTheStoredObject() {
        call(services.s3(), "CreateBucket", CTX, "{'Bucket':'inbox'}");
        call(services.ses().v1(), "VerifyDomainIdentity", CTX, "{'Domain':'example.com'}");
        call(services.ses().v1(), "CreateReceiptRuleSet", CTX, "{'RuleSetName':'main'}");
        call(services.ses().v1(), "CreateReceiptRule", CTX, "{'RuleSetName':'main','Rule':{'Name':'store','Enabled':true,"
                + "'Recipients':['support@example.com'],'Actions':[{'S3Action':{'BucketName':'inbox','ObjectKeyPrefix':'mail/'}},"
                + "{'S3Action':{'BucketName':'gone'}}]}}");
        call(services.ses().v1(), "SetActiveReceiptRuleSet", CTX, "{'RuleSetName':'main'}");
        assertThat(json(get("/_mailroom/api/inbound", null)).get("messages")).isEmpty();

        String raw = "From: a@example.org\r\nTo: support@example.com\r\nSubject: Where is my order?\r\n\r\nHi\r\n";
        String id = services.ses().receiveInbound("a@example.org", java.util.List.of("support@example.com",
                "nobody@elsewhere.test"), raw.getBytes(StandardCharsets.UTF_8), "198.51.100.7").messageId();

        JsonNode root = json(get("/_mailroom/api/inbound", null));
        assertThat(root.get("total").asInt()).isEqualTo(1);
        JsonNode m = root.get("messages").get(0);
        assertThat(m.get("messageId").asText()).isEqualTo(id);
        assertThat(m.get("mailFrom").asText()).isEqualTo("a@example.org");
        assertThat(m.get("subject").asText()).isEqualTo("Where is my order?");
        assertThat(m.get("ruleSet").asText()).isEqualTo("main");
        assertThat(m.get("rules").toString()).isEqualTo("[\"store\"]");
        JsonNode stored = m.get("actions").get(0);
        assertThat(stored.get("type").asText()).isEqualTo("S3");
        assertThat(stored.get("outcome").asText()).isEqualTo("OK");
        assertThat(stored.get("object").get("bucket").asText()).isEqualTo("inbox");
        assertThat(stored.get("object").get("key").asText()).isEqualTo("mail/" + id);
        String url = stored.get("object").get("downloadUrl").asText();
        assertThat(url).isEqualTo("/_mailroom/api/buckets/000000000000/us-east-1/inbox/objects/mail/" + id);
        assertThat(text(get(url, null))).contains("Subject: Where is my order?");
        JsonNode failed = m.get("actions").get(1);
        assertThat(failed.get("outcome").asText()).isEqualTo("FAILED");
        assertThat(failed.get("error").asText()).contains("NoSuchBucket");
        assertThat(failed.has("object")).isFalse();
        assertThat(m.get("accepted").toString() + m.get("rejected")).contains("support@example.com");
    }

    private void put(String bucket, String key, String body, String contentType) {
        services.s3().objectSink().put("000000000000", "us-east-1", bucket, key, body.getBytes(StandardCharsets.UTF_8),
                contentType, java.util.Map.of());
    }

    private void call(String operation, RequestContext ctx, String input) {
        call(services.sqs(), ctx, operation, input);
    }

    private static void call(io.mailroom.core.service.AwsService service, String operation, RequestContext ctx, String input) {
        call(service, ctx, operation, input.replace('\'', '"'));
    }

    private static void call(io.mailroom.core.service.AwsService service, RequestContext ctx, String operation, String input) {
        Handler handler = service.operations().find(operation).orElseThrow();
        try {
            ((Handler.Sync) handler).handle(ctx, (ObjectNode) DeveloperJson.MAPPER.readTree(input.replace('\'', '"')));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode json(EncodedResponse response) {
        assertThat(response.status()).isEqualTo(200);
        try {
            return DeveloperJson.MAPPER.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
