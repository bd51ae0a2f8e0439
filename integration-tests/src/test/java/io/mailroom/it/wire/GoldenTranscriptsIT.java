package io.mailroom.it.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.mailroom.server.Mailroom;
import io.mailroom.server.ServerConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays every transcript under {@code src/test/resources/golden} against a fresh server whose clock stands
 * at {@link #NOW}, over one keep-alive connection, and holds each response to the transcript's: the wire
 * details the SDK tests only see through a client's parser (element order, namespaces, headers, the exact
 * error bodies).
 */
class GoldenTranscriptsIT {
    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
    /** {@code -Dmailroom.golden.show=true} on Maven's command line prints every response: a help for writing one. */
    private static final boolean SHOW = Boolean.getBoolean("mailroom.golden.show");
    /** An expected header's value that asks for the header not to be sent at all. */
    private static final String ABSENT = "{{absent}}";

    static Stream<String> transcripts() throws IOException, URISyntaxException {
        Path dir = Path.of(GoldenTranscriptsIT.class.getResource("/golden").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".http")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("transcripts")
    void theServerAnswersAsTheTranscriptSays(String file) throws Exception {
        Transcript transcript;
        try (InputStream in = GoldenTranscriptsIT.class.getResourceAsStream("/golden/" + file)) {
            transcript = Transcript.parse(file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertThat(transcript.exchanges()).isNotEmpty();
        try (Mailroom server = Mailroom.start(ServerConfig.defaults().withPort(0).withSmtpPort(-1))) {
            server.clock().freeze();
            server.clock().set(NOW);
            Bindings bindings = new Bindings();
            bindings.bind("endpoint", server.endpoint().toString());
            bindings.bind("host", server.endpoint().getAuthority());
            try (Socket socket = new Socket(server.endpoint().getHost(), server.port())) {
                socket.setSoTimeout(30_000);
                OutputStream out = socket.getOutputStream();
                InputStream in = socket.getInputStream();
                for (Transcript.Exchange exchange : transcript.exchanges()) {
                    String method = bindings.substitute(exchange.request().startLine()).split(" ")[0];
                    out.write(render(exchange.request(), bindings));
                    out.flush();
                    RawResponse actual = RawResponse.read(in, method);
                    if (SHOW) {
                        System.out.printf("--- %s:%d ---%n%s%n", file, exchange.line(), show(actual));
                    }
                    mismatch(exchange.response(), actual, bindings).ifPresent(why -> fail(
                            "%s:%d: %s%n--- actual response ---%n%s", file, exchange.line(), why, show(actual)));
                }
            }
        }
    }

    private static byte[] render(Transcript.Message request, Bindings bindings) {
        byte[] body = bindings.substitute(request.body()).getBytes(StandardCharsets.UTF_8);
        String method = request.startLine().split(" ")[0];
        StringBuilder head = new StringBuilder(bindings.substitute(request.startLine())).append("\r\n");
        if (request.headers().stream().noneMatch(h -> h.name().equalsIgnoreCase("Host"))) {
            head.append("Host: ").append(bindings.substitute("{{host}}")).append("\r\n");
        }
        for (Transcript.Header h : request.headers()) {
            head.append(h.name()).append(": ").append(bindings.substitute(h.value())).append("\r\n");
        }
        if (body.length > 0 || method.equals("POST") || method.equals("PUT")) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(body);
        return bytes.toByteArray();
    }

    private static Optional<String> mismatch(Transcript.Message expected, RawResponse actual, Bindings bindings) {
        if (!bindings.match(expected.startLine(), actual.statusLine())) {
            return Optional.of("status line: expected " + expected.startLine());
        }
        for (Transcript.Header h : expected.headers()) {
            Optional<String> value = actual.header(h.name());
            if (h.value().equals(ABSENT)) {
                if (value.isPresent()) {
                    return Optional.of("header " + h.name() + " should be absent");
                }
                continue;
            }
            if (value.isEmpty()) {
                return Optional.of("no header " + h.name());
            }
            if (!bindings.match(h.value(), value.get())) {
                return Optional.of("header " + h.name() + ": expected " + h.value());
            }
        }
        if (!bindings.match(expected.body(), actual.body())) {
            return Optional.of("body: expected" + System.lineSeparator() + expected.body());
        }
        return Optional.empty();
    }

    private static String show(RawResponse response) {
        StringBuilder out = new StringBuilder(response.statusLine()).append('\n');
        response.headers().forEach(h -> out.append(h.name()).append(": ").append(h.value()).append('\n'));
        return out.append('\n').append(response.body()).toString();
    }
}
