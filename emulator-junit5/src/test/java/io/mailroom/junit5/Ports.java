package io.mailroom.junit5;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** Whether a server still listens: a closed server's port refuses connections. */
final class Ports {
    private Ports() {
    }

    static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
