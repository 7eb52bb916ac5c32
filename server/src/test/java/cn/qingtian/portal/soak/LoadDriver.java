package cn.qingtian.portal.soak;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Phaser;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends the workload: a closed loop (a fixed number of clients, each sending its next request when
 * the previous one is answered) to find the maximum throughput, and an open loop (requests due at
 * fixed intervals whatever the server does, latency counted from when each was due) for the soak.
 */
public final class LoadDriver {

  private final HttpClient client;
  private final Workload workload;

  public LoadDriver(HttpClient client, Workload workload) {
    this.client = client;
    this.workload = workload;
  }

  /** The closed loop's result: answered requests per second and what it saw. */
  public record Capacity(double perSecond, Recorder recorder) {}

  /** Runs {@code clients} clients for warm-up plus duration; counts only the measured part. */
  public Capacity closedLoop(int clients, Duration warmUp, Duration duration, String version)
      throws InterruptedException {
    long measureFrom = System.nanoTime() + warmUp.toNanos();
    long end = measureFrom + duration.toNanos();
    Recorder recorder = new Recorder(measureFrom, version);
    long answered = closedLoop(clients, recorder, measureFrom, end, () -> false);
    return new Capacity(answered / (duration.toNanos() / 1e9), recorder);
  }

  /**
   * Runs {@code clients} clients, recording every answer, until {@code enough} says so or {@code
   * atMost} has passed; the number of answers that did not fail.
   */
  public long closedLoop(
      int clients, Recorder recorder, Duration atMost, java.util.function.BooleanSupplier enough)
      throws InterruptedException {
    long now = System.nanoTime();
    return closedLoop(clients, recorder, now, now + atMost.toNanos(), enough);
  }

  private long closedLoop(
      int clients,
      Recorder recorder,
      long measureFrom,
      long end,
      java.util.function.BooleanSupplier enough)
      throws InterruptedException {
    AtomicLong answered = new AtomicLong();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      Random random = new Random(1000 + i);
      Thread thread =
          new Thread(
              () -> {
                while (System.nanoTime() < end && !enough.getAsBoolean()) {
                  Workload.Call call = workload.next(random);
                  long sent = System.nanoTime();
                  try {
                    HttpResponse<byte[]> response =
                        client.send(call.request(), HttpResponse.BodyHandlers.ofByteArray());
                    long done = System.nanoTime();
                    Outcome outcome;
                    try {
                      outcome = call.check().judge(response);
                    } catch (RuntimeException e) {
                      outcome = Outcome.failed("unreadable answer: " + e);
                    }
                    if (sent >= measureFrom && done <= end) {
                      recorder.record(call, sent, sent, done, outcome);
                      if (!outcome.isError()) {
                        answered.incrementAndGet();
                      }
                    }
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                  } catch (Exception e) {
                    if (sent >= measureFrom) {
                      recorder.failed(call, sent, System.nanoTime(), e);
                    }
                  }
                }
              },
              "closed-loop-" + i);
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    return answered.get();
  }

  /**
   * Sends {@code perSecond} requests a second for {@code duration}, each due at its own fixed time;
   * waits for the last answers (at most the request timeout).
   *
   * @param everyMinute called at the end of each minute with its number (heap sampling), off the
   *     sending thread
   */
  public void openLoop(
      double perSecond,
      Duration duration,
      Recorder recorder,
      long start,
      java.util.function.IntConsumer everyMinute)
      throws InterruptedException {
    openLoop(perSecond, duration, recorder, start, everyMinute, () -> false);
  }

  /** As above, ending early once {@code enough} says so. */
  public void openLoop(
      double perSecond,
      Duration duration,
      Recorder recorder,
      long start,
      java.util.function.IntConsumer everyMinute,
      java.util.function.BooleanSupplier enough)
      throws InterruptedException {
    long interval = (long) (1e9 / perSecond);
    long end = start + duration.toNanos();
    Random random = new Random(42);
    Phaser inFlight = new Phaser(1);
    Thread minutes =
        new Thread(
            () -> {
              for (int minute = 1; start + minute * 60_000_000_000L <= end; minute++) {
                long due = start + minute * 60_000_000_000L;
                while (System.nanoTime() < due) {
                  LockSupport.parkNanos(Math.min(due - System.nanoTime(), 500_000_000L));
                  if (Thread.interrupted()) {
                    return;
                  }
                }
                everyMinute.accept(minute);
              }
            },
            "minute-clock");
    minutes.setDaemon(true);
    minutes.start();
    boolean early = false;
    for (long i = 0; ; i++) {
      long scheduled = start + i * interval;
      if (scheduled >= end) {
        break;
      }
      if (enough.getAsBoolean()) {
        early = true;
        break;
      }
      long wait;
      while ((wait = scheduled - System.nanoTime()) > 0) {
        LockSupport.parkNanos(wait);
      }
      Workload.Call call = workload.next(random);
      long sent = System.nanoTime();
      inFlight.register();
      client
          .sendAsync(call.request(), HttpResponse.BodyHandlers.ofByteArray())
          .whenComplete(
              (response, error) -> {
                try {
                  long done = System.nanoTime();
                  if (error != null) {
                    recorder.failed(call, scheduled, done, error);
                  } else {
                    Outcome outcome;
                    try {
                      outcome = call.check().judge(response);
                    } catch (RuntimeException e) {
                      outcome = Outcome.failed("unreadable answer: " + e);
                    }
                    recorder.record(call, scheduled, sent, done, outcome);
                  }
                } finally {
                  inFlight.arriveAndDeregister();
                }
              });
    }
    try {
      inFlight.awaitAdvanceInterruptibly(inFlight.arrive(), 60, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("answers still missing 60 s after the load ended");
    }
    if (early) {
      minutes.interrupt();
    }
    minutes.join(TimeUnit.SECONDS.toMillis(120));
  }
}
