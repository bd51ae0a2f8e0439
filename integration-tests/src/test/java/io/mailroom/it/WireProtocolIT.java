package io.mailroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The wire itself: routing, error formats, pipelining and bad input, as raw HTTP. */
class WireProtocolIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpResponse<String> post(String path, String contentType, String body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(TestServer.endpoint().resolve(path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> query(String body) throws IOException, InterruptedException {
        return post("/", "application/x-www-form-urlencoded", body);
    }

    private static HttpResponse<String> json(String operation, String body) throws IOException, InterruptedException {
        return post("/", "application/x-amz-json-1.0", body, "X-Amz-Target", "AmazonSQS." + operation);
    }

    @Test
    void queryProtocolAnswersXmlWithRequestId() throws Exception {
        HttpResponse<String> created = query("Action=CreateQueue&QueueName=wire-q1&Version=2012-11-05");
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.headers().firstValue("Content-Type")).hasValue("text/xml");
        assertThat(created.body()).contains("<CreateQueueResponse xmlns=\"http://queue.amazonaws.com/doc/2012-11-05/\">",
                "<CreateQueueResult><QueueUrl>" + TestServer.endpoint() + "/000000000000/wire-q1</QueueUrl>",
                "<ResponseMetadata><RequestId>");
        assertThat(created.headers().firstValue("x-amzn-RequestId")).isPresent();
    }

    @Test
    void legacyQueueUrlPathCarriesTheQueue() throws Exception {
        query("Action=CreateQueue&QueueName=wire-legacy");
        HttpResponse<String> sent = post("/000000000000/wire-legacy", "application/x-www-form-urlencoded",
                "Action=SendMessage&MessageBody=hello");
        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sent.body()).contains("<MD5OfMessageBody>5d41402abc4b2a76b9719d911017c592</MD5OfMessageBody>");

        // AWS's Query samples: the path with a trailing slash, and a list of one without an index.
        HttpResponse<String> received = post("/000000000000/wire-legacy/", "application/x-www-form-urlencoded",
                "Action=ReceiveMessage&AttributeName=All&MaxNumberOfMessages=5");
        assertThat(received.statusCode()).isEqualTo(200);
        assertThat(received.body()).contains("<Body>hello</Body>", "<Name>SentTimestamp</Name>",
                "<Name>ApproximateReceiveCount</Name><Value>1</Value>");
    }

    @Test
    void unknownQueueIsASenderErrorInBothProtocols() throws Exception {
        HttpResponse<String> xml = query("Action=GetQueueUrl&QueueName=wire-nope");
        assertThat(xml.statusCode()).isEqualTo(400);
        assertThat(xml.body()).contains("<Type>Sender</Type>", "<Code>AWS.SimpleQueueService.NonExistentQueue</Code>",
                "<Message>The specified queue does not exist for this wsdl version.</Message>");

        HttpResponse<String> js = json("GetQueueUrl", "{\"QueueName\":\"wire-nope\"}");
        assertThat(js.statusCode()).isEqualTo(400);
        assertThat(js.body()).contains("\"__type\":\"com.amazonaws.sqs#QueueDoesNotExist\"",
                "\"message\":\"The specified queue does not exist.\"");
        assertThat(js.headers().firstValue("x-amzn-query-error"))
                .hasValue("AWS.SimpleQueueService.NonExistentQueue;Sender");
    }

    @Test
    void unknownActionAndMalformedBodies() throws Exception {
        HttpResponse<String> unknownAction = query("Action=FlyToTheMoon");
        assertThat(unknownAction.statusCode()).isEqualTo(400);
        assertThat(unknownAction.body()).contains("<Code>InvalidAction</Code>");

        HttpResponse<String> unknownTarget = json("FlyToTheMoon", "{}");
        assertThat(unknownTarget.statusCode()).isEqualTo(400);
        assertThat(unknownTarget.body()).contains("UnknownOperationException");

        HttpResponse<String> malformed = json("ListQueues", "{not json");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("SerializationException");

        HttpResponse<String> wrongType = json("ReceiveMessage", "{\"QueueUrl\":\"x\",\"MaxNumberOfMessages\":\"ten\"}");
        assertThat(wrongType.statusCode()).isEqualTo(400);

        HttpResponse<String> missing = json("SendMessage", "{\"MessageBody\":\"x\"}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.headers().firstValue("x-amzn-query-error")).hasValue("MissingParameter;Sender");
        // SQS's JSON shapes for these two Query codes carry other names (boto3 shows them as QueryErrorCode).
        assertThat(missing.body()).contains("\"__type\":\"com.amazonaws.sqs#MissingRequiredParameterException\"");

        String url = TestServer.endpoint() + "/000000000000/wire-range";
        assertThat(json("CreateQueue", "{\"QueueName\":\"wire-range\"}").statusCode()).isEqualTo(200);
        HttpResponse<String> outOfRange = json("ReceiveMessage", "{\"QueueUrl\":\"" + url + "\",\"MaxNumberOfMessages\":11}");
        assertThat(outOfRange.statusCode()).isEqualTo(400);
        assertThat(outOfRange.headers().firstValue("x-amzn-query-error")).hasValue("InvalidParameterValue;Sender");
        assertThat(outOfRange.body()).contains("\"__type\":\"com.amazonaws.sqs#InvalidParameterValueException\"");

        HttpResponse<String> badInt = query("Action=ReceiveMessage&QueueUrl=x&MaxNumberOfMessages=ten");
        assertThat(badInt.statusCode()).isEqualTo(400);
        assertThat(badInt.body()).contains("<Code>InvalidParameterValue</Code>");

        assertThat(query("Action=ListQueues").statusCode()).as("still serving").isEqualTo(200);
    }

    @Test
    void oversizedBodyIsRefusedAndTheServerKeepsServing() throws Exception {
        HttpURLConnection c = (HttpURLConnection) TestServer.endpoint().toURL().openConnection();
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
        byte[] big = new byte[TestServer.get().config().maxBodyBytes() + 1];
        java.util.Arrays.fill(big, (byte) 'a');
        c.setFixedLengthStreamingMode(big.length);
        int status;
        String body = "";
        try (OutputStream out = c.getOutputStream()) {
            out.write(big);
        } catch (IOException closedWhileSending) {
            // the server answers and closes as soon as the limit is passed
        }
        status = c.getResponseCode();
        try (InputStream err = c.getErrorStream()) {
            body = err == null ? "" : new String(err.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(status).isEqualTo(413);
        assertThat(body).contains("<Code>RequestEntityTooLarge</Code>");
        assertThat(query("Action=ListQueues").statusCode()).isEqualTo(200);
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws Exception {
        URI endpoint = TestServer.endpoint();
        String one = "Action=CreateQueue&QueueName=wire-pipe-1";
        String two = "Action=CreateQueue&QueueName=wire-pipe-2";
        String request = req(endpoint, one) + req(endpoint, two);
        try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            socket.setSoTimeout(5000);
            InputStream in = socket.getInputStream();
            StringBuilder seen = new StringBuilder();
            byte[] buf = new byte[8192];
            while (!seen.toString().contains("wire-pipe-2</QueueUrl>")) {
                int n = in.read(buf);
                if (n < 0) {
                    break;
                }
                seen.append(new String(buf, 0, n, StandardCharsets.UTF_8));
            }
            String all = seen.toString();
            assertThat(all.indexOf("wire-pipe-1</QueueUrl>")).isGreaterThan(0)
                    .isLessThan(all.indexOf("wire-pipe-2</QueueUrl>"));
        }
    }

    @Test
    void aRequestHttpCannotParseIsAnsweredAndItsConnectionClosed() throws Exception {
        // Netty ignores everything after a request it could not parse; answering and keeping the connection
        // open left the client's next request on it unanswered for good.
        URI endpoint = TestServer.endpoint();
        String earlier = req(endpoint, "Action=ListQueues");
        String broken = "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: x\r\nContent-Type: application/x-www-form-urlencoded"
                + "\r\n\r\nAction=ListQueues";
        try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write((earlier + broken + req(endpoint, "Action=ListQueues"))
                    .getBytes(StandardCharsets.UTF_8));
            String all = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8); // until closed
            String[] answers = all.split("(?=HTTP/1\\.1 \\d{3} )");
            assertThat(answers).hasSize(2); // the third request is never answered: the connection closed
            assertThat(answers[0]).startsWith("HTTP/1.1 200").contains("<ListQueuesResponse");
            assertThat(answers[1]).startsWith("HTTP/1.1 400").containsIgnoringCase("connection: close")
                    .contains("<Code>BadRequest</Code>");
        }
        assertThat(query("Action=ListQueues").statusCode()).isEqualTo(200);
    }

    @Test
    void aMalformedPercentEscapeIsMalformedQueryStringAndTheConnectionServesOn() throws Exception {
        URI endpoint = TestServer.endpoint();
        String badUri = "POST /?a=%zz HTTP/1.1\r\nHost: h\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: 17\r\n\r\nAction=ListQueues";
        try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write((badUri + req(endpoint, "Action%=ListQueues") + req(endpoint, "Action=ListQueues"))
                    .getBytes(StandardCharsets.UTF_8));
            InputStream in = socket.getInputStream();
            StringBuilder seen = new StringBuilder();
            byte[] buf = new byte[8192];
            while (!seen.toString().contains("</ListQueuesResponse>")) {
                int n = in.read(buf);
                assertThat(n).as("answers so far: %s", seen).isPositive();
                seen.append(new String(buf, 0, n, StandardCharsets.UTF_8));
            }
            String[] answers = seen.toString().split("(?=HTTP/1\\.1 \\d{3} )");
            assertThat(answers).hasSize(3);
            for (int i = 0; i < 2; i++) {
                assertThat(answers[i]).startsWith("HTTP/1.1 404").contains("<Code>MalformedQueryString</Code>");
            }
            assertThat(answers[2]).startsWith("HTTP/1.1 200");
        }
    }

    private static String req(URI endpoint, String body) {
        return "POST / HTTP/1.1\r\nHost: " + endpoint.getHost() + ":" + endpoint.getPort()
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length()
                + "\r\n\r\n" + body;
    }

    @Test
    void healthAndReset() throws Exception {
        HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(TestServer.endpoint().resolve("/_mailroom/health"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"sqs\": \"running\"");
    }

    /** LocalStack's readiness endpoints, spaced as LocalStack's Python writes them: CI scripts grep for that. */
    @Test
    void localStackReadinessChecksPass() throws Exception {
        assertThat(get("/_localstack/health").body()).startsWith("{\"services\": {")
                .contains("\"sqs\": \"running\"", "\"sns\": \"running\"", "\"ses\": \"running\"", "\"s3\": \"running\"");
        assertThat(get("/_localstack/init/ready").body()).isEqualTo("{\"completed\": true, \"scripts\": []}");
        assertThat(get("/_localstack/init").body()).isEqualTo(
                "{\"completed\": {\"BOOT\": true, \"START\": true, \"READY\": true, \"SHUTDOWN\": false}, \"scripts\": []}");
    }

    /** Browsers' preflights: the query and JSON services pass any origin; S3 refuses for a bucket without CORS rules. */
    @Test
    void corsPreflights() {
        String host = "127.0.0.1:" + TestServer.get().port();
        S3Clients.RawResponse sqs = S3Clients.raw("OPTIONS", host, "/", java.util.Map.of("Origin", "http://localhost:3000",
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type,x-amz-target"),
                new byte[0]);
        assertThat(sqs.status()).isEqualTo(200);
        assertThat(sqs.headers()).containsEntry("Access-Control-Allow-Origin", "*")
                .containsEntry("Access-Control-Allow-Headers", "content-type,x-amz-target")
                .containsKey("Access-Control-Allow-Methods");

        // The service's own host name, as LocalStack's endpoints have it, is no bucket's.
        S3Clients.RawResponse byServiceHost = S3Clients.raw("OPTIONS", "sqs.us-east-1.localhost.localstack.cloud:"
                + TestServer.get().port(), "/", java.util.Map.of("Origin", "http://localhost:3000",
                "Access-Control-Request-Method", "POST"), new byte[0]);
        assertThat(byServiceHost.status()).isEqualTo(200);
        assertThat(byServiceHost.headers()).containsEntry("Access-Control-Allow-Origin", "*");

        String bucket = S3Clients.createBucket("no-cors");
        S3Clients.RawResponse s3 = S3Clients.raw("OPTIONS", host, "/" + bucket + "/some/key", java.util.Map.of(
                "Origin", "http://localhost:3000", "Access-Control-Request-Method", "PUT"), new byte[0]);
        assertThat(s3.status()).isEqualTo(403);
        assertThat(s3.headers()).doesNotContainKey("Access-Control-Allow-Origin");
        assertThat(s3.text()).contains("<Code>AccessForbidden</Code><Message>CORSResponse: CORS is not enabled for this"
                + " bucket.</Message><Method>PUT</Method><ResourceType>BUCKET</ResourceType>");
    }

    private static HttpResponse<String> get(String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(TestServer.endpoint().resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).as(path).hasValue("application/json");
        return r;
    }
}
