package io.mailroom.ses.sending;

import io.mailroom.core.error.ErrorCode;
import io.mailroom.ses.SesState;
import io.mailroom.ses.account.Account;
import io.mailroom.ses.api.Api;
import io.mailroom.ses.api.SesErrors;
import io.mailroom.ses.configset.ConfigurationSet;
import io.mailroom.ses.configset.EventType;
import io.mailroom.ses.contact.Contact;
import io.mailroom.ses.contact.ContactList;
import io.mailroom.ses.identity.Identity;
import io.mailroom.ses.identity.IdentityNames;
import io.mailroom.ses.mime.Addresses;
import io.mailroom.ses.mime.ComposedMessage;
import io.mailroom.ses.mime.Header;
import io.mailroom.ses.mime.MimeComposer;
import io.mailroom.ses.mime.MimeFailure;
import io.mailroom.ses.mime.MimeParser;
import io.mailroom.ses.mime.ParsedMessage;
import io.mailroom.ses.mime.SingleHeaders;
import io.mailroom.ses.notification.MailMetadata;
import io.mailroom.ses.notification.NotificationJson;
import io.mailroom.ses.notification.Notifier;
import io.mailroom.ses.notification.ReportedHeaders;
import io.mailroom.ses.simulator.MailboxSimulator;
import io.mailroom.ses.simulator.Outcome;
import io.mailroom.ses.suppression.SuppressionReason;
import io.mailroom.ses.template.EmailTemplate;
import io.mailroom.ses.template.RenderedContent;
import io.mailroom.ses.template.RenderingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Accepts a message the way SES does: checks the caller may send (account and configuration set not
 * paused, sender verified or authorized), validates recipients and tags, builds or completes the MIME
 * message, keeps it in the mailbox, publishes the Send event, and leaves the per-recipient outcomes to
 * {@link Outcomes} a moment later on the scheduler.
 */
public final class Sender {
    /** "The message may not include more than 50 recipients, across the To:, CC: and BCC: fields." */
    public static final int MAX_RECIPIENTS = 50;
    /** v1: "The maximum message size, including attachments, is 10 MB." v2 accepts up to 40 MB. */
    public static final int MAX_RAW_BYTES_V1 = 10 * 1024 * 1024;
    public static final int MAX_RAW_BYTES_V2 = 40 * 1024 * 1024;
    private static final Pattern TAG_NAME = Pattern.compile("^[A-Za-z0-9_-]*$");
    private static final Pattern TAG_VALUE = Pattern.compile("^[A-Za-z0-9_\\-.@]*$");
    /** The EICAR anti-virus test string: SES accepts such a message and then rejects it (Reject event). */
    private static final String EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

    private final SesState state;
    private final Outcomes outcomes;
    private final Notifier notifier;
    private final SentMailArchive archive;

    public Sender(SesState state, Notifier notifier) {
        this.state = state;
        this.notifier = notifier;
        this.outcomes = new Outcomes(state, notifier);
        this.archive = new SentMailArchive(state.objects, state.config.sentMailBucket());
    }

    /** Accepts one message; returns its SES message id. Throws the API's error when SES would refuse it. */
    public String send(SendRequest r) {
        List<Runnable> after = new ArrayList<>(1);
        String id;
        synchronized (state.lock) {
            id = accept(r, after);
        }
        after.forEach(Runnable::run);
        return id;
    }

    /**
     * Stores a message SES itself writes (a custom verification email, a SendBounce DSN, an SNS email
     * subscription's mail): no sender checks, no events; it counts towards the send statistics.
     */
    public String sendSystemMail(io.mailroom.ses.account.Scope scope, String from, List<String> to, String subject,
                                 String text, String html) {
        SentMessage message;
        synchronized (state.lock) {
            long now = state.now();
            String id = MessageIds.next(scope.region(), now);
            byte[] raw = MimeComposer.compose(new ComposedMessage(from, to, List.of(), List.of(), subject, text, html,
                    null, List.of(), List.of()), MessageIds.header(id, scope.region()), now);
            state.account(scope).statistics.attempts(now, to.size());
            message = new SentMessage(id, scope.accountId(), scope.region(), now, from, List.copyOf(to),
                    List.of(), List.of(), List.copyOf(to), subject, text, html, raw, null, null, Map.of(), null);
            state.mailbox.add(message);
        }
        archive.archive(message);
        return message.id();
    }

