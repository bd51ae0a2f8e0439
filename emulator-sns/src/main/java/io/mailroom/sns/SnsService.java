package io.mailroom.sns;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.delivery.HttpPoster;
import io.mailroom.core.delivery.MailSink;
import io.mailroom.core.delivery.MessageAttribute;
import io.mailroom.core.delivery.TopicPublisher;
import io.mailroom.core.delivery.QueueSink;
import io.mailroom.core.request.RequestContext;
import io.mailroom.core.service.AwsService;
import io.mailroom.core.service.OperationTable;
import io.mailroom.core.service.ServiceDescriptor;
import io.mailroom.core.service.ValidationErrors;
import io.mailroom.core.time.Clock;
import io.mailroom.core.time.Scheduler;
import io.mailroom.sns.api.PlatformOperations;
import io.mailroom.sns.api.PublishOperations;
import io.mailroom.sns.api.SmsOperations;
import io.mailroom.sns.api.SubscriptionOperations;
import io.mailroom.sns.api.TagOperations;
import io.mailroom.sns.api.TopicOperations;
import io.mailroom.sns.arn.Arn;
import io.mailroom.sns.delivery.DeliveryRecord;
import io.mailroom.sns.delivery.SnsUrls;
import io.mailroom.sns.email.EmailSink;
import io.mailroom.sns.email.MailSinkEmail;
import io.mailroom.sns.email.RecordingEmailSink;
import io.mailroom.sns.email.SwitchableEmailSink;
import io.mailroom.sns.publish.Publisher;
import io.mailroom.sns.signing.SigningKeys;
import io.mailroom.sns.subscription.Subscription;
import io.mailroom.sns.topic.Topic;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Amazon SNS: topics, subscriptions, filter policies, fan-out to SQS/HTTP/email/SMS/push/Lambda/Firehose,
 * signed messages. Besides the AWS operations it offers the inspection endpoints of LocalStack's
 * {@code /_aws/sns/...} developer API as methods the front end routes to.
 */
public final class SnsService implements AwsService, TopicPublisher {
    private final SnsState state;
    private final RecordingEmailSink recordedEmail;
    private final SwitchableEmailSink emailSink;
    private final Publisher publisher;
    private final SubscriptionOperations subscriptionOperations;
    private final OperationTable operations;
    private final ServiceDescriptor descriptor;
    private volatile Supplier<String> otherServicesEndpoint = () -> null;

    /** What the front end needs to route to SNS, known before any instance exists. */
    // SNS answers an absent required member with ValidationError and other model constraint violations with
    // InvalidParameter.
    public static final ServiceDescriptor DESCRIPTOR = new ServiceDescriptor("sns", Optional.empty(),
            Optional.of(SnsModel.MODEL), null, SnsErrors.ALL).withValidation(new ValidationErrors(
                    SnsErrors.VALIDATION_ERROR, SnsErrors.INVALID_PARAMETER, ValidationErrors.MissingWording.MUST_NOT_BE_NULL));

    /**
     * The server's wiring: emails are recorded (inspect them with {@link #emailMessages}) until SES is
     * connected, and signed deliveries run on {@link SigningThread}.
     */
    public SnsService(Clock clock, Scheduler scheduler, QueueSink queues, HttpPoster http) {
        this(clock, scheduler, SigningThread.shared(), queues, http, null, SigningKeys.onFirstUse(clock.millis()));
    }

    /**
     * Signed deliveries run as scheduler tasks due now: on a frozen manual clock, that is at once, which
     * keeps unit tests deterministic.
     *
     * @param email where email/email-json deliveries go (e.g. SES later); null records them
     * @param keys  the signing key and certificate
     */
    public SnsService(Clock clock, Scheduler scheduler, QueueSink queues, HttpPoster http, EmailSink email,
                      SigningKeys keys) {
        this(clock, scheduler, task -> scheduler.scheduleAt(clock.millis(), task), queues, http, email, keys);
    }

