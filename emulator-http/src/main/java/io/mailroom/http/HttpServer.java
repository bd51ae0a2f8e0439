package io.mailroom.http;

import io.mailroom.core.time.Clock;
import io.mailroom.http.dispatch.Dispatcher;
import io.mailroom.http.dispatch.OversizedRequest;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.FullHttpMessage;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The Netty HTTP/1.1 listener: keep-alive, pipelining, a request body limit. */
public final class HttpServer implements AutoCloseable {
    /**
     * Reads into buffers of at least 16 KiB, growing to 64 KiB for large bodies. Netty's default starts at
     * 2 KiB and shrinks after small reads, so a client alternating small calls with 10-message batches
     * (~12 KiB) needed two or three reads per batch; the buffers are pooled and released with the request.
     */
    private static final AdaptiveRecvByteBufAllocator READ_BUFFERS =
            new AdaptiveRecvByteBufAllocator(16 * 1024, 16 * 1024, 64 * 1024);

    private final EventLoopGroup group;
    private final Channel channel;

    private HttpServer(EventLoopGroup group, Channel channel) {
        this.group = group;
        this.channel = channel;
    }

    public static HttpServer start(String host, int port, int maxBodyBytes, Transport transport, Dispatcher dispatcher,
                                   Clock clock) throws InterruptedException {
        EventLoopGroup group = transport.group();
        DateHeader date = new DateHeader(clock);
        try {
            ServerBootstrap bootstrap = new ServerBootstrap()
                    .group(group)
                    .channel(transport.serverChannel())
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childOption(ChannelOption.RCVBUF_ALLOCATOR, READ_BUFFERS)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            configure(ch.pipeline(), maxBodyBytes, dispatcher, date);
                        }
                    });
            return new HttpServer(group, ListenException.bind(bootstrap, new InetSocketAddress(host, port), "HTTP"));
        } catch (InterruptedException | RuntimeException e) {
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            throw e;
        }
    }

    /** One connection's handlers. */
    static void configure(ChannelPipeline pipeline, int maxBodyBytes, Dispatcher dispatcher, DateHeader date) {
        ApiChannelHandler api = new ApiChannelHandler(dispatcher, date);
        pipeline.addLast("input", api.input())
                .addLast("http", new HttpServerCodec(64 * 1024, LastAnswer.MAX_HEADER_SECTION, 64 * 1024))
                .addLast("aggregate", new BodyLimit(maxBodyBytes, api))
                .addLast("api", api);
    }

    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    /** Stops accepting, lets in-flight exchanges finish for a moment, then closes every connection. */
    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        group.shutdownGracefully(100, 2000, TimeUnit.MILLISECONDS).syncUninterruptibly();
    }

    /**
     * The aggregator, named for what it enforces here. A request whose body is over the limit goes on without
     * its body, as an {@link OversizedRequest}: the dispatcher answers it with an AWS error in the protocol the
     * request used. As with Netty's own answer, a keep-alive request whose body was announced too long has the
     * rest of its body read and dropped, and the connection serves on; otherwise the connection closes after
     * the answer.
     * <p>
     * The request goes on framed as the client framed it: Netty's aggregator would drop {@code chunked} from
     * Transfer-Encoding and make up a Content-Length where there was none, but S3 refuses an upload in HTTP
     * chunks and one without a Content-Length, each with an error of its own.
     */
    private static final class BodyLimit extends HttpObjectAggregator {
        private final int maxBodyBytes;
        private final ApiChannelHandler api;
        private boolean discardingBody;

        BodyLimit(int maxBodyBytes, ApiChannelHandler api) {
            super(maxBodyBytes, true);
            this.maxBodyBytes = maxBodyBytes;
            this.api = api;
        }

        /**
         * Netty would answer a bare 413 at once; the AWS SDKs (S3's PutObject) send {@code Expect: 100-continue}.
         * Netty would also send the {@code 100 Continue} at once, ahead of the answers still owed to earlier
         * pipelined requests, where the client takes it for the interim answer of the earliest of them
         * (RFC 9110 section 15.2.1, https://www.rfc-editor.org/rfc/rfc9110#section-15.2.1): it goes when this
         * request's turn comes.
         */
        @Override
        protected Object newContinueResponse(HttpMessage start, int maxContentLength, ChannelPipeline pipeline) {
            if (HttpUtil.is100ContinueExpected(start)
                    && (HttpUtil.getContentLength(start, -1L) > maxContentLength || !api.continueNowOrInTurn())) {
                return null;
            }
            return super.newContinueResponse(start, maxContentLength, pipeline);
        }

        @Override
        protected FullHttpMessage beginAggregation(HttpMessage start, ByteBuf content) throws Exception {
            if (start instanceof HttpRequest request) {
                api.input().headersReceived(request);
            }
            if (!start.headers().contains(HttpHeaderNames.TRANSFER_ENCODING)) {
                return super.beginAggregation(start, content); // the usual request: nothing to keep
            }
            List<String> transferEncoding = start.headers().getAll(HttpHeaderNames.TRANSFER_ENCODING);
            FullHttpMessage aggregated = super.beginAggregation(start, content);
            aggregated.headers().set(HttpHeaderNames.TRANSFER_ENCODING, transferEncoding);
            return aggregated;
        }

        @Override
        protected void finishAggregation(FullHttpMessage aggregated) {
            // Netty would add the Content-Length the client did not send.
        }

        /**
         * After an oversized request the connection serves on: the aggregator drops the rest of its body as it
         * comes, and once the body's end has passed the input watch must know the request is over, or it would
         * time out the idle connection.
         */
        @Override
        protected void decode(ChannelHandlerContext ctx, HttpObject msg, List<Object> out) throws Exception {
            super.decode(ctx, msg, out);
            if (discardingBody && msg instanceof LastHttpContent) {
                discardingBody = false;
                api.input().requestReceived();
            }
        }

        @Override
        protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
            if (oversized instanceof HttpRequest start) {
                boolean last = oversized instanceof FullHttpMessage || HttpUtil.is100ContinueExpected(start)
                        || !HttpUtil.isKeepAlive(start);
                discardingBody = !last;
                ctx.fireChannelRead(OversizedRequest.of(start, maxBodyBytes, last));
            } else {
                ctx.close();
            }
        }
    }
}