    /**
     * The checks that concern the whole call rather than one recipient (bulk sends answer these with an
     * error; per-destination problems become a status).
     */
    public void checkCaller(SendRequest r, String templateName) {
        synchronized (state.lock) {
            Account account = state.account(r.scope());
            ConfigurationSet set = configurationSet(r, account, null);
            checkNotPaused(r, account, set);
            if (templateName != null && account.templates.find(templateName).isEmpty()) {
                throw r.api().templateNotFound(templateName);
            }
            if (r.source() != null) {
                authorize(r, account, Addresses.bare(r.api(), r.source()));
            }
        }
    }

    private String accept(SendRequest r, List<Runnable> after) {
        Api api = r.api();
        Account account = state.account(r.scope());
        long now = state.now();
        validateTags(api, r.tags());

        Prepared p = prepare(r, account);
        if (p.recipients.isEmpty()) {
            throw api.messageRejected("Missing required header 'To'.");
        }
        if (p.recipients.size() > MAX_RECIPIENTS) {
            throw api.invalidParameter("Recipient count exceeds " + MAX_RECIPIENTS + ".");
        }
        Identity identity = authorize(r, account, p.from);
        if (r.returnPath() != null) {
            authorize(r, account, Addresses.bare(api, r.returnPath()));
        }
        ConfigurationSet set = configurationSet(r, account, identity, p.configurationSetHeader);
        checkNotPaused(r, account, set);
        checkQuota(api, account, now, p.recipients.size());
        ContactList list = listManagement(r, account);

        String id = MessageIds.next(r.scope().region(), now);
        String messageIdHeader = MessageIds.header(id, r.scope().region());
        Map<String, List<String>> tags = tags(r, p, set, identity);

        byte[] raw;
        String subject;
        String text;
        String html;
        String templateName = null;
        String templateData = null;
        ReportedHeaders reported;
        ReportedHeaders beforeRendering = null;
        if (r.content() instanceof MailContent.Raw) {
            raw = MimeComposer.completeRaw(p.raw, messageIdHeader, now);
            subject = p.parsed.subject();
            text = p.parsed.bodyText();
            html = p.parsed.bodyHtml();
            reported = ReportedHeaders.ofRaw(p.parsed, id, r.returnPath());
        } else {
            List<Header> headers = new ArrayList<>(extraHeaders(r.content()));
            if (list != null) {
                headers.add(new Header("List-Unsubscribe", "<" + unsubscribeUrl(r) + ">"));
                headers.add(new Header("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"));
            }
            RenderedContent content;
            if (r.content() instanceof MailContent.Templated t) {
                templateName = t.templateName();
                templateData = t.templateData();
                EmailTemplate template = t.inline() != null ? t.inline() : account.templates.find(t.templateName())
                        .orElseThrow(() -> api.templateNotFound(t.templateName()));
                try {
                    content = state.renderer.render(template, t.templateData());
                } catch (RenderingException e) {
                    // SES accepts the call and reports the failure as a Rendering Failure event; the message
                    // is not sent (https://docs.aws.amazon.com/ses/latest/dg/send-personalized-email-api.html).
                    if (set != null) { // the event is all that would describe the message
                        byte[] unrendered = compose(r, p, new RenderedContent(null, null, null), headers,
                                messageIdHeader, now);
                        MailMetadata meta = metadata(r, account, id, now, p, identity, tags,
                                ReportedHeaders.beforeRendering(MimeParser.parse(unrendered), id, r.returnPath()));
                        notifier.event(set, EventType.RENDERING_FAILURE, meta,
                                NotificationJson.renderingFailure(template.name(), e.getMessage()), after);
                    }
                    account.statistics.reject(now);
                    return id;
                }
            } else {
                MailContent.Simple s = (MailContent.Simple) r.content();
                content = new RenderedContent(s.subject(), s.text(), s.html());
            }
            subject = content.subject();
            text = unsubscribeLinks(content.text(), list, r);
            html = unsubscribeLinks(content.html(), list, r);
            raw = compose(r, p, new RenderedContent(subject, text, html), headers, messageIdHeader, now);
            ParsedMessage composed = MimeParser.parse(raw);
            if (r.content() instanceof MailContent.Templated) {
                reported = ReportedHeaders.ofRendered(composed, id, r.returnPath());
                beforeRendering = set == null ? null : ReportedHeaders.beforeRendering(composed, id, r.returnPath());
            } else {
                reported = ReportedHeaders.ofComposed(composed, id, r.returnPath());
            }
        }

        MailMetadata meta = metadata(r, account, id, now, p, identity, tags, reported);
        account.statistics.attempts(now, p.recipients.size());
        SentMessage message = new SentMessage(id, r.scope().accountId(), r.scope().region(), now, p.source, p.to,
                p.cc, p.bcc, p.recipients, subject, text, html, raw, templateName, templateData, tags,
                set == null ? null : set.name());
        state.mailbox.add(message);
        if (set != null) {
            state.eventMail.put(meta);
        }
        after.add(() -> archive.archive(message));
        // A template's Send event describes the call SES accepted, before rendering (see ReportedHeaders). The one
        // Send of SendTemplatedEmail recorded on AWS (2023) also lacked sourceArn; it is kept, as AWS's example of a
        // Rendering Failure, which describes the same unrendered message, has one.
        MailMetadata sent = beforeRendering == null ? meta
                : metadata(r, account, id, now, p, identity, tags, beforeRendering);
        notifier.event(set, EventType.SEND, sent, NotificationJson.send(), after);

        if (new String(raw, StandardCharsets.ISO_8859_1).contains(EICAR)) {
            account.statistics.reject(now);
            notifier.event(set, EventType.REJECT, meta, NotificationJson.reject(), after);
            return id;
        }
        Map<String, Outcome> perRecipient = new LinkedHashMap<>();
        for (String recipient : p.recipients) {
            String bare = Addresses.bare(api, recipient);
            if (list != null && !acceptsListMail(list, r.listManagement().topicName(), bare)) {
                continue; // the contact opted out: SES does not send to it
            }
            perRecipient.put(bare, outcome(account, set, bare));
        }
        after.add(() -> outcomes.schedule(new Outcomes.Dispatch(account, identity, set, meta, perRecipient,
                now)));
        return id;
    }