    private SnsService(Clock clock, Scheduler scheduler, Executor signing, QueueSink queues, HttpPoster http,
                       EmailSink email, SigningKeys keys) {
        this.recordedEmail = new RecordingEmailSink();
        this.emailSink = new SwitchableEmailSink(email == null ? recordedEmail : email);
        this.state = new SnsState(clock, scheduler, signing, queues, http, emailSink, keys);
        this.publisher = new Publisher(state);
        this.subscriptionOperations = new SubscriptionOperations(state);
        TopicOperations topics = new TopicOperations(state);
        PublishOperations publishing = new PublishOperations(state, publisher);
        TagOperations tags = new TagOperations(state);
        SmsOperations sms = new SmsOperations(state);
        PlatformOperations platforms = new PlatformOperations(state);
        this.operations = OperationTable.builder()
                .sync("AddPermission", topics::addPermission)
                .sync("CheckIfPhoneNumberIsOptedOut", sms::checkOptedOut)
                .sync("ConfirmSubscription", subscriptionOperations::confirmSubscription)
                .sync("CreatePlatformApplication", platforms::createApplication)
                .sync("CreatePlatformEndpoint", platforms::createEndpoint)
                .sync("CreateSMSSandboxPhoneNumber", sms::createSandboxNumber)
                .sync("CreateTopic", topics::createTopic)
                .sync("DeleteEndpoint", platforms::deleteEndpoint)
                .sync("DeletePlatformApplication", platforms::deleteApplication)
                .sync("DeleteSMSSandboxPhoneNumber", sms::deleteSandboxNumber)
                .sync("DeleteTopic", topics::deleteTopic)
                .sync("GetDataProtectionPolicy", topics::getDataProtectionPolicy)
                .sync("GetEndpointAttributes", platforms::getEndpointAttributes)
                .sync("GetPlatformApplicationAttributes", platforms::getApplicationAttributes)
                .sync("GetSMSAttributes", sms::getAttributes)
                .sync("GetSMSSandboxAccountStatus", sms::sandboxAccountStatus)
                .sync("GetSubscriptionAttributes", subscriptionOperations::getSubscriptionAttributes)
                .sync("GetTopicAttributes", topics::getTopicAttributes)
                .sync("ListEndpointsByPlatformApplication", platforms::listEndpoints)
                .sync("ListOriginationNumbers", sms::listOriginationNumbers)
                .sync("ListPhoneNumbersOptedOut", sms::listOptedOut)
                .sync("ListPlatformApplications", platforms::listApplications)
                .sync("ListSMSSandboxPhoneNumbers", sms::listSandboxNumbers)
                .sync("ListSubscriptions", subscriptionOperations::listSubscriptions)
                .sync("ListSubscriptionsByTopic", subscriptionOperations::listSubscriptionsByTopic)
                .sync("ListTagsForResource", tags::list)
                .sync("ListTopics", topics::listTopics)
                .sync("OptInPhoneNumber", sms::optIn)
                .sync("Publish", publishing::publish)
                .sync("PublishBatch", publishing::publishBatch)
                .sync("PutDataProtectionPolicy", topics::putDataProtectionPolicy)
                .sync("RemovePermission", topics::removePermission)
                .sync("SetEndpointAttributes", platforms::setEndpointAttributes)
                .sync("SetPlatformApplicationAttributes", platforms::setApplicationAttributes)
                .sync("SetSMSAttributes", sms::setAttributes)
                .sync("SetSubscriptionAttributes", subscriptionOperations::setSubscriptionAttributes)
                .sync("SetTopicAttributes", topics::setTopicAttributes)
                .sync("Subscribe", subscriptionOperations::subscribe)
                .sync("TagResource", tags::tag)
                .sync("Unsubscribe", subscriptionOperations::unsubscribe)
                .sync("UntagResource", tags::untag)
                .sync("VerifySMSSandboxPhoneNumber", sms::verifySandboxNumber)
                .build();
        this.descriptor = DESCRIPTOR;
    }

    @Override
    public ServiceDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public OperationTable operations() {
        return operations;
    }

    @Override
    public void reset() {
        state.clear();
        recordedEmail.clear();
    }

    // ---- ports for other services ----

    /** Publishes for another service (SES notifications, S3 events) to a topic of any account or region. */
    @Override
    public String publish(String topicArn, String subject, String message, Map<String, MessageAttribute> attributes) {
        Topic topic = state.topics.find(topicArn).orElseThrow(SnsErrors::topicNotFound);
        RequestContext ctx = new RequestContext(topic.account(), topic.region(), UUID.randomUUID().toString(),
                otherServicesEndpoint.get());
        return publisher.toTopic(ctx, topic, subject, message, attributes).messageId();
    }

    @Override
    public boolean exists(String topicArn) {
        return state.topics.find(topicArn).isPresent();
    }

    /**
     * Where the links in messages published by other services (SES events, S3 notifications) point: there is
     * no request whose Host header they could take, and the server may listen on another port than 4566.
     */
    public void linkOtherServicesPublishesTo(Supplier<String> endpoint) {
        this.otherServicesEndpoint = endpoint;
    }

    /** Sends email/email-json deliveries to SES from now on, instead of recording them. */
    public void connectMailSink(MailSink sink) {
        emailSink.switchTo(new MailSinkEmail(sink));
    }

    // ---- routes outside the AWS API ----

