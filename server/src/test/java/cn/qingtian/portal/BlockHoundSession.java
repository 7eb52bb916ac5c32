package cn.qingtian.portal;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import reactor.blockhound.BlockHound;

/**
 * Installs BlockHound before any test runs, so a blocking call on an event-loop thread fails the
 * test that made it (decision D14).
 */
public class BlockHoundSession implements LauncherSessionListener {

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    if (System.getProperty("maven.home") != null) {
      // Failsafe with more than one fork finds the tests inside Maven's own JVM, which opens a
      // launcher session too but runs no test (and lacks the JVM option BlockHound needs).
      return;
    }
    BlockHound.install(
        builder ->
            // graphql-java loads its message bundle from the jar once, on the first request.
            builder
                .allowBlockingCallsInside("java.util.ResourceBundle", "getBundle")
                // Jackson builds a (de)serializer once per type under a short lock, e.g. when the
                // first graphql-ws and SSE messages arrive at the same time.
                .allowBlockingCallsInside(
                    "tools.jackson.databind.deser.DeserializerCache",
                    "_createAndCacheValueDeserializer")
                // graphql-java guards an execution's error list with a short lock; two fields
                // failing
                // at the same moment on different event loops contend for it.
                .allowBlockingCallsInside("graphql.util.LockKit$ReentrantLock", "runLocked")
                // Netty 4.2's buffer allocator takes a short internal lock when it grows.
                .allowBlockingCallsInside(
                    "io.netty.buffer.AdaptivePoolingAllocator$MagazineGroup", "tryExpandMagazines")
                // GraphiQL's assets are read from webjars on the classpath by Spring's static
                // resource handling; the data API never reads files.
                .allowBlockingCallsInside(
                    "org.springframework.web.reactive.resource.PathResourceResolver", "getResource")
                .allowBlockingCallsInside(
                    "org.springframework.core.io.buffer.DataBufferUtils$ReadableByteChannelGenerator",
                    "accept")
                // A SCRAM login (the embedded server asks for a password) draws its nonce from
                // SecureRandom, which reads a few bytes of /dev/urandom: it never waits.
                .allowBlockingCallsInside(
                    "io.r2dbc.postgresql.authentication.SASLAuthenticationHandler",
                    "handleAuthenticationSASL")
                // Cancelling a scheduled task (a Flux.interval's, when an SSE client leaves) takes
                // the scheduler queue's short lock. Reactor allows it for one-shot tasks, not for
                // periodic ones; and an error thrown while a thread waits inside a lock leaves the
                // lock with a waiter that never wakes, so every later task of that scheduler hung
                // (a site build timed out two minutes after a subscription test had thrown here).
                .allowBlockingCallsInside(
                    "java.util.concurrent.ScheduledThreadPoolExecutor$DelayedWorkQueue", "remove"));
  }
}
