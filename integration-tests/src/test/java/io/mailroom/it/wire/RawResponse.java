package io.mailroom.it.wire;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** An HTTP/1.1 response as read off a socket: its start line, headers in order and body as UTF-8 text. */
public record RawResponse(String statusLine, List<Transcript.Header> headers, String body) {

    public Optional<String> header(String name) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Transcript.Header::value).findFirst();
    }

    /** Reads one response; a response to HEAD, a 204 and a 304 have no body whatever their headers say. */
    public static RawResponse read(InputStream in, String requestMethod) throws IOException {
        String statusLine = line(in);
        List<Transcript.Header> headers = new ArrayList<>();
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.add(new Transcript.Header(line.substring(0, colon).trim(), line.substring(colon + 1).trim()));
        }
        RawResponse head = new RawResponse(statusLine, List.copyOf(headers), "");
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        if (requestMethod.equals("HEAD") || status == 204 || status == 304) {
            return head;
        }
        byte[] body;
        if (head.header("Transfer-Encoding").map(v -> v.toLowerCase(Locale.ROOT).contains("chunked")).orElse(false)) {
            body = chunked(in);
        } else {
            body = in.readNBytes(Integer.parseInt(head.header("Content-Length").orElse("0")));
        }
        return new RawResponse(statusLine, head.headers(), new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] chunked(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            String size = line(in);
            int semicolon = size.indexOf(';');
            int length = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
            if (length == 0) {
                while (!line(in).isEmpty()) {
                    // trailers are not part of any transcript
                }
                return out.toByteArray();
            }
            out.write(in.readNBytes(length));
            line(in);
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("the connection closed inside a response");
            }
            line.write(b);
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }
}