    /** The path of the signing certificate ({@code GET}); SigningCertURL is the endpoint plus this. */
    public static String certificatePath() {
        return SnsUrls.CERTIFICATE_PATH;
    }

    /** The signing certificate in PEM form ({@code Content-Type: application/x-pem-file}). */
    public byte[] signingCertificatePem() {
        return state.keys.pem();
    }

    public X509Certificate signingCertificate() {
        return state.keys.certificate();
    }

    /** {@code GET /?Action=ConfirmSubscription&TopicArn=..&Token=..}: an unsigned confirmation (the SubscribeURL). */
    public ObjectNode confirmSubscriptionFromUrl(RequestContext ctx, String topicArn, String token) {
        // On AWS the link leads to the topic's own regional endpoint; here every link leads to this one
        // server, and an unsigned GET names no account or region but the topic's.
        RequestContext topicScope = topicArn == null ? ctx : Arn.parse(topicArn)
                .map(a -> new RequestContext(a.account(), a.region(), ctx.requestId(), ctx.endpoint())).orElse(ctx);
        return subscriptionOperations.confirm(topicScope, topicArn, token, false, false);
    }

    /** {@code GET /?Action=Unsubscribe&SubscriptionArn=..}: an unsigned unsubscribe (the UnsubscribeURL). */
    public ObjectNode unsubscribeFromUrl(RequestContext ctx, String subscriptionArn) {
        return subscriptionOperations.unsubscribe(ctx, subscriptionArn, false);
    }

    /**
     * {@code GET /_aws/sns/subscription-tokens/{subscriptionArn}}:
     * {@code {"subscription_token": "...", "subscription_arn": "..."}}, or empty when there is no such
     * subscription or it never had a token (answer 404 then).
     */
    public Optional<ObjectNode> subscriptionToken(String subscriptionArn) {
        return state.subscriptions.find(subscriptionArn).filter(s -> s.token() != null).map(s -> {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            out.put("subscription_token", s.token());
            out.put("subscription_arn", s.arn());
            return out;
        });
    }

    /** {@code GET /_aws/sns/sms-messages?accountId=&region=&phoneNumber=}. */
    public ObjectNode smsMessages(String accountId, String region, String phoneNumber) {
        return state.smsLog.query(accountId, region, phoneNumber);
    }

    /** {@code DELETE /_aws/sns/sms-messages?accountId=&region=&phoneNumber=}. */
    public void clearSmsMessages(String accountId, String region, String phoneNumber) {
        state.smsLog.clear(accountId, region, phoneNumber);
    }

    /** {@code GET /_aws/sns/platform-endpoint-messages?accountId=&region=&endpointArn=}. */
    public ObjectNode platformEndpointMessages(String accountId, String region, String endpointArn) {
        return state.pushLog.query(accountId, region, endpointArn);
    }

    /** {@code DELETE /_aws/sns/platform-endpoint-messages?accountId=&region=&endpointArn=}. */
    public void clearPlatformEndpointMessages(String accountId, String region, String endpointArn) {
        state.pushLog.clear(accountId, region, endpointArn);
    }

    /** {@code POST /_aws/sns/phone-opt-outs} (LocalStack): opts a number out, as a STOP reply would. */
    public void optOutPhoneNumber(String accountId, String region, String phoneNumber) {
        state.sms.of(accountId, region).optOut(phoneNumber, state.clock.millis());
    }

    /** Recorded Lambda invocation events, per function ARN ({@code {"lambda_invocations": {...}, "region": ..}}). */
    public ObjectNode lambdaInvocations(String accountId, String region, String functionArn) {
        return state.lambdaLog.query(accountId, region, functionArn);
    }

    /** Recorded Firehose records, per delivery stream ARN. */
    public ObjectNode firehoseRecords(String accountId, String region, String streamArn) {
        return state.firehoseLog.query(accountId, region, streamArn);
    }

    /** Recorded emails ({@code {"email_messages": [...]}}), while no other sink is connected. */
    public ObjectNode emailMessages(String accountId, String region) {
        return recordedEmail.toJson(accountId, region);
    }

    public RecordingEmailSink recordedEmail() {
        return recordedEmail;
    }

    /** Every topic of every account and region, by ARN, with its subscriptions: for the dashboard. */
    public List<TopicSummary> topics() {
        return state.topics.all().stream().map(TopicSummary::of).toList();
    }

    /** The recent deliveries of a subscription (status, attempts), for a dashboard. */
    public List<DeliveryRecord> deliveryRecords(String subscriptionArn) {
        return state.subscriptions.find(subscriptionArn).map(Subscription::deliveries)
                .map(d -> d.records()).orElse(List.of());
    }
}
