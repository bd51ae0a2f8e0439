package io.mailroom.ses.v1;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.request.RequestContext;
import io.mailroom.ses.SesState;
import io.mailroom.ses.account.Account;
import io.mailroom.ses.account.Scope;
import io.mailroom.ses.api.Api;
import io.mailroom.ses.api.CustomVerificationJson;
import io.mailroom.ses.api.Inputs;
import io.mailroom.ses.api.Outputs;
import io.mailroom.ses.api.PageToken;
import io.mailroom.ses.template.CustomVerification;
import io.mailroom.ses.template.CustomVerificationTemplate;
import io.mailroom.ses.template.CustomVerificationTemplates;
import io.mailroom.ses.template.EmailTemplate;
import io.mailroom.ses.template.TemplateRules;

/** v1 email templates (with TestRenderTemplate) and custom verification email templates. */
public final class V1Templates {
    private static final Api API = Api.V1;
    private final SesState state;
    private final CustomVerification verification;

    public V1Templates(SesState state, CustomVerification verification) {
        this.state = state;
        this.verification = verification;
    }

    private EmailTemplate template(JsonNode in, long created) {
        JsonNode t = Inputs.node(in, "Template");
        return new EmailTemplate(Inputs.text(t, "TemplateName"), Inputs.text(t, "SubjectPart"), Inputs.text(t, "TextPart"),
                Inputs.text(t, "HtmlPart"), created);
    }

    public ObjectNode create(RequestContext ctx, ObjectNode in) {
        EmailTemplate t = template(in, state.now());
        requireSubject(t);
        TemplateRules.check(API, state.renderer, t);
        synchronized (state.lock) {
            state.account(ctx).templates.add(API, t);
        }
        return Outputs.object();
    }

    public ObjectNode update(RequestContext ctx, ObjectNode in) {
        synchronized (state.lock) {
            Account a = state.account(ctx);
            String name = Inputs.text(Inputs.node(in, "Template"), "TemplateName");
            EmailTemplate old = a.templates.find(name).orElseThrow(() -> API.templateNotFound(name));
            EmailTemplate t = template(in, old.createdMillis());
            requireSubject(t);
            TemplateRules.check(API, state.renderer, t);
            a.templates.put(t);
        }
        return Outputs.object();
    }

    /** As AWS answers it (boto/boto3#2464); the v2 API leaves the subject optional. */
    private static void requireSubject(EmailTemplate t) {
        if (t.subject() == null || t.subject().isEmpty()) {
            throw API.invalidParameter("The subject must be specified.");
        }
    }

    public ObjectNode get(RequestContext ctx, ObjectNode in) {
        String name = Inputs.text(in, "TemplateName");
        synchronized (state.lock) {
            EmailTemplate t = state.account(ctx).templates.find(name).orElseThrow(() -> API.templateNotFound(name));
            ObjectNode out = Outputs.object();
            ObjectNode o = out.putObject("Template");
            o.put("TemplateName", t.name());
            Outputs.putIfNotNull(o, "SubjectPart", t.subject());
            Outputs.putIfNotNull(o, "TextPart", t.text());
            Outputs.putIfNotNull(o, "HtmlPart", t.html());
            return out;
        }
    }

    /** Deleting a template that does not exist succeeds, as on AWS. */
    public ObjectNode delete(RequestContext ctx, ObjectNode in) {
        synchronized (state.lock) {
            state.account(ctx).templates.remove(Inputs.text(in, "TemplateName"));
        }
        return Outputs.object();
    }

    public ObjectNode list(RequestContext ctx, ObjectNode in) {
        // "If more than 100 items are requested, the page size will automatically set to 100" (ListTemplates).
        int max = Math.min(Inputs.pageSize(in, "MaxItems", 10), 100);
        if (max < 1) {
            throw API.invalidParameter("MaxItems must be between 1 and 100.");
        }
        synchronized (state.lock) {
            PageToken.Page<EmailTemplate> page = PageToken.page(API, state.account(ctx).templates.all(),
                    EmailTemplate::name, Inputs.text(in, "NextToken"), max);
            ObjectNode out = Outputs.object();
            ArrayNode items = out.putArray("TemplatesMetadata");
            page.items().forEach(t -> Outputs.timestamp(items.addObject().put("Name", t.name()), "CreatedTimestamp",
                    t.createdMillis()));
            Outputs.putIfNotNull(out, "NextToken", page.nextToken());
            return out;
        }
    }

