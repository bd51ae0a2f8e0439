package io.mailroom.it.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * A golden transcript: requests as a client puts them on the wire, each followed by the response
 * expected back, byte for byte but for {@link Bindings placeholders}. The text format:
 * <pre>
 * # comments (why, with a link to AWS's documentation)
 * ### request
 * POST / HTTP/1.1
 * Content-Type: application/x-amz-json-1.0
 *
 * {"QueueName":"q"}
 * ### response
 * HTTP/1.1 200 OK
 * x-amzn-RequestId: {{uuid}}
 *
 * {"QueueUrl":"{{endpoint}}/000000000000/q"}
 * </pre>
 * A body runs to the next {@code ###}, without the blank lines and {@code # } comment lines before it (so no
 * golden body ends in a line break or a line starting "# ") and without its last line break. Only the response
 * headers a transcript names are checked ({@code Name: {{absent}}} checks one is not sent); Host and
 * Content-Length are added to requests by the runner.
 */
public record Transcript(String name, List<Exchange> exchanges) {

    public record Exchange(int line, Message request, Message response) {
    }

    /** A start line, headers in order, and a body. */
    public record Message(String startLine, List<Header> headers, String body) {
    }

    public record Header(String name, String value) {
    }

    public static Transcript parse(String name, String text) {
        String[] lines = text.split("\n", -1);
        List<Exchange> exchanges = new ArrayList<>();
        Message request = null;
        int requestLine = 0;
        int i = 0;
        while (i < lines.length && !lines[i].startsWith("###")) {
            if (!lines[i].isEmpty() && !lines[i].startsWith("#")) {
                throw new IllegalArgumentException(name + ":" + (i + 1) + ": text before the first ### section");
            }
            i++;
        }
        while (i < lines.length) {
            String marker = lines[i].trim();
            int start = i + 1;
            int end = start;
            while (end < lines.length && !lines[end].startsWith("###")) {
                end++;
            }
            Message message = message(name, lines, start, end);
            switch (marker) {
                case "### request" -> {
                    if (request != null) {
                        throw new IllegalArgumentException(name + ":" + (i + 1) + ": a request without a response before it");
                    }
                    request = message;
                    requestLine = i + 1;
                }
                case "### response" -> {
                    if (request == null) {
                        throw new IllegalArgumentException(name + ":" + (i + 1) + ": a response without a request");
                    }
                    exchanges.add(new Exchange(requestLine, request, message));
                    request = null;
                }
                default -> throw new IllegalArgumentException(name + ":" + (i + 1) + ": unknown section " + marker);
            }
            i = end;
        }
        if (request != null) {
            throw new IllegalArgumentException(name + ":" + requestLine + ": the last request has no response");
        }
        return new Transcript(name, List.copyOf(exchanges));
    }

    private static Message message(String name, String[] lines, int start, int end) {
        if (start >= end || lines[start].isEmpty()) {
            throw new IllegalArgumentException(name + ":" + (start + 1) + ": a section starts with its start line");
        }
        List<Header> headers = new ArrayList<>();
        int i = start + 1;
        for (; i < end && !lines[i].isEmpty(); i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException(name + ":" + (i + 1) + ": not a header: " + lines[i]);
            }
            headers.add(new Header(lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim()));
        }
        int last = end;
        while (last > i + 1 && (lines[last - 1].isEmpty() || lines[last - 1].startsWith("# "))) {
            last--;
        }
        StringBuilder body = new StringBuilder();
        for (int b = i + 1; b < last; b++) {
            if (b > i + 1) {
                body.append('\n');
            }
            body.append(lines[b]);
        }
        return new Message(lines[start], List.copyOf(headers), body.toString());
    }
}
