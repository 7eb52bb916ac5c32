package cn.qingtian.portal.web;

import cn.qingtian.portal.operations.PortalMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import reactor.netty.http.server.HttpServer;

/**
 * Bounds on open connections, so that no client, and no one host, can take the server from everyone
 * else.
 *
 * <p>In all, as Tomcat's {@code maxConnections}: at {@code max} the server stops accepting, so a
 * new connection waits in the kernel's backlog (its client gets a late answer, not an error), and
 * accepting resumes as soon as one closes. Admission control ({@link InFlightLimit}) bounds the
 * requests being worked on, not the connections: a client that opens a connection for every request
 * it cannot send on an idle one would otherwise exhaust the process's file descriptors, and with
 * them the site's files, the downloads and the database connections.
 *
 * <p>Per address: one host may hold at most {@code maxPerAddress} of them; a connection beyond is
 * closed as soon as it is accepted, before it counts against the whole, so one host opening
 * thousands of connections fills its own share and never the server's (docs/reliability.md, attack
 * finding 10). Trusted proxies speak for many people (as a carrier's NAT does) and are held to the
 * total bound only.
 *
 * <p>A connection whose first request is not received completely, headers and body, within {@code
 * firstRequestTimeout} of being accepted is closed, whether it sends nothing or trickles a header
 * line or a body byte now and then (slowloris); a later request gets the same time from its first
 * byte ({@link RequestDeadline}). Connections opened to hold slots are given back quickly. Between
 * requests of a kept-alive connection, the server's {@code server.netty.idle-timeout} applies.
 */
final class ConnectionLimit implements NettyServerCustomizer, MeterBinder {

  private final int max;
  private final int maxPerAddress;
  private final long firstRequestTimeoutNanos;
  private final Set<String> unlimited;
  private final AtomicInteger open = new AtomicInteger();
  private final ConcurrentHashMap<String, AtomicInteger> perAddress = new ConcurrentHashMap<>();

  /**
   * @param max open connections in all
   * @param maxPerAddress open connections from one address that is not a trusted proxy
   * @param firstRequestTimeout how long after accept the first request may take to arrive
   *     completely, headers and body, and a later request after its first byte
   * @param trustedProxies the addresses held to {@code max} only
   */
  ConnectionLimit(
      int max, int maxPerAddress, Duration firstRequestTimeout, Set<String> trustedProxies) {
    if (max < 1) {
      throw new IllegalArgumentException("portal.http.max-connections must be at least 1: " + max);
    }
    if (maxPerAddress < 1) {
      throw new IllegalArgumentException(
          "portal.http.max-connections-per-address must be at least 1: " + maxPerAddress);
    }
    if (firstRequestTimeout.isNegative() || firstRequestTimeout.isZero()) {
      throw new IllegalArgumentException(
          "portal.http.first-request-timeout must be positive: " + firstRequestTimeout);
    }
    this.max = max;
    this.maxPerAddress = maxPerAddress;
    this.firstRequestTimeoutNanos = firstRequestTimeout.toNanos();
    this.unlimited = Set.copyOf(trustedProxies);
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

  /** The connections open from this address (0 for trusted proxies, which are not counted). */
  int openFrom(String address) {
    AtomicInteger count = perAddress.get(address);
    return count == null ? 0 : count.get();
  }

  /** The address a connection comes from, as {@code ClientAddress} writes it; null if unknown. */
  static @Nullable String address(@Nullable SocketAddress remote) {
    if (remote instanceof InetSocketAddress inet) {
      return inet.getAddress() != null ? inet.getAddress().getHostAddress() : inet.getHostString();
    }
    return null;
  }

  /** Counts a connection from this address, unless it would pass the address's share. */
  private boolean admit(String address) {
    AtomicInteger count = perAddress.computeIfAbsent(address, a -> new AtomicInteger());
    while (true) {
      int now = count.get();
      if (now >= maxPerAddress) {
        return false;
      }
      if (count.compareAndSet(now, now + 1)) {
        return true;
      }
    }
  }

  private void release(String address) {
    perAddress.computeIfPresent(address, (a, count) -> count.decrementAndGet() <= 0 ? null : count);
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
    public void channelRead(ChannelHandlerContext context, Object message) {
      Channel server = context.channel();
      Channel accepted = (Channel) message;
      String address = address(accepted.remoteAddress());
      boolean counted = address != null && !unlimited.contains(address);
      if (counted && !admit(address)) {
        // Not yet registered with an event loop: closed here, as Netty closes one it cannot set up.
        accepted.unsafe().closeForcibly();
        return;
      }
      if (open.incrementAndGet() >= max) {
        paused = true;
        server.config().setAutoRead(false);
      }
      accepted
          .closeFuture()
          .addListener(
              closed -> {
                open.decrementAndGet();
                if (counted) {
                  release(address);
                }
                try {
                  server.eventLoop().execute(() -> resume(server));
                } catch (RejectedExecutionException shuttingDown) {
                  // The server is stopping: there is nothing to resume.
                }
              });
      accepted.pipeline().addFirst(new RequestDeadline(firstRequestTimeoutNanos));
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
