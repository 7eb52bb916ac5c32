package cn.qingtian.site;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One writer at a time in a folder shared by threads and processes: a lock file locked by the
 * operating system, which releases it when its holder dies, even by {@code kill -9}. While holding
 * it a writer may delete whatever half-written work it finds there: its author is gone. Blocks; not
 * reentrant across channels, so a holder must not acquire the same lock again.
 *
 * <p>Public on purpose: the server's download export guards its folder with it too, so one lock
 * implementation serves every folder that writers share.
 */
public final class FolderLock implements AutoCloseable {

  private static final Map<Path, ReentrantLock> IN_THIS_PROCESS = new ConcurrentHashMap<>();

  private final ReentrantLock local;
  private final FileChannel channel;

  private FolderLock(ReentrantLock local, FileChannel channel) {
    this.local = local;
    this.channel = channel;
  }

  /** Waits for the lock file {@code file} (created if missing); close to release it. */
  public static FolderLock acquire(Path file) throws IOException {
    Path key = file.toAbsolutePath().normalize();
    // The OS lock is per process: threads of this one queue on a Java lock first.
    ReentrantLock local = IN_THIS_PROCESS.computeIfAbsent(key, k -> new ReentrantLock());
    local.lock();
    try {
      FileChannel channel =
          FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      try {
        channel.lock();
        return new FolderLock(local, channel);
      } catch (IOException | RuntimeException e) {
        channel.close();
        throw e;
      }
    } catch (IOException | RuntimeException e) {
      local.unlock();
      throw e;
    }
  }

  @Override
  public void close() throws IOException {
    try {
      channel.close();
    } finally {
      local.unlock();
    }
  }
}
