package io.mailroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Event;
import software.amazon.awssdk.services.s3.model.FilterRuleName;
import software.amazon.awssdk.services.ses.model.ReceiptAction;
import software.amazon.awssdk.services.ses.model.ReceiptRule;
import software.amazon.awssdk.services.ses.model.S3Action;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.AttachmentContentDisposition;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The web dashboard at {@code /_mailroom/}, end to end in {@link HeadlessChromium}. State is made with the AWS
 * SDK in an account of its own, which the page's account/region filter selects; the page must follow every change
 * without a reload. Skipped where Chromium is not installed ({@code .ci/run} installs it).
 */
class DashboardIT {
    private static final String ACCOUNT = "390000000001";
    private static final String SCOPE = ACCOUNT + " / us-east-1";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private static SqsClient sqs;
    private static SnsClient sns;
    private static SesV2Client ses;
    private static HeadlessChromium chromium;
    private static WebDriver driver;

    @BeforeAll
    static void startBrowser() throws IOException {
        chromium = HeadlessChromium.start();
        driver = chromium.driver();
        StaticCredentialsProvider credentials = TestServer.credentialsFor(ACCOUNT);
        sqs = TestServer.sqs(credentials, Region.US_EAST_1);
        sns = SnsClient.builder().endpointOverride(TestServer.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClient(Apache5HttpClient.create()).build();
        ses = SesV2Client.builder().endpointOverride(TestServer.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClient(Apache5HttpClient.create()).build();
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void queueRowShowsTheDepthAndPeekShowsTheBodyWithoutReceivingIt() {
        String name = name("dash-peek");
        String url = sqs.createQueue(b -> b.queueName(name)).queueUrl();
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("hello from the SDK"));
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("{\"orderId\":42}"));

        openDashboard("#/queues");
        await("depth 2 for " + name, d -> "2".equals(cell(name, "visible")));
        assertThat(cell(name, "inflight")).isEqualTo("0");
        assertThat(cell(name, "delayed")).isEqualTo("0");

        driver.findElement(By.cssSelector("tr[data-queue='" + name + "'] td.name a")).click();
        await("two peeked messages", d -> d.findElements(By.cssSelector("tr.message")).size() == 2);
        WebElement first = driver.findElements(By.cssSelector("tr.message")).get(0);
        assertThat(first.getText()).contains("hello from the SDK");
        first.click();
        WebElement body = await("message body", d -> d.findElement(By.cssSelector("pre.message-body")));
        assertThat(body.getText()).isEqualTo("hello from the SDK");

        // The peek (polled every second while the queue is open) received nothing.
        pause(Duration.ofMillis(1500));
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        assertThat(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).isEqualTo("2");
        assertThat(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).isEqualTo("0");
        assertThat(sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)
                .messageSystemAttributeNamesWithStrings("ApproximateReceiveCount")).messages())
                .allSatisfy(m -> assertThat(m.attributesAsStrings().get("ApproximateReceiveCount")).isEqualTo("1"));
    }

    @Test
    void sendingFromThePageAndFromTheSdkRaiseTheDepthWithoutReload() {
        String name = name("dash-send");
        String url = sqs.createQueue(b -> b.queueName(name)).queueUrl();
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("already there"));

        openDashboard("#/queues/" + ACCOUNT + "/us-east-1/" + name);
        await("depth 1", d -> "1".equals(cell(name, "visible")));
        js("window.__notReloaded = true");

        driver.findElement(By.id("send-body")).sendKeys("sent from the dashboard");
        driver.findElement(By.id("send-button")).click();
        await("depth 2 after sending from the page", d -> "2".equals(cell(name, "visible")));
        await("the new message in the peek", d -> d.findElements(By.cssSelector("tr.message")).stream()
                .anyMatch(r -> r.getText().contains("sent from the dashboard")));

        sqs.sendMessage(b -> b.queueUrl(url).messageBody("sent by the SDK").delaySeconds(600));
        await("delayed 1 after an SDK send", d -> "1".equals(cell(name, "delayed")));
        assertThat(js("return window.__notReloaded")).isEqualTo(true);

        assertThat(sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)).messages())
                .extracting(m -> m.body()).containsExactlyInAnyOrder("already there", "sent from the dashboard");
    }

    @Test
    void purgeFromThePageEmptiesTheQueue() {
        String name = name("dash-purge");
        String url = sqs.createQueue(b -> b.queueName(name)).queueUrl();
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("one"));
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("two"));

        openDashboard("#/queues/" + ACCOUNT + "/us-east-1/" + name);
        await("depth 2", d -> "2".equals(cell(name, "visible")));
        driver.findElement(By.id("purge-button")).click();
        driver.switchTo().alert().accept();
        await("depth 0 after purge", d -> "0".equals(cell(name, "visible")));
        await("empty peek", d -> d.findElements(By.cssSelector("tr.message")).isEmpty());
        assertThat(sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
                .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).isEqualTo("0");
    }

    @Test
    void topicShowsItsSubscriptionFilterPolicyAndDeliveries() {
        String name = name("dash-topic");
        String topic = sns.createTopic(b -> b.name(name)).topicArn();
        String queueUrl = sqs.createQueue(b -> b.queueName(name("dash-subscriber"))).queueUrl();
        String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(queueArn)
                .attributes(Map.of("FilterPolicy", "{\"kind\":[\"order\"]}")));
        String delivered = sns.publish(b -> b.topicArn(topic).message("an order")
                .messageAttributes(Map.of("kind", MessageAttributeValue.builder().dataType("String")
                        .stringValue("order").build()))).messageId();
        sns.publish(b -> b.topicArn(topic).message("filtered out"));

        openDashboard("#/topics");
        String section = "section[data-topic='" + name + "'] ";
        WebElement policy = await("filter policy of " + name, d -> d.findElement(By.cssSelector(section + "pre.filter-policy")));
        assertThat(policy.getText()).contains("\"kind\"").contains("\"order\"");
        assertThat(driver.findElement(By.cssSelector(section + "tr.subscription")).getText())
                .contains(queueArn).contains("confirmed");
        // Enveloped deliveries are signed first, on their own thread: the row can show them pending (RETRYING)
        // until the page's next refresh.
        WebElement delivery = await("a delivered row", d -> {
            WebElement row = d.findElement(By.cssSelector(section + "table.deliveries tbody tr"));
            return row.getText().contains("delivered") ? row : null;
        });
        assertThat(delivery.getText()).contains(delivered).contains("delivered");
        assertThat(driver.findElements(By.cssSelector(section + "table.deliveries tbody tr"))).as("filtered out").hasSize(1);
    }

    @Test
    void mailShowsSubjectSandboxedHtmlAndADownloadableAttachment() throws Exception {
        ses.createEmailIdentity(b -> b.emailIdentity("dashboard.example.com"));
        String subject = "Dashboard receipt " + SEQUENCE.incrementAndGet();
        byte[] csv = "item,price\nbook,12\n".getBytes(StandardCharsets.UTF_8);
        String id = ses.sendEmail(b -> b.fromEmailAddress("shop@dashboard.example.com")
                .destination(d -> d.toAddresses("success@simulator.amazonses.com"))
                .content(c -> c.simple(m -> m.subject(s -> s.data(subject))
                        .body(x -> x.text(t -> t.data("Thanks for your order."))
                                .html(h -> h.data("<h1 id=\"greeting\" style=\"color:#2f5bea\">Thanks!</h1>"
                                        + "<p>Your order ships today.</p>"
                                        + "<script>document.body.setAttribute('data-ran', 'yes')</script>")))
                        .attachments(a -> a.fileName("invoice.csv").contentType("text/csv")
                                .contentDisposition(AttachmentContentDisposition.ATTACHMENT)
                                .rawContent(SdkBytes.fromByteArray(csv))))))
                .messageId();

        openDashboard("#/mail");
        await("mail row", d -> d.findElement(By.cssSelector("tr[data-mail-id='" + id + "']"))).click();
        WebElement heading = await("subject", d -> d.findElement(By.cssSelector("h2.mail-subject")));
        assertThat(heading.getText()).isEqualTo(subject);

        WebElement frame = driver.findElement(By.cssSelector("iframe.mail-html"));
        assertThat(frame.getAttribute("sandbox")).isEmpty();
        driver.switchTo().frame(frame);
        try {
            assertThat(await("rendered HTML", d -> d.findElement(By.id("greeting"))).getText()).isEqualTo("Thanks!");
            assertThat(driver.findElement(By.tagName("body")).getAttribute("data-ran")).as("script ran").isNull();
        } finally {
            driver.switchTo().defaultContent();
        }

        WebElement link = driver.findElement(By.cssSelector("ul.attachments a"));
        assertThat(link.getText()).isEqualTo("invoice.csv");
        HttpResponse<byte[]> download = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(link.getAttribute("href"))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(csv);
        assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                v -> assertThat(v).startsWith("attachment").contains("invoice.csv"));
        screenshot("dashboard-mail.png");
    }

    @Test
    void screenshotShowsTheRenderedPage() throws IOException {
        String name = name("dash-orders");
        String url = sqs.createQueue(b -> b.queueName(name)).queueUrl();
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("{\"orderId\":42,\"items\":[\"book\",\"pen\"],\"total\":19.99}"));
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("plain text message"));
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("in a while").delaySeconds(300));

        openDashboard("#/queues/" + ACCOUNT + "/us-east-1/" + name);
        await("three peeked messages", d -> d.findElements(By.cssSelector("tr.message")).size() == 3);
        driver.findElements(By.cssSelector("tr.message")).get(0).click();
        await("message body", d -> d.findElement(By.cssSelector("pre.message-body")));

        BufferedImage image = screenshot("dashboard.png");
        assertThat(image.getWidth()).isGreaterThanOrEqualTo(800);
        assertThat(image.getHeight()).isGreaterThanOrEqualTo(600);
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertThat(colours).as("distinct colours: a blank page has one").hasSizeGreaterThan(20);
    }

    @Test
    void inboundMailAndBucketsShowWhatTheReceiptRulesAndS3Hold() throws Exception {
        S3Client s3 = S3Clients.s3(TestServer.credentialsFor(ACCOUNT), Region.US_EAST_1);
        String bucket = S3Clients.bucketName("dash-inbox");
        s3.createBucket(b -> b.bucket(bucket));
        String queue = name("dash-bucket-events");
        String queueUrl = sqs.createQueue(b -> b.queueName(queue)).queueUrl();
        s3.putBucketNotificationConfiguration(b -> b.bucket(bucket).notificationConfiguration(c -> c
                .queueConfigurations(q -> q.id("new-mail").queueArn("arn:aws:sqs:us-east-1:" + ACCOUNT + ":" + queue)
                        .events(Event.S3_OBJECT_CREATED)
                        .filter(f -> f.key(k -> k.filterRules(r -> r.name(FilterRuleName.PREFIX).value("incoming/")))))));
        byte[] csv = "month,orders\n2026-01,42\n".getBytes(StandardCharsets.UTF_8);
        s3.putObject(b -> b.bucket(bucket).key("reports/2026/summary.csv").contentType("text/csv"), RequestBody.fromBytes(csv));

        SesClients.Account account = SesClients.account(ACCOUNT);
        String domain = "dash-" + ProcessHandle.current().pid() + ".test";
        String recipient = "support@" + domain;
        String refused = "archive@" + domain;
        String ruleSet = name("dash-rules");
        account.ses().verifyDomainIdentity(b -> b.domain(domain));
        account.ses().createReceiptRuleSet(b -> b.ruleSetName(ruleSet));
        account.ses().createReceiptRule(b -> b.ruleSetName(ruleSet).rule(ReceiptRule.builder().name("store")
                .enabled(true).recipients(recipient).actions(ReceiptAction.builder().s3Action(S3Action.builder()
                        .bucketName(bucket).objectKeyPrefix("incoming/").build()).build()).build()));
        // A rule whose action fails refuses its recipient.
        account.ses().createReceiptRule(b -> b.ruleSetName(ruleSet).after("store").rule(ReceiptRule.builder()
                .name("archive").enabled(true).recipients(refused).actions(ReceiptAction.builder().s3Action(
                        S3Action.builder().bucketName(bucket + "-missing").build()).build()).build()));
        account.ses().setActiveReceiptRuleSet(b -> b.ruleSetName(ruleSet));
        try {
            String raw = "From: Customer <customer@example.org>\r\nTo: " + recipient + "\r\nSubject: Parcel missing\r\n"
                    + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nWhere is it?\r\n";
            String body = SesClients.JSON.createObjectNode().put("from", "customer@example.org").put("raw", raw)
                    .set("to", SesClients.JSON.createArrayNode().add(recipient).add(refused)).toString();
            HttpResponse<String> received = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(TestServer.endpoint() + "/_mailroom/ses/inbound"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(received.statusCode()).isEqualTo(200);
            String messageId = SesClients.readJson(received.body()).path("messageId").asText();

            // Inbound: recipients, rule set and rule, the S3 action's outcome and the object it stored.
            openDashboard("#/inbound");
            WebElement row = await("the inbound row", d -> d.findElement(By.cssSelector("tr.inbound[data-message-id='" + messageId + "']")));
            assertThat(row.getText()).contains("customer@example.org", "Parcel missing", recipient, refused,
                    ruleSet, "store, archive", "S3 ok", "S3 failed", "NoSuchBucket");
            assertThat(row.findElement(By.cssSelector(".recipients")).getText())
                    .contains("accepted " + recipient).contains("rejected " + refused);
            WebElement stored = row.findElement(By.cssSelector("a.stored-object"));
            assertThat(stored.getText()).isEqualTo("s3://" + bucket + "/incoming/" + messageId);
            HttpResponse<String> eml = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(stored.getAttribute("href"))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(eml.statusCode()).isEqualTo(200);
            assertThat(eml.body()).contains("Subject: Parcel missing").contains("with SMTP id " + messageId);
            assertThat(eml.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).startsWith("attachment"));

            // Buckets: the row with counts, then the bucket itself through the inbound row's link.
            row.findElement(By.linkText("bucket")).click();
            await("bucket row with 2 objects", d -> "2".equals(
                    d.findElement(By.cssSelector("tr[data-bucket='" + bucket + "'] td.objects")).getText()));
            await("two object rows", d -> d.findElements(By.cssSelector("tr.object")).size() == 2);
            assertThat(driver.findElements(By.cssSelector("tr.object"))).extracting(e -> e.getAttribute("data-key"))
                    .containsExactly("incoming/" + messageId, "reports/2026/summary.csv");
            WebElement report = driver.findElement(By.cssSelector("tr.object[data-key='reports/2026/summary.csv']"));
            assertThat(report.getText()).contains("text/csv", S3Clients.etag(csv), csv.length + " B");
            assertThat(driver.findElement(By.cssSelector("tr.notification")).getText())
                    .contains("new-mail", queue, "s3:ObjectCreated:*", "prefix incoming/");

            String before = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes().toString();
            HttpResponse<byte[]> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                            report.findElement(By.cssSelector("td.key a")).getAttribute("href"))).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.body()).isEqualTo(csv);
            assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                    v -> assertThat(v).startsWith("attachment").contains("summary.csv"));

            // The prefix filter, and a new object appearing without a reload.
            driver.findElement(By.id("prefix-filter")).sendKeys("reports/");
            await("only the report", d -> d.findElements(By.cssSelector("tr.object")).size() == 1);
            s3.putObject(b -> b.bucket(bucket).key("reports/2026/february.csv").contentType("text/csv"),
                    RequestBody.fromString("month,orders\n2026-02,7\n"));
            await("the new report", d -> d.findElements(By.cssSelector("tr.object")).size() == 2);
            await("bucket row with 3 objects", d -> "3".equals(
                    d.findElement(By.cssSelector("tr[data-bucket='" + bucket + "'] td.objects")).getText()));
            screenshot("dashboard-buckets.png");
            // Nothing the page read sent an event: only "reports/" was added since, which the filter leaves out.
            assertThat(sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes().toString()).isEqualTo(before);
        } finally {
            account.ses().setActiveReceiptRuleSet(b -> { });
        }
    }

    // ---- helpers ----

    /** Opens the page fresh and narrows it to this test's account, as a person would with the filter. */
    private static void openDashboard(String fragment) {
        // Via a blank page: going from one fragment of the dashboard to another would not load it anew.
        driver.get("about:blank");
        driver.get(TestServer.endpoint() + "/_mailroom/" + fragment);
        await("the scope option", d -> !d.findElements(By.cssSelector("#scope option[value='" + SCOPE + "']")).isEmpty());
        new Select(driver.findElement(By.id("scope"))).selectByValue(SCOPE);
    }

    /** The text of a queue row's cell (visible, inflight, delayed); null while the row is not there. */
    private static String cell(String queue, String column) {
        List<WebElement> cells = driver.findElements(By.cssSelector("tr[data-queue='" + queue + "'] td." + column));
        return cells.isEmpty() ? null : cells.get(0).getText();
    }

    private static <T> T await(String what, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(10)).withMessage(what)
                .ignoring(StaleElementReferenceException.class).until(condition::apply);
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    /** Saves the page as {@code target/<file>} and answers it decoded: it must be a real PNG. */
    private static BufferedImage screenshot(String file) throws IOException {
        byte[] png = ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES);
        Path out = Paths.get("target", file);
        Files.createDirectories(out.getParent());
        Files.write(out, png);
        assertThat(png.length).as("PNG size").isGreaterThan(10_000);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image).as("decodable PNG").isNotNull();
        return image;
    }

    private static String name(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet() + "-" + ProcessHandle.current().pid();
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
