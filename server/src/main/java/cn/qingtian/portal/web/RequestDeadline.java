package cn.qingtian.portal.web;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import reactor.netty.NettyPipeline;

/**
 * A deadline for receiving a whole request, headers and body, on one connection (slowloris:
 * docs/reliability.md, second-round finding D, and its second look at bodies): the first request
 * must be received completely within {@code portal.http.first-request-timeout} of the connection
 * being accepted, and each later request within the same time of its first byte; otherwise the
 * connection is closed. It is absolute, not an idle timer: a client sending a header line every few
 * seconds kept a connection open for a minute while the earlier timeout closed only silent
 * connections and the idle timeout was reset by every byte; and when the deadline covered headers
 * only, a body trickled a byte every few seconds held a connection open without bound, even after
 * the server had answered (a 404 for a static path, a 503 for {@code /graphql}) and was only
 * discarding what came.
 *
 * <p>Why bodies get the same time as headers: the portal takes no uploads, and the largest body it
 * reads, a GraphQL request, is bounded by the codec's buffer ({@code spring.codec.max-in-memory-
 * size}, 256 KB), which at the default 10 s is 25 KB/s, and real queries are a few KB; a separate
 * setting would be one more knob with nothing to tune it for. The server reads a body as it comes
 * (the GraphQL codec aggregates it, a path that ignores it has Reactor Netty discard it), so a
 * client is never held back by the server past its deadline.
 *
 * <p>Two handlers share the deadline: this one, first in the pipeline, sees the bytes (so it knows
 * when a later request begins); {@link Requests}, right after Reactor Netty's HTTP codec, sees the
 * decoded request and cancels the deadline at its last content. The next deadline starts with the
 * first byte after that. Bytes of the next request that arrive in the same read as the end of the
 * previous one start no deadline until more arrive; the idle timeout ({@code
 * server.netty.idle-timeout}) covers such a connection that then goes silent. Once the connection
 * is no longer HTTP/1.1 (a WebSocket upgrade removes the codec), it steps aside. A connection that
 * has no HTTP/1.1 codec when it becomes active (HTTP/2 negotiated over TLS adds it later) cannot be
 * told apart mid-request, so for it only silence is bounded, as before.
 *
 * <p>All state is touched on the connection's event loop only.
 */
final class RequestDeadline extends ChannelInboundHandlerAdapter {

  static final String NAME = "portal.requestDeadline";

  private final long nanos;
  private @Nullable ScheduledFuture<?> pending;

  /** Whether the last request has been read to its end, so the next byte starts a request. */
  private boolean betweenRequests;

  /**
   * Whether the connection had Reactor Netty's HTTP/1.1 codec, after which {@link Requests} sits.
   */
  private boolean http;

  RequestDeadline(long nanos) {
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
      // No HTTP/1.1 codec to tell when a request ends: only a silent connection is closed.
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

  /**
   * After the HTTP codec: a request's last content (a request without a body has an empty one)
   * meets the deadline. Its headers alone do not: the server may answer before the body is in, and
   * a body that never ends would then hold the connection.
   */
  private final class Requests extends ChannelInboundHandlerAdapter {

    @Override
    public void channelRead(ChannelHandlerContext context, Object message) {
      if (message instanceof LastHttpContent) {
        cancel();
        betweenRequests = true;
      }
      context.fireChannelRead(message);
    }
  }
}
