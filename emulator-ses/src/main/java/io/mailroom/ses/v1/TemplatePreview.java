package io.mailroom.ses.v1;

import io.mailroom.core.request.RequestContext;
import io.mailroom.ses.SesState;
import io.mailroom.ses.api.Api;
import io.mailroom.ses.mime.ComposedMessage;
import io.mailroom.ses.mime.MimeComposer;
import io.mailroom.ses.sending.MessageIds;
import io.mailroom.ses.template.EmailTemplate;
import io.mailroom.ses.template.RenderedContent;
import io.mailroom.ses.template.RenderingException;
import io.mailroom.ses.template.TemplateRules;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * TestRenderTemplate / TestRenderEmailTemplate: AWS answers the complete MIME message the template
 * renders to (Date, Message-ID, Subject, MIME-Version, the parts), without sender or recipients.
 */
public final class TemplatePreview {
    private TemplatePreview() {
    }

    public static String render(Api api, SesState state, RequestContext ctx, EmailTemplate t, String data) {
        RenderedContent c;
        try {
            c = state.renderer.render(t, data);
        } catch (RenderingException e) {
            throw TemplateRules.renderError(api, e);
        }
        long now = state.now();
        String id = MessageIds.next(ctx.region(), now);
        byte[] raw = MimeComposer.compose(new ComposedMessage("sender@example.com", List.of(), List.of(), List.of(),
                c.subject(), c.text(), c.html(), null, List.of(), List.of()), MessageIds.header(id, ctx.region()), now);
        String rendered = new String(raw, StandardCharsets.UTF_8);
        return rendered.replaceFirst("(?m)^From: sender@example\\.com\\r?\\n", "");
    }
}
