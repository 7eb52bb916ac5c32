package cn.qingtian.portal.soak;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Everything the load saw, per minute of scheduled time: requests, errors, mixed responses and
 * latencies; and, for the release switch, when each kind of response first named each release and
 * whether a response ever went back to an older release after a newer one had been served.
 */
public final class Recorder {

  private static final int SAMPLES = 20;

  private final long start;
  private final String oldVersion;
  private final Map<Integer, Minute> minutes = new TreeMap<>();
  private final Map<String, Long> firstSeen = new ConcurrentHashMap<>();
  private final List<String> samples = new ArrayList<>();
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();
  private final AtomicLong mixed = new AtomicLong();
  private final AtomicLong wentBack = new AtomicLong();
  private final Map<String, AtomicLong> byKind = new ConcurrentHashMap<>();

  /**
   * @param start the time (System.nanoTime) minute 1 starts
   * @param oldVersion the release served when the load started
   */
  public Recorder(long start, String oldVersion) {
    this.start = start;
    this.oldVersion = oldVersion;
  }

  /** One minute's figures. */
  public static final class Minute {
    long requests;
    long errors;
    long mixed;
    long[] latencies = new long[1024];
    int count;
    Long heapLowest;
    Long heapHighest;

    void add(long nanos) {
      if (count == latencies.length) {
        latencies = Arrays.copyOf(latencies, count * 2);
      }
      latencies[count++] = nanos;
    }

    /** The latency at quantile q, in milliseconds. */
    public double quantileMillis(double q) {
      if (count == 0) {
        return 0;
      }
      long[] sorted = Arrays.copyOf(latencies, count);
      Arrays.sort(sorted);
      int index = (int) Math.ceil(q * count) - 1;
      return sorted[Math.max(0, Math.min(count - 1, index))] / 1e6;
    }

    public long requests() {
      return requests;
    }

    public long errors() {
      return errors;
    }

    public long mixed() {
      return mixed;
    }

    /** The lowest of this minute's heap samples after a full GC: what stays live. */
    public Long heapAfterGc() {
      return heapLowest;
    }

    /** The highest of them: it includes what was live only for a moment, a release being built. */
    public Long heapPeak() {
      return heapHighest;
    }
  }

  /**
   * Records one response.
   *
   * @param scheduled when the request was due (latency counts from here: no coordinated omission)
   * @param sent when it was sent
   */
  public void record(Workload.Call call, long scheduled, long sent, long done, Outcome outcome) {
    int minute = (int) Math.max(1, (scheduled - start) / 60_000_000_000L + 1);
    requests.incrementAndGet();
    byKind.computeIfAbsent(call.kind(), k -> new AtomicLong()).incrementAndGet();
    String seenKey = null;
    if (outcome.release() != null && outcome.follows()) {
      seenKey = call.kind() + "@" + outcome.release();
      firstSeen.putIfAbsent(seenKey, done);
    }
    boolean back = false;
    if (outcome.follows() && oldVersion.equals(outcome.release())) {
      // Sent after a response of the same kind named a newer release, yet answered from the old.
      for (var seen : firstSeen.entrySet()) {
        if (seen.getKey().startsWith(call.kind() + "@")
            && !seen.getKey().equals(call.kind() + "@" + oldVersion)
            && seen.getValue() < sent) {
          back = true;
        }
      }
    }
    synchronized (this) {
      Minute m = minutes.computeIfAbsent(minute, k -> new Minute());
      m.requests++;
      m.add(done - scheduled);
      if (outcome.isError()) {
        m.errors++;
        errors.incrementAndGet();
        sample(minute, call, "error: " + outcome.error());
      }
      if (outcome.isMixed() || back) {
        m.mixed++;
        mixed.incrementAndGet();
        sample(
            minute,
            call,
            outcome.isMixed()
                ? "mixed: " + outcome.mixed()
                : "older release " + oldVersion + " after a newer one");
      }
      if (back) {
        wentBack.incrementAndGet();
      }
    }
  }

  /** A request that got no response at all (refused, reset, timed out). */
  public void failed(Workload.Call call, long scheduled, long done, Throwable error) {
    record(
        call,
        scheduled,
        scheduled,
        done,
        Outcome.failed(error.getClass().getSimpleName() + ": " + error.getMessage()));
  }

  private void sample(int minute, Workload.Call call, String what) {
    if (samples.size() < SAMPLES) {
      samples.add("minute " + minute + ", " + call.label() + ": " + Workload.excerpt(what));
    }
  }

  /** One sample of the server's heap after a full GC, taken during this minute. */
  public synchronized void heapAfterGc(int minute, long bytes) {
    Minute m = minutes.computeIfAbsent(minute, k -> new Minute());
    m.heapLowest = m.heapLowest == null ? bytes : Math.min(m.heapLowest, bytes);
    m.heapHighest = m.heapHighest == null ? bytes : Math.max(m.heapHighest, bytes);
  }

  public synchronized Map<Integer, Minute> minutes() {
    return new TreeMap<>(minutes);
  }

  public long requests() {
    return requests.get();
  }

  public long errors() {
    return errors.get();
  }

  public long mixed() {
    return mixed.get();
  }

  public long wentBack() {
    return wentBack.get();
  }

  public Map<String, Long> requestsByKind() {
    Map<String, Long> counts = new TreeMap<>();
    byKind.forEach((k, v) -> counts.put(k, v.get()));
    return counts;
  }

  /** When a response of this kind first named this release (System.nanoTime), or null. */
  public Long firstSeen(String kind, String version) {
    return firstSeen.get(kind + "@" + version);
  }

  public synchronized List<String> samples() {
    return List.copyOf(samples);
  }

  /** All latencies of all minutes, as one minute's figures. */
  public synchronized Minute overall() {
    Minute all = new Minute();
    for (Minute m : minutes.values()) {
      all.requests += m.requests;
      all.errors += m.errors;
      all.mixed += m.mixed;
      for (int i = 0; i < m.count; i++) {
        all.add(m.latencies[i]);
      }
    }
    return all;
  }
}
