package io.mailroom.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import java.net.InetSocketAddress;

/**
 * A listener (the API's HTTP, SES's SMTP) could not bind: its port is taken, not allowed, or the address
 * is not this machine's. Unchecked, unlike the {@code IOException} Netty reports, so start-up's clean-up
 * (closing what already listens, stopping the event loops) runs and the process can end.
 */
public final class ListenException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String listener;
    private final int port;

    private ListenException(String listener, InetSocketAddress address, Throwable cause) {
        super("cannot listen for " + listener + " on " + address.getHostString() + ":" + address.getPort() + ": "
                + cause.getMessage(), cause);
        this.listener = listener;
        this.port = address.getPort();
    }

    /**
     * Binds and waits for the outcome.
     *
     * @param listener what listens, for the message: "HTTP", "SMTP"
     * @throws ListenException if the bind fails
     */
    public static Channel bind(ServerBootstrap bootstrap, InetSocketAddress address, String listener)
            throws InterruptedException {
        ChannelFuture bound = bootstrap.bind(address).await();
        if (!bound.isSuccess()) {
            throw new ListenException(listener, address, bound.cause());
        }
        return bound.channel();
    }

    /** "HTTP" or "SMTP". */
    public String listener() {
        return listener;
    }

    public int port() {
        return port;
    }
}
