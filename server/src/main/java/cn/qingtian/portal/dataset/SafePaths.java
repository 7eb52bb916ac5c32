package cn.qingtian.portal.dataset;

import cn.qingtian.portal.messages.UserMessages;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Paths built from data: a package's version, a resource's name, a code. Every such identifier is
 * one path segment that matches {@link #NAME} (checked at import by the {@link PackageValidator}),
 * and every path built from one is resolved, normalized and checked to stay inside its root here,
 * where it is built, so a value that slipped past import (an older database, another writer) can
 * never name a file outside the folder it belongs in (docs/reliability.md, attack finding 1).
 */
public final class SafePaths {

  /**
   * What an identifier that becomes a file or folder name may be: a letter or digit, then letters,
   * digits, {@code . _ + -}, at most 100 characters, and never two dots in a row. No separator, no
   * {@code ..}, nothing a shell, a URL or Windows treats specially.
   */
  public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,99}");

  private SafePaths() {}

  /** Whether {@code name} may be used as one segment of a path. */
  public static boolean isSafeName(String name) {
    return name != null && NAME.matcher(name).matches() && !name.contains("..");
  }

  /**
   * {@code root} with the {@code names} appended, each a {@linkplain #isSafeName safe name}, after
   * checking the result stays inside {@code root}.
   *
   * @throws UnsafePathException when a name is not safe or the path leaves {@code root}
   */
  public static Path inside(Path root, String... names) {
    Path base = root.toAbsolutePath().normalize();
    Path path = base;
    for (String name : names) {
      if (!isSafeName(name)) {
        throw new UnsafePathException(root, name);
      }
      path = path.resolve(name);
    }
    path = path.normalize();
    if (!path.startsWith(base) || path.equals(base) && names.length > 0) {
      throw new UnsafePathException(root, String.join("/", names));
    }
    return path;
  }

  /** A name from data that cannot be a path segment under a root. */
  public static final class UnsafePathException extends IllegalArgumentException {

    UnsafePathException(Path root, String name) {
      super(UserMessages.get("dataset.path.unsafe", name, root));
    }
  }
}
