package cn.qingtian.portal.web;

import cn.qingtian.portal.operations.PortalMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import reactor.netty.http.server.HttpServer;

/**
 * A bound on open connections, as Tomcat's {@code maxConnections}: at {@code max} the server stops
 * accepting, so a new connection waits in the kernel's backlog (its client gets a late answer, not
 * an error), and accepting resumes as soon as one closes. Admission control ({@link InFlightLimit})
 * bounds the requests being worked on, not the connections: a client that opens a connection for
 * every request it cannot send on an idle one would otherwise exhaust the process's file
 * descriptors, and with them the site's files, the downloads and the database connections.
 */
final class ConnectionLimit implements NettyServerCustomizer, MeterBinder {

  private final int max;
  private final AtomicInteger open = new AtomicInteger();

  ConnectionLimit(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("portal.http.max-connections must be at least 1: " + max);
    }
    this.max = max;
  }

  @Override
  public HttpServer apply(HttpServer server) {
    return server.doOnBound(bound -> bound.channel().pipeline().addFirst(new Gate()));
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    PortalMetrics.connections(registry, open);
  }

  int open() {
    return open.get();
  }

  /**
   * On the listening channel, before Netty sets up each accepted connection. Accepting is stopped
   * and resumed only on the listening channel's own thread. Stopped there, it stops before the next
   * accept with the epoll transport (Linux), which hands on connections one by one; the NIO
   * transport accepts up to 16 before handing them on, so it may go up to 15 over the bound.
   */
  private final class Gate extends ChannelInboundHandlerAdapter {

    /** Whether this gate stopped accepting (Netty also does, for a second, when accept fails). */
    private boolean paused;

    @Override
    public void channelRead(ChannelHandlerContext context, Object accepted) {
      Channel server = context.channel();
      if (open.incrementAndGet() >= max) {
        paused = true;
        server.config().setAutoRead(false);
      }
      ((Channel) accepted)
          .closeFuture()
          .addListener(
              closed -> {
                open.decrementAndGet();
                try {
                  server.eventLoop().execute(() -> resume(server));
                } catch (RejectedExecutionException shuttingDown) {
                  // The server is stopping: there is nothing to resume.
                }
              });
      context.fireChannelRead(accepted);
    }

    private void resume(Channel server) {
      if (paused && open.get() < max) {
        paused = false;
        server.config().setAutoRead(true);
      }
    }
  }
}
