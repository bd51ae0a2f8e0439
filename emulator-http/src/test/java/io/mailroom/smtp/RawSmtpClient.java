package io.mailroom.smtp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A socket that speaks raw SMTP: send exact bytes, read whole (multi-line) replies. */
final class RawSmtpClient implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RawSmtpClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(5000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    /** Connects, reads the greeting and says EHLO. */
    static RawSmtpClient greeted(int port) throws IOException {
        RawSmtpClient client = new RawSmtpClient(port);
        client.expect(220);
        client.command("EHLO client.test");
        client.expect(250);
        return client;
    }

    /** Connects, says EHLO and logs in with AUTH PLAIN. */
    static RawSmtpClient authenticated(int port, String user, String password) throws IOException {
        RawSmtpClient client = greeted(port);
        client.command("AUTH PLAIN " + plain(user, password));
        client.expect(235);
        return client;
    }

    static String plain(String user, String password) {
        return base64("\0" + user + "\0" + password);
    }

    static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    void command(String line) throws IOException {
        send(line + "\r\n");
    }

    void send(String raw) throws IOException {
        send(raw.getBytes(StandardCharsets.UTF_8));
    }

    void send(byte[] raw) throws IOException {
        out.write(raw);
        out.flush();
    }

    /** One reply, all its lines, without CRLFs; lines joined with "\n". */
    String reply() throws IOException {
        StringBuilder all = new StringBuilder();
        while (true) {
            String line = readLine();
            if (line == null) {
                throw new IOException("connection closed; got so far: " + all);
            }
            all.append(all.length() == 0 ? "" : "\n").append(line);
            if (line.length() < 4 || line.charAt(3) != '-') {
                return all.toString();
            }
        }
    }

    /** Reads a reply and checks its code; returns the reply. */
    String expect(int code) throws IOException {
        String reply = reply();
        if (!reply.startsWith(Integer.toString(code))) {
            throw new AssertionError("expected " + code + " but got: " + reply);
        }
        return reply;
    }

    /** Whether the server has closed the connection: EOF (or a reset) within half a second. */
    boolean closedByServer() throws IOException {
        socket.setSoTimeout(500);
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.UTF_8);
            }
            line.write(b);
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