    /** Answers the complete MIME message SES would send, as AWS does. */
    public ObjectNode testRender(RequestContext ctx, ObjectNode in) {
        String name = Inputs.text(in, "TemplateName");
        EmailTemplate t;
        synchronized (state.lock) {
            t = state.account(ctx).templates.find(name).orElseThrow(() -> API.templateNotFound(name));
        }
        return Outputs.object().put("RenderedTemplate", TemplatePreview.render(API, state, ctx, t, Inputs.text(in, "TemplateData")));
    }

    // ---- custom verification templates ----

    private static CustomVerificationTemplate custom(JsonNode in, CustomVerificationTemplate old) {
        return new CustomVerificationTemplate(Inputs.text(in, "TemplateName"),
                Inputs.text(in, "FromEmailAddress", old == null ? null : old.fromEmailAddress()),
                Inputs.text(in, "TemplateSubject", old == null ? null : old.subject()),
                Inputs.text(in, "TemplateContent", old == null ? null : old.content()),
                Inputs.text(in, "SuccessRedirectionURL", old == null ? null : old.successRedirectionUrl()),
                Inputs.text(in, "FailureRedirectionURL", old == null ? null : old.failureRedirectionUrl()));
    }

    public ObjectNode createCustom(RequestContext ctx, ObjectNode in) {
        synchronized (state.lock) {
            Account a = state.account(ctx);
            CustomVerificationTemplate t = custom(in, null);
            if (a.verificationTemplates.find(t.name()).isPresent()) {
                throw API.alreadyExists("CustomVerificationEmailTemplateAlreadyExistsException",
                        "Custom verification email template " + t.name() + " already exists.");
            }
            if (a.verificationTemplates.isFull()) {
                throw API.limitExceeded("Maximum number of custom verification email templates ("
                        + CustomVerificationTemplates.MAX_TEMPLATES + ") reached.");
            }
            verification.checkFromVerified(API, a, t.fromEmailAddress());
            a.verificationTemplates.put(t);
        }
        return Outputs.object();
    }

    public ObjectNode updateCustom(RequestContext ctx, ObjectNode in) {
        synchronized (state.lock) {
            Account a = state.account(ctx);
            String name = Inputs.text(in, "TemplateName");
            CustomVerificationTemplate old = a.verificationTemplates.find(name).orElseThrow(() -> missingCustom(name));
            CustomVerificationTemplate t = custom(in, old);
            verification.checkFromVerified(API, a, t.fromEmailAddress());
            a.verificationTemplates.put(t);
        }
        return Outputs.object();
    }

    public ObjectNode getCustom(RequestContext ctx, ObjectNode in) {
        String name = Inputs.text(in, "TemplateName");
        synchronized (state.lock) {
            CustomVerificationTemplate t = state.account(ctx).verificationTemplates.find(name)
                    .orElseThrow(() -> missingCustom(name));
            ObjectNode out = CustomVerificationJson.summary(t);
            out.put("TemplateContent", t.content());
            return out;
        }
    }

    public ObjectNode deleteCustom(RequestContext ctx, ObjectNode in) {
        synchronized (state.lock) {
            state.account(ctx).verificationTemplates.remove(Inputs.text(in, "TemplateName"));
        }
        return Outputs.object();
    }

    public ObjectNode listCustom(RequestContext ctx, ObjectNode in) {
        synchronized (state.lock) {
            return CustomVerificationJson.page(API, state.account(ctx).verificationTemplates.all(),
                    Inputs.text(in, "NextToken"), Inputs.pageSize(in, "MaxResults", 50));
        }
    }

    public ObjectNode sendCustom(RequestContext ctx, ObjectNode in) {
        return Outputs.object().put("MessageId", verification.send(API, Scope.of(ctx), Inputs.text(in, "TemplateName"),
                Inputs.text(in, "EmailAddress"), Inputs.text(in, "ConfigurationSetName")));
    }

    private static RuntimeException missingCustom(String name) {
        return API.notFound("CustomVerificationEmailTemplateDoesNotExistException",
                "Custom verification email template " + name + " does not exist.");
    }
}
