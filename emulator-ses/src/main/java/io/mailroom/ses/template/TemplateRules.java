package io.mailroom.ses.template;

import io.mailroom.ses.api.Api;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** What SES checks before storing a template, with each API's error. */
public final class TemplateRules {
    /** "The name can contain up to 64 characters: letters, numbers, underscores and dashes." */
    private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9_-]{1,64}$");

    private TemplateRules() {
    }

    public static void check(Api api, TemplateRenderer renderer, EmailTemplate t) {
        if (t.name() == null || !NAME.matcher(t.name()).matches()) {
            throw api.invalidParameter("Template name must contain only ASCII letters (a-z, A-Z), numbers (0-9),"
                    + " underscores (_), or dashes (-) and be at most 64 characters long.");
        }
        int size = bytes(t.subject()) + bytes(t.text()) + bytes(t.html());
        if (size > Templates.MAX_TEMPLATE_BYTES) {
            throw api.invalidTemplate("Template size exceeds the maximum of " + Templates.MAX_TEMPLATE_BYTES + " bytes.");
        }
        try {
            renderer.validate(t);
        } catch (RenderingException e) {
            throw api.invalidTemplate(e.getMessage());
        }
    }

    /** Maps a rendering failure to the error TestRenderTemplate / TestRenderEmailTemplate answer. */
    public static RuntimeException renderError(Api api, RenderingException e) {
        return switch (e.kind()) {
            case MISSING_ATTRIBUTE -> api.missingRenderingAttribute(e.getMessage());
            case INVALID_DATA -> api.invalidRenderingParameter(e.getMessage());
            case INVALID_TEMPLATE -> api.invalidTemplate(e.getMessage());
        };
    }

    private static int bytes(String s) {
        return s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length;
    }
}
