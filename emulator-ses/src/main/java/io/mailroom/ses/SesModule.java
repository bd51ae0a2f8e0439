package io.mailroom.ses;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.delivery.MailSink;
import io.mailroom.core.delivery.ObjectSink;
import io.mailroom.core.delivery.TopicPublisher;
import io.mailroom.core.error.AwsException;
import io.mailroom.core.time.Clock;
import io.mailroom.core.time.Scheduler;
import io.mailroom.ses.account.Scope;
import io.mailroom.ses.engagement.EventSimulator;
import io.mailroom.ses.engagement.SimulatedEvent;
import io.mailroom.ses.api.Api;
import io.mailroom.ses.inbound.InboundEnvelope;
import io.mailroom.ses.inbound.InboundReceiver;
import io.mailroom.ses.inbound.InboundRecord;
import io.mailroom.ses.inbound.InboundResult;
import io.mailroom.ses.mime.AttachmentReader;
import io.mailroom.ses.mime.MimeParser;
import io.mailroom.ses.mime.ParsedMessage;
import io.mailroom.ses.notification.Notifier;
import io.mailroom.ses.sending.MailContent;
import io.mailroom.ses.sending.SendRequest;
import io.mailroom.ses.sending.SentMessage;
import io.mailroom.ses.sending.Sender;
import io.mailroom.ses.template.CustomVerification;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SES as the server hosts it: one state, served by two AWS services ({@link #v1()} Query, {@link #v2()}
 * REST-JSON), a {@link MailSink} for other services' mail, SMTP's two doors (authenticated submission,
 * {@link #submitRaw}, and mail from the internet run through the receipt rules, {@link #receiveInbound}), and
 * the inspection views of sent and received mail.
 */
public final class SesModule {
    /** Account and region SNS email subscriptions' mail is filed under when none is given. */
    public static final Scope DEFAULT_MAIL_SCOPE = new Scope("000000000000", "us-east-1");

    private final SesState state;
    private final Sender sender;
    private final SesService v1;
    private final SesV2Service v2;
    private final InboundReceiver inbound;
    private final EventSimulator events;

    private SesModule(SesState state) {
        this.state = state;
        Notifier notifier = new Notifier(state.topics);
        this.sender = new Sender(state, notifier);
        this.events = new EventSimulator(state, notifier);
        this.inbound = new InboundReceiver(state, (scope, from, to, subject, text) ->
                sender.sendSystemMail(scope, from, List.of(to), subject, text, null));
        CustomVerification verification = new CustomVerification(state, sender);
        this.v1 = new SesService(state, sender, verification, notifier);
        this.v2 = new SesV2Service(state, sender, verification, notifier);
    }

    /**
     * @param topics where notifications and SNS event destinations publish (SNS); null when the server
     *               has no SNS, in which case no topic exists
     */
    public static SesModule create(Clock clock, Scheduler scheduler, TopicPublisher topics, SesConfig config) {
        return create(clock, scheduler, topics, null, config);
    }

    /**
     * @param objects the server's object store (S3) for receipt rules' S3 actions and the sent-mail copy; null
     *                when the server has none, in which case no bucket exists (S3 actions fail and bounce)
     */
    public static SesModule create(Clock clock, Scheduler scheduler, TopicPublisher topics, ObjectSink objects,
                                   SesConfig config) {
        return new SesModule(new SesState(clock, scheduler, topics == null ? NO_TOPICS : topics, objects, config));
    }

    public static SesModule create(Clock clock, Scheduler scheduler, TopicPublisher topics, ObjectSink objects) {
        return create(clock, scheduler, topics, objects, SesConfig.defaults());
    }

    public static SesModule create(Clock clock, Scheduler scheduler, TopicPublisher topics) {
        return create(clock, scheduler, topics, SesConfig.defaults());
    }

    /** SES API v1 (Query); SigV4 scope {@value SesService#SIGNING_NAME}. */
    public SesService v1() {
        return v1;
    }

    /** SES API v2 (REST-JSON under /v2/email); SigV4 scope {@code ses}. */
    public SesV2Service v2() {
        return v2;
    }

    /** Mail from other services (SNS email subscriptions), filed under {@link #DEFAULT_MAIL_SCOPE}. */
    public MailSink mailSink() {
        return mailSink(DEFAULT_MAIL_SCOPE.accountId(), DEFAULT_MAIL_SCOPE.region());
    }

    /** Mail from other services, filed under this account and region. No sender verification applies. */
    public MailSink mailSink(String accountId, String region) {
        Scope scope = new Scope(accountId, region);
        return (from, to, subject, body) -> sender.sendSystemMail(scope, from, List.copyOf(to), subject, body, null);
    }

    // ---- SMTP ----

    /**
     * Whether mail from the internet to this recipient is taken (RCPT TO of an unauthenticated SMTP session):
     * some account's active receipt rule set has an enabled rule that matches it.
     */
    public boolean acceptsInbound(String recipient) {
        return inbound.accepts(recipient);
    }

    /**
     * Mail from the internet (an unauthenticated SMTP session, or {@code POST /_mailroom/ses/inbound}), run
     * through the active receipt rule set(s) of the accounts whose rules match the recipients. The session is
     * taken as unencrypted: rules with {@code TlsPolicy: Require} bounce it.
     *
     * @param mailFrom   MAIL FROM ({@code ""} or null for the null reverse-path)
     * @param recipients RCPT TO addresses
     * @param raw        the message as received (DATA)
     * @param remoteIp   the client's address, for the receipt IP filters (null when unknown)
     */
    public InboundResult receiveInbound(String mailFrom, List<String> recipients, byte[] raw, String remoteIp) {
        return receiveInbound(mailFrom, recipients, raw, remoteIp, false);
    }

    /** As {@link #receiveInbound(String, List, byte[], String)}, stating whether the session used TLS. */
    public InboundResult receiveInbound(String mailFrom, List<String> recipients, byte[] raw, String remoteIp,
                                        boolean tls) {
        return inbound.receive(new InboundEnvelope(mailFrom, recipients, remoteIp, tls), raw.clone());
    }

    /**
     * Authenticated SMTP submission: what SendRawEmail does with {@code Destinations} = the RCPT TO addresses
     * and {@code Source} = MAIL FROM (the envelope sender; the From header must still be a verified identity),
     * reported in events as {@code ses:operation} {@code SendSmtpEmail} as AWS does for its SMTP interface.
     *
     * @return the SES message id (SMTP answers {@code 250 Ok <id>})
     * @throws io.mailroom.core.error.AwsException as SendRawEmail would (MessageRejected for an unverified
     *                                             sender, InvalidParameterValue for an unreadable message, ...)
     */
    public String submitRaw(String accountId, String region, String mailFrom, List<String> recipients, byte[] raw) {
        String source = mailFrom == null || mailFrom.isBlank() || mailFrom.equals("<>") ? null : mailFrom.trim();
        SendRequest.Destination destination = recipients == null || recipients.isEmpty() ? null
                : new SendRequest.Destination(recipients, List.of(), List.of());
        return sender.send(new SendRequest(Api.V1, new Scope(accountId, region), "SendSmtpEmail", source, null, null,
                destination, List.of(), null, Map.of(), new MailContent.Raw(raw.clone()), null));
    }

    /** The bucket sent mail is copied into ({@link SesConfig#sentMailBucket()}), or null when off. */
    public String sentMailBucket() {
        return state.config.sentMailBucket();
    }

    // ---- inspection of received mail (GET /_mailroom/ses/inbound) ----

    /** Every inbound message processed by a rule set, in arrival order (one record per account that took it). */
    public List<InboundRecord> inboundMessages() {
        return state.inbound.all();
    }

    /** {@code {"messages": [...]}}: see {@link io.mailroom.ses.inbound.InboundLog#toJson()}. */
    public ObjectNode inboundMessagesJson() {
        return state.inbound.toJson();
    }

    // ---- inspection (GET/DELETE /_aws/ses, GET /_mailroom/ses/messages/{id}.eml) ----

    /**
     * LocalStack's {@code GET /_aws/ses} answer: {@code {"messages": [{Id, Region, Destination, Source,
     * Subject, Body: {text_part, html_part}, RawData, Timestamp, [Template, TemplateData]}]}} in send order.
     *
     * @param id    only this message id (null or empty: all)
     * @param email only messages whose Source is this (null or empty: all)
     */
    public ObjectNode sentMessagesJson(String id, String email) {
        return state.mailbox.toLocalStackJson(id, email);
    }

    /** {@code DELETE /_aws/ses[?id=]}: removes one message, or all with null. Answer 204. */
    public void clearSentMessages(String id) {
        state.mailbox.clear(id);
        state.eventMail.clear(id);
    }

    /** The complete RFC 5322 message ({@code Content-Type: message/rfc822}); empty → 404. */
    public Optional<byte[]> rawMessage(String messageId) {
        return state.mailbox.find(messageId).map(m -> m.raw().clone());
    }

    public Optional<SentMessage> sentMessage(String messageId) {
        return state.mailbox.find(messageId);
    }

    public List<SentMessage> sentMessages() {
        return state.mailbox.all();
    }

    /** A sent message read back as a mail client would (headers, bodies, attachment list); for the dashboard. */
    public Optional<ParsedMessage> parsedMessage(String messageId) {
        return state.mailbox.find(messageId).map(m -> MimeParser.parse(m.raw()));
    }

    /** The decoded bytes of a sent message's attachment, numbered as {@link ParsedMessage#attachments()}. */
    public Optional<AttachmentReader.Attachment> attachment(String messageId, int index) {
        return state.mailbox.find(messageId).flatMap(m -> AttachmentReader.read(m.raw(), index));
    }

    // ---- engagement the emulator cannot observe (POST /_mailroom/ses/messages/{id}/open|click|delivery-delay) ----

    /**
     * The recipient opened the message: an {@code Open} event ({@code open: {timestamp, userAgent, ipAddress}})
     * to the enabled destinations of the message's configuration set that take OPEN events.
     *
     * @param userAgent null for a generic one; {@code ipAddress} null for 127.0.0.1
     * @throws AwsException NotFound (404) for an unknown message id; NoConfigurationSet (409) for mail sent
     *                      without a configuration set; NotTracked (409) for a message without an HTML part
     */
    public SimulatedEvent simulateOpen(String messageId, String userAgent, String ipAddress) {
        return events.open(messageId, userAgent, ipAddress);
    }

    /**
     * The recipient clicked {@code link}, which must be a tracked link of the HTML part (http or https, no
     * {@code ses:no-track}): a {@code Click} event ({@code click: {timestamp, ipAddress, userAgent, link,
     * linkTags}}) to the destinations that take CLICK events.
     *
     * @param linkTags the link tags to report; null for the anchor's own {@code ses:tags}
     * @throws AwsException as {@link #simulateOpen}, NotTracked also when the link is not a tracked one
     */
    public SimulatedEvent simulateClick(String messageId, String link, Map<String, List<String>> linkTags) {
        return simulateClick(messageId, link, linkTags, null, null);
    }

    public SimulatedEvent simulateClick(String messageId, String link, Map<String, List<String>> linkTags,
                                        String userAgent, String ipAddress) {
        return events.click(messageId, link, linkTags, userAgent, ipAddress);
    }

    /**
     * The receiving server deferred the message: a {@code DeliveryDelay} event for all its recipients, expiring
     * when SES would stop retrying (the set's MaxDeliverySeconds, else 14 hours after the send).
     *
     * @param delayType one of AWS's, such as {@code TransientCommunicationFailure} or {@code MailboxFull}
     * @throws AwsException InvalidParameterValue (400) for an unknown type; otherwise as {@link #simulateOpen}
     */
    public SimulatedEvent simulateDeliveryDelay(String messageId, String delayType) {
        return events.deliveryDelay(messageId, delayType);
    }

    /** Drops every account's SES state and the mailbox. */
    public void reset() {
        state.clear();
    }

    SesState state() {
        return state;
    }

    private static final TopicPublisher NO_TOPICS = new TopicPublisher() {
        @Override
        public String publish(String topicArn, String subject, String message,
                              Map<String, io.mailroom.core.delivery.MessageAttribute> attributes) {
            throw new AwsException(io.mailroom.core.error.ErrorCode.sender("NotFound", 404), "Topic does not exist");
        }

        @Override
        public boolean exists(String topicArn) {
            return false;
        }
    };
}
