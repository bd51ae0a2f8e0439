package io.mailroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailroom.core.time.ServerClock;
import io.mailroom.junit5.MailroomExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** {@code /_mailroom/clock} drives the same clock the queues run on. */
@ExtendWith(MailroomExtension.class)
class ClockEndpointIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final URI endpoint;

    ClockEndpointIT(URI endpoint) {
        this.endpoint = endpoint;
    }

    private HttpResponse<String> clock(String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(endpoint.resolve("/_mailroom/clock"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void advancingOverHttpEndsAFifteenMinuteDelayAndATwelveHourVisibilityTimeout(SqsClient sqs) throws Exception {
        String url = sqs.createQueue(b -> b.queueName("clock-endpoint-q")
                .attributes(java.util.Map.of(QueueAttributeName.DELAY_SECONDS, "900",
                        QueueAttributeName.VISIBILITY_TIMEOUT, "43200"))).queueUrl();
        assertThat(clock("{\"mode\":\"frozen\"}").body()).contains("\"mode\":\"frozen\"");
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("later"));
        assertThat(sqs.receiveMessage(b -> b.queueUrl(url)).messages()).isEmpty();

        assertThat(clock("{\"advance\":\"PT15M\"}").statusCode()).isEqualTo(200);
        java.util.List<Message> first = sqs.receiveMessage(b -> b.queueUrl(url)).messages();
        assertThat(first).extracting(Message::body).containsExactly("later");
        assertThat(sqs.receiveMessage(b -> b.queueUrl(url)).messages()).as("in flight for 12 h").isEmpty();

        clock("{\"advance\":\"PT12H\"}");
        assertThat(sqs.receiveMessage(b -> b.queueUrl(url)).messages()).extracting(Message::body)
                .containsExactly("later");
    }

    @Test
    void setJumpsAndBadInputIsRefused(ServerClock serverClock, SqsClient sqs) throws Exception {
        HttpResponse<String> set = clock("{\"mode\":\"frozen\",\"set\":\"2030-01-01T00:00:00Z\"}");
        assertThat(set.body()).contains("\"now\":\"2030-01-01T00:00:00Z\"");
        assertThat(serverClock.now()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));

        // Every answer's Date header (RFC 9110's IMF-fixdate, as AWS sends it) follows the server's clock.
        assertThat(set.headers().firstValue("Date")).hasValue("Tue, 01 Jan 2030 00:00:00 GMT");
        clock("{\"advance\":\"P3DT1.5S\"}");
        assertThat(sqs.listQueues().sdkHttpResponse().firstMatchingHeader("Date"))
                .hasValue("Fri, 04 Jan 2030 00:00:01 GMT");

        HttpResponse<String> bad = clock("{\"advance\":\"thirty seconds\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("InvalidParameterValue");
        assertThat(clock("{\"mode\":\"sideways\"}").statusCode()).isEqualTo(400);
    }
}
