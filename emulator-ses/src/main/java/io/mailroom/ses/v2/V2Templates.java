package io.mailroom.ses.v2;

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
import io.mailroom.ses.template.EmailTemplate;
import io.mailroom.ses.template.TemplateRules;
import io.mailroom.ses.v1.TemplatePreview;

/** v2 email templates (same store as v1) and custom verification email templates. */
public final class V2Templates {
    private static final Api API = Api.V2;
    private final SesState state;
    private final CustomVerification verification;

    public V2Templates(SesState state, CustomVerification verification) {
        this.state = state;
        this.verification = verification;
    }

    private static EmailTemplate template(JsonNode in, long created) {
        JsonNode c = Inputs.node(in, "TemplateContent");
        return new EmailTemplate(Inputs.text(in, "TemplateName"), Inputs.text(c, "Subject"), Inputs.text(c, "Text"),
                Inputs.text(c, "Html"), created);
    }

    public ObjectNode create(RequestContext ctx, ObjectNode in) {
        EmailTemplate t = template(in, state.now());
        TemplateRules.check(API, state.renderer, t);
        synchronized (state.lock) {
            state.account(ctx).templates.add(API, t);
        }
        return Outputs.object();
    }

    public ObjectNode update(RequestContext ctx, ObjectNode in) {
        synchronized (state.lock) {
            Account a = state.account(ctx);
            String name = Inputs.text(in, "TemplateName");
            EmailTemplate old = a.templates.find(name).orElseThrow(() -> API.templateNotFound(name));
            EmailTemplate t = template(in, old.createdMillis());
            TemplateRules.check(API, state.renderer, t);
            a.templates.put(t);
        }
        return Outputs.object();
    }

    public ObjectNode get(RequestContext ctx, ObjectNode in) {
        String name = Inputs.text(in, "TemplateName");
        synchronized (state.lock) {
            EmailTemplate t = state.account(ctx).templates.find(name).orElseThrow(() -> API.templateNotFound(name));
            ObjectNode out = Outputs.object().put("TemplateName", t.name());
            ObjectNode c = out.putObject("TemplateContent");
            Outputs.putIfNotNull(c, "Subject", t.subject());
            Outputs.putIfNotNull(c, "Text", t.text());
            Outputs.putIfNotNull(c, "Html", t.html());
            return out;
        }
    }

    public ObjectNode delete(RequestContext ctx, ObjectNode in) {
        String name = Inputs.text(in, "TemplateName");
        synchronized (state.lock) {
            if (!state.account(ctx).templates.remove(name)) {
                throw API.templateNotFound(name);
            }
        }
        return Outputs.object();
    }

    public ObjectNode list(RequestContext ctx, ObjectNode in) {
        int size = Inputs.pageSize(in, "PageSize", 10);
        if (size < 1 || size > 100) {
            throw API.invalidParameter("PageSize must be between 1 and 100.");
        }
        synchronized (state.lock) {
            PageToken.Page<EmailTemplate> page = PageToken.page(API, state.account(ctx).templates.all(),
                    EmailTemplate::name, Inputs.text(in, "NextToken"), size);
            ObjectNode out = Outputs.object();
            ArrayNode items = out.putArray("TemplatesMetadata");
            page.items().forEach(t -> Outputs.timestamp(items.addObject().put("TemplateName", t.name()),
                    "CreatedTimestamp", t.createdMillis()));
            Outputs.putIfNotNull(out, "NextToken", page.nextToken());
            return out;
        }
    }

    public ObjectNode testRender(RequestContext ctx, ObjectNode in) {
        String name = Inputs.text(in, "TemplateName");
        EmailTemplate t;
        synchronized (state.lock) {
            t = state.account(ctx).templates.find(name).orElseThrow(() -> API.templateNotFound(name));
        }
        return Outputs.object().put("RenderedTemplate",
                TemplatePreview.render(API, state, ctx, t, Inputs.text(in, "TemplateData")));
    }

    public ObjectNode createCustom(RequestContext ctx, ObjectNode in) {
        return putCustom(ctx, in, true);
    }

    public ObjectNode updateCustom(RequestContext ctx, ObjectNode in) {
        return putCustom(ctx, in, false);
    }

    private ObjectNode putCustom(RequestContext ctx, ObjectNode in, boolean create) {
        synchronized (state.lock) {
            Account a = state.account(ctx);
            String name = Inputs.text(in, "TemplateName");
            CustomVerificationTemplate old = a.verificationTemplates.find(name).orElse(null);
            if (create && old != null) {
                throw API.alreadyExists("AlreadyExistsException", "Custom verification email template " + name
                        + " already exists.");
            }
            if (!create && old == null) {
                throw missingCustom(name);
            }
            if (create && a.verificationTemplates.isFull()) {
                throw API.limitExceeded("Maximum number of custom verification email templates reached.");
            }
            CustomVerificationTemplate t = new CustomVerificationTemplate(name,
                    Inputs.text(in, "FromEmailAddress", old == null ? null : old.fromEmailAddress()),
                    Inputs.text(in, "TemplateSubject", old == null ? null : old.subject()),
                    Inputs.text(in, "TemplateContent", old == null ? null : old.content()),
                    Inputs.text(in, "SuccessRedirectionURL", old == null ? null : old.successRedirectionUrl()),
                    Inputs.text(in, "FailureRedirectionURL", old == null ? null : old.failureRedirectionUrl()));
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
            return CustomVerificationJson.summary(t).put("TemplateContent", t.content());
        }
    }

    public ObjectNode deleteCustom(RequestContext ctx, ObjectNode in) {
        String name = Inputs.text(in, "TemplateName");
        synchronized (state.lock) {
            if (!state.account(ctx).verificationTemplates.remove(name)) {
                throw missingCustom(name);
            }
        }
        return Outputs.object();
    }

    public ObjectNode listCustom(RequestContext ctx, ObjectNode in) {
        synchronized (state.lock) {
            return CustomVerificationJson.page(API, state.account(ctx).verificationTemplates.all(),
                    Inputs.text(in, "NextToken"), Inputs.pageSize(in, "PageSize", 50));
        }
    }

    public ObjectNode sendCustom(RequestContext ctx, ObjectNode in) {
        return Outputs.object().put("MessageId", verification.send(API, Scope.of(ctx), Inputs.text(in, "TemplateName"),
                Inputs.text(in, "EmailAddress"), Inputs.text(in, "ConfigurationSetName")));
    }

    private static RuntimeException missingCustom(String name) {
        return API.notFound("NotFoundException", "Custom verification email template " + name + " does not exist.");
    }
}
