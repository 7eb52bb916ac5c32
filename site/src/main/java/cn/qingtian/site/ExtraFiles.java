package cn.qingtian.site;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Files a host adds to a build of the site before it is switched live, e.g. the portal's download
 * files under {@code datasets/}. A failure fails the build, and the previous site stays.
 */
@FunctionalInterface
public interface ExtraFiles {

  /** Adds nothing. */
  ExtraFiles NONE = build -> {};

  /**
   * Writes the extra files into a complete, not yet published build.
   *
   * @param build the build's root folder: the pages and assets are already in it
   */
  void writeInto(Path build) throws IOException;
}
