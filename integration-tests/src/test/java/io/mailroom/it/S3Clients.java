package io.mailroom.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * What the S3 test classes share: SDK v2 {@link S3Client}s (path style against the server's endpoint, or
 * virtual-hosted style through {@code <bucket>.localhost}), unique bucket names, digests as S3 computes
 * them, error assertions and a raw HTTP/1.1 request for Host headers java.net.http will not send.
 */
final class S3Clients {
    static final String ACCOUNT = "000000000000";
    /** Requests every client of this class sent, as the SDK put them on the wire (after signing). */
    static final List<SdkHttpRequest> SENT = new CopyOnWriteArrayList<>();
    static final S3Client S3 = s3(TestServer.credentials(), Region.US_EAST_1);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private S3Clients() {
    }

    /** A path-style client (the endpoint is an IP address, so the SDK would use path style anyway). */
    static S3Client s3(StaticCredentialsProvider credentials, Region region) {
        return S3Client.builder()
                .endpointOverride(TestServer.endpoint())
                .region(region)
                .credentialsProvider(credentials)
                .forcePathStyle(true)
                .httpClient(Apache5HttpClient.create())
                .overrideConfiguration(c -> c.addExecutionInterceptor(new Recorder()))
                .build();
    }

    /**
     * A client in the SDK's default addressing, virtual-hosted style: the endpoint is {@code http://localhost:port},
     * so the SDK sends {@code http://<bucket>.localhost:port/<key>}. This machine's resolver may not know
     * {@code *.localhost} (RFC 6761 says it should be loopback): the HTTP client resolves it to 127.0.0.1 itself.
     */
    static S3Client virtualHosted() {
        DnsResolver loopbackForLocalhost = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                if (host.toLowerCase(Locale.ROOT).endsWith(".localhost") || host.equalsIgnoreCase("localhost")) {
                    return new InetAddress[] {InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1})};
                }
                return SystemDefaultDnsResolver.INSTANCE.resolve(host);
            }

            @Override
            public String resolveCanonicalHostname(String host) throws UnknownHostException {
                return host;
            }
        };
        return S3Client.builder()
                .endpointOverride(URI.create("http://localhost:" + TestServer.get().port()))
                .region(Region.US_EAST_1)
                .credentialsProvider(TestServer.credentials())
                .httpClient(Apache5HttpClient.builder().dnsResolver(loopbackForLocalhost).build())
                .overrideConfiguration(c -> c.addExecutionInterceptor(new Recorder()))
                .build();
    }

    /** A valid bucket name no other test uses. */
    static String bucketName(String prefix) {
        return (prefix + "-" + SEQUENCE.incrementAndGet() + "-" + ProcessHandle.current().pid()).toLowerCase(Locale.ROOT);
    }

    /** Creates a us-east-1 bucket with a unique name and answers the name. */
    static String createBucket(String prefix) {
        String name = bucketName(prefix);
        S3.createBucket(b -> b.bucket(name));
        return name;
    }

    /** The last request the SDK sent for {@code operation} (as the SDK's metrics name it, e.g. "PutObject"). */
    static SdkHttpRequest lastSent(String method, String pathSuffix) {
        for (int i = SENT.size() - 1; i >= 0; i--) {
            SdkHttpRequest r = SENT.get(i);
            // A virtual-hosted request for the bucket itself has an empty path, which goes out as "/".
            String path = r.encodedPath().isEmpty() ? "/" : r.encodedPath();
            if (r.method().name().equals(method) && path.endsWith(pathSuffix)) {
                return r;
            }
        }
        throw new AssertionError("no " + method + " ..." + pathSuffix + " was sent");
    }

    // ---- digests as S3 reports them ----

    static byte[] md5(byte[] body) {
        try {
            return MessageDigest.getInstance("MD5").digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A single-part object's ETag: the MD5 in lowercase hex, in double quotes. */
    static String etag(byte[] body) {
        return '"' + HexFormat.of().formatHex(md5(body)) + '"';
    }

    static String etag(String body) {
        return etag(body.getBytes(StandardCharsets.UTF_8));
    }

    static String contentMd5(byte[] body) {
        return Base64.getEncoder().encodeToString(md5(body));
    }

    /** {@code x-amz-checksum-crc32}: the base64 of the big-endian CRC32. */
    static String crc32(byte[] body) {
        CRC32 crc = new CRC32();
        crc.update(body);
        long v = crc.getValue();
        return Base64.getEncoder().encodeToString(new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v});
    }

    // ---- errors ----

    /** Runs {@code call}, expects {@code type} with that REST-XML error code and HTTP status; answers it. */
    static <T extends S3Exception> T s3Error(Class<T> type, String code, int status, ThrowingCallable call) {
        T e = catchThrowableOfType(call, type);
        assertThat(e).as("expected %s (%s)", type.getSimpleName(), code).isNotNull();
        assertThat(e.statusCode()).as("HTTP status of %s", code).isEqualTo(status);
        if (code != null) {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
        }
        return e;
    }

    /** An S3Exception of exactly this code and status (S3 has no modelled exception for most errors). */
    static S3Exception s3Error(String code, int status, ThrowingCallable call) {
        return s3Error(S3Exception.class, code, status, call);
    }

    // ---- raw HTTP/1.1 ----

    record RawResponse(int status, Map<String, String> headers, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /**
     * An unsigned HTTP/1.1 request to 127.0.0.1 carrying any Host header (java.net.http refuses to set one).
     * Reads the whole answer ({@code Connection: close}); Content-Length framing only.
     */
    static RawResponse raw(String method, String host, String pathAndQuery, byte[] body) {
        return raw(method, host, pathAndQuery, Map.of(), body);
    }

    static RawResponse raw(String method, String host, String pathAndQuery, Map<String, String> extraHeaders, byte[] body) {
        String head = method + " " + pathAndQuery + " HTTP/1.1\r\nHost: " + host + "\r\n"
                + "Content-Length: " + body.length + "\r\n";
        for (Map.Entry<String, String> h : extraHeaders.entrySet()) {
            head += h.getKey() + ": " + h.getValue() + "\r\n";
        }
        return rawExchange(head, body);
    }

    /**
     * Sends {@code head} (the request line and headers, each line ending CRLF) with {@code Connection: close},
     * then {@code body} as it is: framed however the head says, or not at all.
     */
    static RawResponse rawExchange(String head, byte[] body) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), TestServer.get().port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((head + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] all = in.readAllBytes();
            int split = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(split).as("a complete HTTP response head").isPositive();
            String[] lines = new String(all, 0, split, StandardCharsets.ISO_8859_1).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim());
            }
            byte[] content = java.util.Arrays.copyOfRange(all, split + 4, all.length);
            return new RawResponse(status, headers, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Keeps what each client sent, for assertions on addressing and payload framing. */
    private static final class Recorder implements ExecutionInterceptor {
        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            SENT.add(context.httpRequest());
        }
    }
}
