package io.mailroom.sns.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.request.RequestContext;
import io.mailroom.sns.SnsErrors;
import io.mailroom.sns.SnsState;
import io.mailroom.sns.publish.Notification;
import io.mailroom.sns.sms.PhoneNumbers;
import io.mailroom.sns.sms.SmsAccount;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** SMS settings, opt-outs, the SMS sandbox and origination numbers. */
public final class SmsOperations {
    public static final int PAGE_SIZE = 100;

    private final SnsState state;

    public SmsOperations(SnsState state) {
        this.state = state;
    }

    private SmsAccount account(RequestContext ctx) {
        return state.sms.of(ctx.accountId(), ctx.region());
    }

    public ObjectNode setAttributes(RequestContext ctx, ObjectNode in) {
        Map<String, String> attributes = Inputs.stringMap(in, "attributes");
        account(ctx).setAttributes(attributes);
        return Outputs.empty();
    }

    public ObjectNode getAttributes(RequestContext ctx, ObjectNode in) {
        List<String> names = Inputs.stringList(in, "attributes");
        return Outputs.attributes("attributes", account(ctx).attributes(names));
    }

    private static String phone(ObjectNode in, String member) {
        String number = Inputs.text(in, member);
        if (!PhoneNumbers.isValid(number)) {
            throw SnsErrors.invalid("PhoneNumber Reason: input incorrectly formatted");
        }
        return number;
    }

    public ObjectNode checkOptedOut(RequestContext ctx, ObjectNode in) {
        String number = phone(in, "phoneNumber");
        ObjectNode out = Outputs.empty();
        out.put("isOptedOut", account(ctx).isOptedOut(number));
        return out;
    }

    public ObjectNode listOptedOut(RequestContext ctx, ObjectNode in) {
        String after = PageToken.decode(Inputs.text(in, "nextToken"));
        List<String> numbers = account(ctx).optedOut(after, PAGE_SIZE + 1);
        ObjectNode out = Outputs.empty();
        ArrayNode list = out.putArray("phoneNumbers");
        numbers.stream().limit(PAGE_SIZE).forEach(list::add);
        if (numbers.size() > PAGE_SIZE) {
            out.put("nextToken", PageToken.encode(numbers.get(PAGE_SIZE - 1)));
        }
        return out;
    }

    public ObjectNode optIn(RequestContext ctx, ObjectNode in) {
        account(ctx).optIn(phone(in, "phoneNumber"), state.clock.millis());
        return Outputs.empty();
    }

    /** Adds a sandbox number; the one-time password AWS would text is recorded as an SMS to it. */
    public ObjectNode createSandboxNumber(RequestContext ctx, ObjectNode in) {
        String number = phone(in, "PhoneNumber");
        SmsAccount.SandboxNumber added = account(ctx).addSandboxNumber(number);
        if (!added.verified()) {
            ObjectNode e = JsonNodeFactory.instance.objectNode();
            e.put("PhoneNumber", number);
            e.putNull("TopicArn");
            e.putNull("SubscriptionArn");
            e.put("MessageId", UUID.randomUUID().toString());
            e.put("Message", "Your Amazon SNS verification code is: " + added.oneTimePassword());
            e.putObject("MessageAttributes");
            e.putNull("MessageStructure");
            e.putNull("Subject");
            e.put("Timestamp", Notification.formatTimestamp(state.clock.millis()));
            state.smsLog.record(ctx.accountId(), ctx.region(), number, e);
        }
        return Outputs.empty();
    }

    public ObjectNode deleteSandboxNumber(RequestContext ctx, ObjectNode in) {
        account(ctx).deleteSandboxNumber(Inputs.text(in, "PhoneNumber"));
        return Outputs.empty();
    }

    public ObjectNode verifySandboxNumber(RequestContext ctx, ObjectNode in) {
        account(ctx).verifySandboxNumber(Inputs.text(in, "PhoneNumber"), Inputs.text(in, "OneTimePassword"));
        return Outputs.empty();
    }

    public ObjectNode listSandboxNumbers(RequestContext ctx, ObjectNode in) {
        String after = PageToken.decode(Inputs.text(in, "NextToken"));
        Integer max = Inputs.integer(in, "MaxResults");
        int limit = max == null ? PAGE_SIZE : max;
        List<SmsAccount.SandboxNumber> numbers = account(ctx).sandboxNumbers(after, limit + 1);
        ObjectNode out = Outputs.empty();
        ArrayNode list = out.putArray("PhoneNumbers");
        numbers.stream().limit(limit).forEach(n -> list.addObject().put("PhoneNumber", n.phoneNumber())
                .put("Status", n.verified() ? "Verified" : "Pending"));
        if (numbers.size() > limit) {
            out.put("NextToken", PageToken.encode(numbers.get(limit - 1).phoneNumber()));
        }
        return out;
    }

    public ObjectNode sandboxAccountStatus(RequestContext ctx, ObjectNode in) {
        ObjectNode out = Outputs.empty();
        out.put("IsInSandbox", true);
        return out;
    }

    public ObjectNode listOriginationNumbers(RequestContext ctx, ObjectNode in) {
        // Mailroom leases no dedicated origination numbers, so the list is empty.
        ObjectNode out = Outputs.empty();
        out.putArray("PhoneNumbers");
        return out;
    }
}
