package io.mailroom.ses.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.jknack.handlebars.Context;
import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.HandlebarsException;
import com.github.jknack.handlebars.Helper;
import com.github.jknack.handlebars.Template;
import com.github.jknack.handlebars.context.MapValueResolver;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders SES templates with Handlebars semantics ({{var}}, dotted paths, {{#if}}, {{#unless}},
 * {{#each}}, {{else}}, HTML escaping of {{var}} and none for {{{var}}}).
 *
 * <p>Where SES is stricter than plain Handlebars: a plain {{tag}} whose value is absent from the data
 * is an error, not an empty string ("Attribute 'name' is not present in the rendering data."), for
 * TestRenderTemplate synchronously and for a templated send as a Rendering Failure event
 * (https://docs.aws.amazon.com/ses/latest/dg/send-personalized-email-advanced.html). Block helpers treat a
 * missing value as false, as Handlebars does. The data must be a JSON object.
 */
public final class TemplateRenderer {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Handlebars is set up on the first template compiled, not with the server: loading it is a tenth of a
     * second of start-up that a server never asked for a template does not need. The instance is
     * stateless once configured, so one serves every renderer.
     */
    private static final class Engine {
        static final Handlebars HANDLEBARS = create();

        private static Handlebars create() {
            Handlebars handlebars = new Handlebars();
            handlebars.registerHelperMissing((Helper<Object>) (context, options) -> {
                // A block ({{#name}}) over a missing value renders its inverse, like Handlebars; only a
                // plain tag must have a value.
                if (options.tagType.inline()) {
                    throw new MissingValue(options.helperName);
                }
                return options.inverse();
            });
            return handlebars;
        }
    }

    /** Checks that every part compiles (CreateTemplate/UpdateTemplate refuse templates that do not). */
    public void validate(EmailTemplate template) throws RenderingException {
        for (String part : parts(template)) {
            compile(part);
        }
    }

    public RenderedContent render(EmailTemplate template, String templateData) throws RenderingException {
        Map<String, Object> data = parseData(templateData);
        return new RenderedContent(apply(template.subject(), data), apply(template.text(), data),
                apply(template.html(), data));
    }

    /** Merges bulk replacement data over the default data (top-level keys of the replacement win). */
    public static String merge(String defaultData, String replacementData) throws RenderingException {
        if (replacementData == null || replacementData.isBlank()) {
            return defaultData;
        }
        Map<String, Object> merged = new LinkedHashMap<>(parseData(defaultData));
        merged.putAll(parseData(replacementData));
        try {
            return JSON.writeValueAsString(merged);
        } catch (IOException e) {
            throw new RenderingException(RenderingException.Kind.INVALID_DATA, e.getMessage());
        }
    }

    private String apply(String part, Map<String, Object> data) throws RenderingException {
        if (part == null) {
            return null;
        }
        Template template = compile(part);
        Context context = Context.newBuilder(data).resolver(MapValueResolver.INSTANCE).build();
        try {
            return template.apply(context);
        } catch (HandlebarsException e) {
            MissingValue missing = missingCause(e);
            if (missing != null) {
                throw new RenderingException(RenderingException.Kind.MISSING_ATTRIBUTE,
                        "Attribute '" + missing.name + "' is not present in the rendering data.");
            }
            throw new RenderingException(RenderingException.Kind.INVALID_TEMPLATE, e.getMessage());
        } catch (MissingValue e) {
            throw new RenderingException(RenderingException.Kind.MISSING_ATTRIBUTE,
                    "Attribute '" + e.name + "' is not present in the rendering data.");
        } catch (IOException e) {
            throw new RenderingException(RenderingException.Kind.INVALID_TEMPLATE, e.getMessage());
        } finally {
            context.destroy();
        }
    }

    private Template compile(String part) throws RenderingException {
        try {
            return Engine.HANDLEBARS.compileInline(part);
        } catch (IOException | HandlebarsException e) {
            throw new RenderingException(RenderingException.Kind.INVALID_TEMPLATE,
                    "Template has invalid syntax: " + firstLine(e.getMessage()));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parseData(String templateData) throws RenderingException {
        JsonNode node;
        try {
            node = JSON.readTree(templateData == null || templateData.isBlank() ? "{}" : templateData);
        } catch (IOException e) {
            throw new RenderingException(RenderingException.Kind.INVALID_DATA,
                    "Template data must be valid JSON: " + firstLine(e.getMessage()));
        }
        if (node == null || !node.isObject()) {
            throw new RenderingException(RenderingException.Kind.INVALID_DATA, "Template data must be a JSON object.");
        }
        return JSON.convertValue(node, Map.class);
    }

    private static MissingValue missingCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MissingValue m) {
                return m;
            }
        }
        return null;
    }

    private static List<String> parts(EmailTemplate t) {
        List<String> parts = new ArrayList<>(3);
        for (String p : new String[] {t.subject(), t.text(), t.html()}) {
            if (p != null) {
                parts.add(p);
            }
        }
        return parts;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** Thrown from the missing-helper hook; unwrapped into MISSING_ATTRIBUTE. */
    private static final class MissingValue extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String name;

        MissingValue(String name) {
            super(name, null, false, false);
            this.name = name;
        }
    }
}
