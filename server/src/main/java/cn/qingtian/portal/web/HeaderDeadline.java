package cn.qingtian.portal.web;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import reactor.netty.NettyPipeline;

/**
 * A deadline for a request's headers on one connection (slowloris, finding D of the second outside
 * review): the first request's headers must be complete within {@code portal.http.first-request-
 * timeout} of the connection being accepted, and each later request's within the same time of its
 * first byte. It is absolute, not an idle timer: a client sending a header line every few seconds
 * kept a connection open for a minute while the earlier timeout closed only silent connections and
 * the idle timeout was reset by every byte.
 *
 * <p>Two handlers share the deadline: this one, first in the pipeline, sees the bytes (so it knows
 * when a later request begins); {@link Requests}, right after Reactor Netty's HTTP codec, sees the
 * decoded request and cancels it. A request's body is not bounded here (a slow upload is
 * legitimate; the request timeouts and the idle timeout bound it): the next deadline starts only
 * with the first byte after the request's last content. Bytes of the next request that arrive in
 * the same read as the end of the previous one start no deadline until more arrive; the idle
 * timeout ({@code server.netty.idle-timeout}) covers such a connection that then goes silent. Once
 * the connection is no longer HTTP/1.1 (a WebSocket upgrade removes the codec), it steps aside. A
 * connection that has no HTTP/1.1 codec when it becomes active (HTTP/2 negotiated over TLS adds it
 * later) cannot be told apart mid-headers, so for it only silence is bounded, as before.
 *
 * <p>All state is touched on the connection's event loop only.
 */
final class HeaderDeadline extends ChannelInboundHandlerAdapter {

  static final String NAME = "portal.headerDeadline";

  private final long nanos;
  private @Nullable ScheduledFuture<?> pending;

  /** Whether the last request has been read to its end, so the next byte starts a request. */
  private boolean betweenRequests;

  /**
   * Whether the connection had Reactor Netty's HTTP/1.1 codec, after which {@link Requests} sits.
   */
  private boolean http;

  HeaderDeadline(long nanos) {
    this.nanos = nanos;
  }

  @Override
  public void channelActive(ChannelHandlerContext context) throws Exception {
    http = context.pipeline().get(NettyPipeline.HttpCodec) != null;
    if (http) {
      context.pipeline().addAfter(NettyPipeline.HttpCodec, NAME, new Requests());
    }
    arm(context);
    super.channelActive(context);
  }

  @Override
  public void channelRead(ChannelHandlerContext context, Object message) {
    if (!http) {
      // No HTTP/1.1 codec to tell when headers end: only a silent connection is closed.
      cancel();
      context.pipeline().remove(this);
    } else if (betweenRequests && message instanceof ByteBuf bytes && bytes.isReadable()) {
      betweenRequests = false;
      if (context.pipeline().get(NettyPipeline.HttpCodec) == null) {
        context.pipeline().remove(NAME);
        context.pipeline().remove(this);
      } else {
        arm(context);
      }
    }
    context.fireChannelRead(message);
  }

  @Override
  public void channelInactive(ChannelHandlerContext context) throws Exception {
    cancel();
    super.channelInactive(context);
  }

  private void arm(ChannelHandlerContext context) {
    cancel();
    pending =
        context.executor().schedule(() -> context.channel().close(), nanos, TimeUnit.NANOSECONDS);
  }

  private void cancel() {
    if (pending != null) {
      pending.cancel(false);
      pending = null;
    }
  }

  /** After the HTTP codec: a decoded request meets the deadline; its last content ends it. */
  private final class Requests extends ChannelInboundHandlerAdapter {

    @Override
    public void channelRead(ChannelHandlerContext context, Object message) {
      if (message instanceof HttpRequest) {
        cancel();
      }
      if (message instanceof LastHttpContent) {
        betweenRequests = true;
      }
      context.fireChannelRead(message);
    }
  }
}
