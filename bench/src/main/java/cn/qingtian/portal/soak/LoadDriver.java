package cn.qingtian.portal.soak;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * Sends the workload: a closed loop (a fixed number of clients, each sending its next request when
 * the previous one is answered) to find the maximum throughput, and an open loop (requests due at
 * fixed intervals whatever the server does, sent over a fixed number of connections, latency
 * counted from when each was due) for the soak.
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
    inThreads(
        clients,
        "closed-loop-",
        1000,
        random ->
            () -> {
              while (System.nanoTime() < end && !enough.getAsBoolean()) {
                Workload.Call call = workload.next(random);
                long sent = System.nanoTime();
                try {
                  HttpResponse<byte[]> response =
                      client.send(call.request(), HttpResponse.BodyHandlers.ofByteArray());
                  long done = System.nanoTime();
                  Outcome outcome = judge(call, response);
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
            });
    return answered.get();
  }

  /**
   * Sends {@code perSecond} requests a second for {@code duration} over at most {@code connections}
   * connections, as wrk2 does: request i is due at {@code start + i / perSecond}; each connection
   * takes the next due request when it is free, so a slow answer delays the requests behind it
   * instead of opening more connections, and their latency counts from when they were due (no
   * coordinated omission). Returns once every request has been answered or has timed out.
   */
  public void openLoop(
      double perSecond, Duration duration, int connections, Recorder recorder, long start)
      throws InterruptedException {
    if (!(perSecond > 0) || connections < 1) {
      throw new IllegalArgumentException(
          "an open loop needs a rate above 0 and a connection: " + perSecond + ", " + connections);
    }
    long interval = (long) (1e9 / perSecond);
    long end = start + duration.toNanos();
    AtomicLong next = new AtomicLong();
    inThreads(
        connections,
        "open-loop-",
        42,
        random ->
            () -> {
              long scheduled;
              while ((scheduled = start + next.getAndIncrement() * interval) < end) {
                long wait;
                while ((wait = scheduled - System.nanoTime()) > 0) {
                  LockSupport.parkNanos(wait);
                }
                if (Thread.currentThread().isInterrupted()) {
                  return;
                }
                send(workload.next(random), scheduled, recorder);
              }
            });
  }

  /**
   * Runs {@code count} threads until all end; the i-th runs what {@code body} gives for its own
   * random source, seeded {@code seed + i} so that runs repeat.
   */
  private static void inThreads(int count, String name, long seed, Function<Random, Runnable> body)
      throws InterruptedException {
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Thread thread = new Thread(body.apply(new Random(seed + i)), name + i);
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
  }

  private static Outcome judge(Workload.Call call, HttpResponse<byte[]> response) {
    try {
      return call.check().judge(response);
    } catch (RuntimeException e) {
      return Outcome.failed("unreadable answer: " + e);
    }
  }

  private void send(Workload.Call call, long scheduled, Recorder recorder) {
    long sent = System.nanoTime();
    try {
      HttpResponse<byte[]> response =
          client.send(call.request(), HttpResponse.BodyHandlers.ofByteArray());
      recorder.record(call, scheduled, sent, System.nanoTime(), judge(call, response));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      recorder.failed(call, scheduled, System.nanoTime(), e);
    }
  }
}
