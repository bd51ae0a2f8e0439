package io.mailroom.ses.engagement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The links SES would rewrite for click tracking in a message's HTML part: every {@code <a href>} to an
 * http(s) URL without the {@code ses:no-track} attribute, with the anchor's {@code ses:tags="k:v;k2:v2"}
 * as its link tags (https://docs.aws.amazon.com/ses/latest/dg/faqs-metrics.html). A regular expression is
 * enough here: it only has to find anchors the test author wrote, not to render HTML.
 */
public final class TrackedLinks {
    private static final Pattern ANCHOR = Pattern.compile("<a\\s([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTE = Pattern.compile(
            "([A-Za-z_:][-A-Za-z0-9_:.]*)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'>]+)))?");

    /** A trackable link and its tags. */
    public record Link(String url, Map<String, List<String>> tags) {
    }

    private TrackedLinks() {
    }

    public static List<Link> in(String html) {
        List<Link> links = new ArrayList<>();
        if (html == null) {
            return links;
        }
        Matcher anchor = ANCHOR.matcher(html);
        while (anchor.find()) {
            Map<String, String> attributes = attributes(anchor.group(1));
            String href = attributes.get("href");
            if (href == null || attributes.containsKey("ses:no-track")) {
                continue;
            }
            String url = unescape(href.trim());
            String lower = url.toLowerCase(Locale.ROOT);
            if (lower.startsWith("http://") || lower.startsWith("https://")) {
                links.add(new Link(url, tags(attributes.get("ses:tags"))));
            }
        }
        return links;
    }

    private static Map<String, String> attributes(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher a = ATTRIBUTE.matcher(text);
        while (a.find()) {
            String value = a.group(2) != null ? a.group(2) : a.group(3) != null ? a.group(3) : a.group(4);
            out.putIfAbsent(a.group(1).toLowerCase(Locale.ROOT), value == null ? "" : value);
        }
        return out;
    }

    /** {@code "campaign:spring;variant:b"} → {campaign=[spring], variant=[b]}. */
    static Map<String, List<String>> tags(String value) {
        Map<String, List<String>> tags = new LinkedHashMap<>();
        if (value == null) {
            return tags;
        }
        for (String pair : value.split(";")) {
            int colon = pair.indexOf(':');
            if (colon > 0) {
                tags.computeIfAbsent(pair.substring(0, colon).trim(), k -> new ArrayList<>())
                        .add(pair.substring(colon + 1).trim());
            }
        }
        return tags;
    }

    private static String unescape(String href) {
        return href.replace("&amp;", "&").replace("&#38;", "&").replace("&quot;", "\"").replace("&#39;", "'");
    }
}
