package io.mailroom.ses.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.ses.template.CustomVerificationTemplate;
import java.util.List;

/**
 * Custom verification email templates as both APIs answer them: v1 and v2 use the same members, and
 * only the name of the page-size parameter differs between their list operations.
 */
public final class CustomVerificationJson {

    private CustomVerificationJson() {
    }

    /** One template without its content, as the list and get operations show it. */
    public static ObjectNode summary(CustomVerificationTemplate t) {
        ObjectNode o = Outputs.object();
        o.put("TemplateName", t.name());
        Outputs.putIfNotNull(o, "FromEmailAddress", t.fromEmailAddress());
        Outputs.putIfNotNull(o, "TemplateSubject", t.subject());
        Outputs.putIfNotNull(o, "SuccessRedirectionURL", t.successRedirectionUrl());
        Outputs.putIfNotNull(o, "FailureRedirectionURL", t.failureRedirectionUrl());
        return o;
    }

    /** A page of {@code all} (sorted by name) after {@code nextToken}: the ListCustomVerificationEmailTemplates answer. */
    public static ObjectNode page(Api api, List<CustomVerificationTemplate> all, String nextToken, int pageSize) {
        PageToken.Page<CustomVerificationTemplate> page = PageToken.page(api, all, CustomVerificationTemplate::name,
                nextToken, pageSize);
        ObjectNode out = Outputs.object();
        ArrayNode items = out.putArray("CustomVerificationEmailTemplates");
        page.items().forEach(t -> items.add(summary(t)));
        Outputs.putIfNotNull(out, "NextToken", page.nextToken());
        return out;
    }
}
