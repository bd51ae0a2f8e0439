package io.mailroom.ses.v2;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mailroom.ses.api.Api;
import io.mailroom.ses.template.EmailTemplate;
import java.util.regex.Pattern;

/**
 * What SES v2 asks of a template sent with the request: template data that parses as JSON
 * (<a href="https://github.com/aws/aws-cli/issues/6349">aws-cli#6349</a>), and, for content given in full,
 * "only simple substitutions" (the model's {@code Template.TemplateContent}): {@code {{name}}} or
 * {@code {{a.b}}}, no sections, partials, helpers or comments
 * (<a href="https://github.com/aws/aws-sdk-js-v3/issues/6657">aws-sdk-js-v3#6657</a>).
 */
final class InlineTemplates {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TAG = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL);
    private static final Pattern SIMPLE = Pattern.compile("\\s*[A-Za-z0-9_$-]+(\\.[A-Za-z0-9_$-]+)*\\s*");

    private InlineTemplates() {
    }

    static void checkData(String data) {
        if (data == null) {
            return;
        }
        try {
            JSON.readTree(data);
        } catch (JsonProcessingException e) {
            throw Api.V2.invalidParameter("Unable to parse template data (invalid JSON).");
        }
    }

    static void checkSimple(EmailTemplate template) {
        for (String part : new String[] {template.subject(), template.text(), template.html()}) {
            if (part != null && !simpleOnly(part)) {
                throw Api.V2.invalidParameter("Template contains unsupported operations.");
            }
        }
    }

    private static boolean simpleOnly(String text) {
        var tags = TAG.matcher(text);
        while (tags.find()) {
            if (!SIMPLE.matcher(tags.group(1)).matches()) {
                return false;
            }
        }
        return true;
    }
}