    // ---- preparing content and recipients ----

    private static final class Prepared {
        String source;
        String from;
        List<String> to = List.of();
        List<String> cc = List.of();
        List<String> bcc = List.of();
        List<String> recipients = new ArrayList<>();
        byte[] raw;
        ParsedMessage parsed;
        String configurationSetHeader;
        Map<String, String> headerTags = new LinkedHashMap<>();
    }

    private Prepared prepare(SendRequest r, Account account) {
        Api api = r.api();
        Prepared p = new Prepared();
        if (r.content() instanceof MailContent.Raw rawContent) {
            int max = api == Api.V1 ? MAX_RAW_BYTES_V1 : MAX_RAW_BYTES_V2;
            if (rawContent.data().length > max) {
                throw api.messageRejected("Message length is more than " + max + " bytes long: '"
                        + rawContent.data().length + "'.");
            }
            try {
                p.parsed = MimeParser.parse(rawContent.data());
            } catch (MimeFailure e) {
                throw api.invalidParameter("Could not parse the raw message: " + e.getMessage());
            }
            String repeated = SingleHeaders.firstRepeated(p.parsed.headers());
            if (repeated != null) {
                throw api.invalidParameter("Duplicate header '" + repeated + "'.");
            }
            p.raw = rawContent.data();
            String fromHeader = p.parsed.from().isEmpty() ? null : p.parsed.from().get(0);
            if (r.source() == null && fromHeader == null) {
                throw api.invalidParameter("Missing required header 'From'.");
            }
            p.source = r.source() != null ? r.source() : fromHeader;
            p.from = Addresses.bare(api, fromHeader != null ? fromHeader : r.source());
            if (r.source() != null) {
                Addresses.parse(api, r.source());
            }
            p.to = p.parsed.to();
            p.cc = p.parsed.cc();
            p.bcc = p.parsed.bcc();
            // Destinations, when given, replace the header recipients (they may add Bcc-like recipients).
            p.recipients = r.destination() != null ? new ArrayList<>(r.destination().to())
                    : concat(p.to, p.cc, p.bcc);
            if (r.destination() != null) {
                p.bcc = List.of();
            }
            p.configurationSetHeader = p.parsed.header("X-SES-CONFIGURATION-SET");
            String tagHeader = p.parsed.header("X-SES-MESSAGE-TAGS");
            if (tagHeader != null) {
                for (String pair : tagHeader.split(",")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0) {
                        p.headerTags.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
                    }
                }
            }
        } else {
            if (r.source() == null) {
                throw api.invalidParameter("Missing required header 'From'.");
            }
            p.source = r.source();
            p.from = Addresses.bare(api, r.source());
            SendRequest.Destination d = r.destination() == null
                    ? new SendRequest.Destination(List.of(), List.of(), List.of()) : r.destination();
            p.to = d.to();
            p.cc = d.cc();
            p.bcc = d.bcc();
            p.recipients = concat(p.to, p.cc, p.bcc);
        }
        for (String recipient : p.recipients) {
            Addresses.parse(api, recipient);
        }
        r.replyTo().forEach(a -> Addresses.parse(api, a));
        return p;
    }

    private static List<String> concat(List<String> a, List<String> b, List<String> c) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        out.addAll(c);
        return out;
    }

    // ---- checks ----

    /**
     * The identity that lets this account send from {@code address}. In the sandbox (the default) an
     * unverified sender is refused with AWS's exact message; with auto-verify any sender passes and only
     * an existing identity's settings (topics, default configuration set) apply.
     */
    private Identity authorize(SendRequest r, Account account, String address) {
        Api api = r.api();
        if (r.sourceArn() != null) {
            return authorizeByArn(r, address);
        }
        Identity identity = account.identities.authorizing(address).orElse(null);
        if (identity == null && !state.config.autoVerify()) {
            throw api.messageRejected("Email address is not verified. The following identities failed the check in"
                    + " region " + r.scope().region().toUpperCase(Locale.ROOT) + ": " + address);
        }
        return identity;
    }

    private Identity authorizeByArn(SendRequest r, String address) {
        Api api = r.api();
        String[] parts = r.sourceArn().split(":", 6);
        if (parts.length != 6 || !parts[0].equals("arn") || !parts[2].equals("ses") || !parts[5].startsWith("identity/")) {
            throw api.invalidParameter("Invalid identity ARN: " + r.sourceArn());
        }
        String owner = parts[4];
        String name = parts[5].substring("identity/".length());
        Account ownerAccount = state.account(new io.mailroom.ses.account.Scope(owner, parts[3]));
        Identity identity = ownerAccount.identities.find(name).orElse(null);
        boolean covers = identity != null && (identity.name().equalsIgnoreCase(address)
                || IdentityNames.domainOf(address).equals(identity.name())
                || IdentityNames.domainOf(address).endsWith("." + identity.name()));
        if (identity == null || !covers) {
            throw api.messageRejected("Email address is not verified. The following identities failed the check in"
                    + " region " + r.scope().region().toUpperCase(Locale.ROOT) + ": " + address);
        }
        if (!owner.equals(r.scope().accountId())
                && !SendingAuthorization.allows(identity, r.scope().accountId(), r.operation())) {
            throw api.messageRejected("User `arn:aws:iam::" + r.scope().accountId() + ":root' is not authorized to"
                    + " perform `ses:" + r.operation() + "' on resource `" + r.sourceArn() + "'");
        }
        return identity;
    }

    private ConfigurationSet configurationSet(SendRequest r, Account account, Identity identity) {
        return configurationSet(r, account, identity, null);
    }

    /** The named set, else the one named in the raw message's X-SES-CONFIGURATION-SET, else the identity's default. */
    private ConfigurationSet configurationSet(SendRequest r, Account account, Identity identity, String header) {
        String name = r.configurationSetName() != null ? r.configurationSetName()
                : header != null ? header : identity == null ? null : identity.configurationSetName();
        if (name == null) {
            return null;
        }
        return account.configurationSets.find(name).orElseThrow(() -> r.api().configurationSetNotFound(name));
    }

    private static void checkNotPaused(SendRequest r, Account account, ConfigurationSet set) {
        if (!account.settings.sendingEnabled()) {
            throw r.api().accountSendingPaused();
        }
        if (set != null && !set.sendingEnabled()) {
            throw r.api().configurationSetSendingPaused(set.name());
        }
    }

    private void checkQuota(Api api, Account account, long now, int recipients) {
        if (state.config.enforceQuota()
                && account.statistics.sentLast24Hours(now) + recipients > state.config.max24HourSend()) {
            ErrorCode code = api == Api.V1 ? SesErrors.v1("Throttling") : SesErrors.v2("LimitExceededException");
            throw code.exception("Daily message quota exceeded.");
        }
    }

    /**
     * "Tag names and values can contain only ASCII letters, numbers, underscores and dashes" (values also '.' and
     * '@'). The refusals keep AWS's spacing to the character ({@code '_',  '-'} and {@code '-' , '.'}), as SES
     * answered them in 2024 (LocalStack's AWS-recorded snapshots of test_invalid_tags_send_email).
     */
    private static void validateTags(Api api, Map<String, String> tags) {
        for (Map.Entry<String, String> t : tags.entrySet()) {
            String name = t.getKey();
            String value = t.getValue();
            if (name.isEmpty()) {
                throw api.invalidParameter("The tag name must be specified.");
            }
            if (value == null || value.isEmpty()) {
                throw api.invalidParameter("The tag value must be specified.");
            }
            if (name.length() > 255) {
                throw api.invalidParameter("Tag name cannot exceed 255 characters.");
            }
            if (!TAG_NAME.matcher(name.startsWith("ses:") ? name.substring(4) : name).matches()) {
                throw api.invalidParameter("Invalid tag name <" + name
                        + ">: only alphanumeric ASCII characters, '_',  '-' are allowed.");
            }
            if (value.length() > 255) {
                throw api.invalidParameter("Tag value cannot exceed 255 characters.");
            }
            if (!TAG_VALUE.matcher(value).matches()) {
                throw api.invalidParameter("Invalid tag value <" + value
                        + ">: only alphanumeric ASCII characters, '_',  '-' , '.', '@' are allowed.");
            }
        }
    }

    private static ContactList listManagement(SendRequest r, Account account) {
        SendRequest.ListManagement lm = r.listManagement();
        if (lm == null) {
            return null;
        }
        ContactList list = account.contactLists.find(lm.contactListName()).orElseThrow(() ->
                r.api().notFound("NotFoundException", "List with name " + lm.contactListName() + " does not exist."));
        if (lm.topicName() != null && !list.topics().containsKey(lm.topicName())) {
            throw r.api().notFound("NotFoundException", "Topic " + lm.topicName() + " does not exist.");
        }
        return list;
    }

    private static boolean acceptsListMail(ContactList list, String topic, String address) {
        Contact c = list.contacts().get(ContactList.key(address));
        return c == null || c.accepts(list, topic);
    }

    /** SES replaces {{amazonSESUnsubscribeUrl}} with the recipient's unsubscribe link in list mail. */
    private static String unsubscribeLinks(String body, ContactList list, SendRequest r) {
        if (body == null || list == null) {
            return body;
        }
        return body.replace("{{amazonSESUnsubscribeUrl}}", unsubscribeUrl(r));
    }

    private static String unsubscribeUrl(SendRequest r) {
        return "https://unsubscribe." + r.scope().region() + ".amazonses.com/lists/"
                + r.listManagement().contactListName()
                + (r.listManagement().topicName() == null ? "" : "/topics/" + r.listManagement().topicName());
    }

    // ---- outcome and metadata ----

    /** Account suppression (unless the configuration set overrides it), then the mailbox simulator. */
    private static Outcome outcome(Account account, ConfigurationSet set, String address) {
        if (!MailboxSimulator.isSimulator(address)) {
            Set<SuppressionReason> reasons = set != null && set.suppressedReasons() != null ? set.suppressedReasons()
                    : account.settings.suppressedReasons();
            boolean suppressed = account.suppression.find(address).map(s -> reasons.contains(s.reason())).orElse(false);
            if (suppressed) {
                return MailboxSimulator.ACCOUNT_SUPPRESSED;
            }
        }
        return MailboxSimulator.outcome(address).orElse(new Outcome.Delivered());
    }

    /**
     * SES's own tags around the caller's, in the order AWS lists them (caller-identity after the message's tags);
     * ses:from-domain is the From header's domain, so a raw message without From has none (LocalStack's
     * AWS-recorded snapshots of test_ses_sns_topic_integration_*).
     */
    private Map<String, List<String>> tags(SendRequest r, Prepared p, ConfigurationSet set, Identity identity) {
        Map<String, List<String>> tags = new LinkedHashMap<>();
        tags.put("ses:operation", List.of(r.operation()));
        if (set != null) {
            tags.put("ses:configuration-set", List.of(set.name()));
        }
        tags.put("ses:source-ip", List.of("127.0.0.1"));
        if (p.parsed == null || !p.parsed.from().isEmpty()) {
            tags.put("ses:from-domain", List.of(IdentityNames.domainOf(p.from)));
        }
        p.headerTags.forEach((k, v) -> tags.put(k, List.of(v)));
        r.tags().forEach((k, v) -> tags.put(k, List.of(v)));
        tags.put("ses:caller-identity", List.of("root"));
        return tags;
    }

    private static MailMetadata metadata(SendRequest r, Account account, String id, long now, Prepared p,
                                         Identity identity, Map<String, List<String>> tags, ReportedHeaders reported) {
        List<String> destination = new ArrayList<>();
        for (String rcpt : p.recipients) {
            destination.add(Addresses.bare(r.api(), rcpt));
        }
        String sourceArn = identity == null ? null
                : r.sourceArn() != null ? r.sourceArn() : account.scope.arn("identity/" + identity.name());
        return new MailMetadata(id, now, p.from, sourceArn, r.scope().accountId(), "root", r.operation(),
                destination, reported.headers(), reported.common(), tags);
    }

    private static byte[] compose(SendRequest r, Prepared p, RenderedContent content, List<Header> headers,
                                  String messageIdHeader, long now) {
        return MimeComposer.compose(new ComposedMessage(r.source(), p.to, p.cc, r.replyTo(), content.subject(),
                content.text(), content.html(), charset(r.content()), headers, attachments(r.content())),
                messageIdHeader, now);
    }

    private static List<Header> extraHeaders(MailContent c) {
        if (c instanceof MailContent.Simple s) {
            return s.headers();
        }
        return c instanceof MailContent.Templated t ? t.headers() : List.of();
    }

    private static List<io.mailroom.ses.mime.AttachmentSpec> attachments(MailContent c) {
        if (c instanceof MailContent.Simple s) {
            return s.attachments();
        }
        return c instanceof MailContent.Templated t ? t.attachments() : List.of();
    }

    private static String charset(MailContent c) {
        return c instanceof MailContent.Simple s ? s.charset() : null;
    }
}
