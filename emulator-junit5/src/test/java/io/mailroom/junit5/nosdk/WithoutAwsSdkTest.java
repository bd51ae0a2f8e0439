package io.mailroom.junit5.nosdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailroom.core.time.ServerClock;
import io.mailroom.junit5.Await;
import io.mailroom.junit5.MailroomExtension;
import io.mailroom.server.Mailroom;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The extension for users without the AWS SDK: surefire runs this class in an execution of its own with
 * every {@code software.amazon.awssdk} artifact taken off the classpath (see the module's pom), so the
 * SDK being optional is tested rather than assumed. The default execution skips it.
 */
@ExtendWith(MailroomExtension.class)
class WithoutAwsSdkTest {

    @Test
    void theSdkIsNotOnTheClasspath() {
        assertThatThrownBy(() -> Class.forName("software.amazon.awssdk.core.SdkClient"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void injectsAndAwaitsWithoutTheSdk(Mailroom mailroom, URI endpoint, ServerClock clock, Await await)
            throws IOException, InterruptedException {
        assertThat(endpoint).isEqualTo(mailroom.endpoint());
        assertThat(clock).isSameAs(mailroom.clock());
        query(endpoint, "Action=CreateQueue&QueueName=plain");
        query(endpoint, "Action=SendMessage&MessageBody=hello&QueueUrl="
                + URLEncoder.encode(endpoint + "/000000000000/plain", StandardCharsets.UTF_8));

        assertThat(await.message("plain").body()).isEqualTo("hello");
    }

    /** An SQS call in the Query protocol, which needs nothing but an HTTP client. */
    private static void query(URI endpoint, String form) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(endpoint)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form + "&Version=2012-11-05"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
}
