package io.mailroom.http.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.request.RequestContext;
import io.mailroom.core.service.Handler;
import io.mailroom.core.time.ServerClock;
import io.mailroom.protocol.EncodedResponse;
import io.mailroom.protocol.json.JsonCodec;
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
    private final DashboardEndpoint endpoint = new DashboardEndpoint(services.sqs(), services.sns(), services.ses());

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
        assertThat(seen).contains("app.js", "api.js", "dom.js", "queues.js", "topics.js", "mail.js", "style.css");
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

    private void call(String operation, RequestContext ctx, String input) {
        Handler handler = services.sqs().operations().find(operation).orElseThrow();
        try {
            ((Handler.Sync) handler).handle(ctx, (ObjectNode) JsonCodec.MAPPER.readTree(input));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode json(EncodedResponse response) {
        assertThat(response.status()).isEqualTo(200);
        try {
            return JsonCodec.MAPPER.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
