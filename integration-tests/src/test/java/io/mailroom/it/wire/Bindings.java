package io.mailroom.it.wire;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholders of a transcript and the values they stand for. In requests, {@code {{name}}} is a
 * value bound before ({@code {{name|url}}} form-encoded, for Query bodies). In expected responses,
 * {@code {{name}}} must be that value, {@code {{*}}} is any text, {@code {{uuid}}} a lower-case UUID,
 * {@code {{s3id}}} an S3 request id (sixteen upper-case hex digits), and {@code {{name=*}}},
 * {@code {{name=uuid}}} or {@code {{name=s3id}}} binds what it matched for the exchanges that follow
 * (receipt handles, message ids: what a server draws at random).
 */
public final class Bindings {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([^}]*)}}");
    private static final Pattern NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9]*");
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final String S3_REQUEST_ID = "[0-9A-F]{16}";

    private final Map<String, String> values = new HashMap<>();

    public void bind(String name, String value) {
        values.put(name, value);
    }

    /** The template with every placeholder replaced by its bound value. */
    public String substitute(String template) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String inside = m.group(1);
            boolean url = inside.endsWith("|url");
            String value = value(url ? inside.substring(0, inside.length() - 4) : inside);
            m.appendReplacement(out, Matcher.quoteReplacement(
                    url ? URLEncoder.encode(value, StandardCharsets.UTF_8) : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * Matches {@code actual} against the whole template; on success binds the template's captures and
     * returns true, otherwise binds nothing.
     */
    public boolean match(String template, String actual) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder regex = new StringBuilder();
        List<String> captures = new ArrayList<>();
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start())));
            String inside = m.group(1);
            int eq = inside.indexOf('=');
            String kind = eq < 0 ? inside : inside.substring(eq + 1);
            String part = switch (kind) {
                case "*" -> ".*?";
                case "uuid" -> UUID;
                case "s3id" -> S3_REQUEST_ID;
                default -> {
                    if (eq >= 0) {
                        throw new IllegalArgumentException("unknown placeholder kind: {{" + inside + "}}");
                    }
                    yield Pattern.quote(value(inside));
                }
            };
            if (eq >= 0) {
                String name = inside.substring(0, eq);
                if (!NAME.matcher(name).matches()) {
                    throw new IllegalArgumentException("not a placeholder name: " + name);
                }
                captures.add(name);
                regex.append("(?<").append(name).append('>').append(part).append(')');
            } else {
                regex.append(part.equals(".*?") ? part : "(?:" + part + ")");
            }
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        Matcher whole = Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(actual);
        if (!whole.matches()) {
            return false;
        }
        captures.forEach(name -> values.put(name, whole.group(name)));
        return true;
    }

    private String value(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("{{" + name + "}} is not bound here");
        }
        return value;
    }
}
