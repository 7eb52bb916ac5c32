package cn.qingtian.portal.database;

import cn.qingtian.portal.messages.UserMessages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The password every connection to the embedded PostgreSQL must give (docs/reliability.md,
 * second-round finding A).
 *
 * <p>zonky initialises the data directory with {@code initdb -A trust}: any local user could then
 * connect as the superuser {@code postgres} and, with {@code COPY … TO PROGRAM}, run commands as
 * the portal's user. The portal keeps a random password in a file beside the data directory ({@code
 * <name>.password}, readable by the portal's user only), gives it to {@code initdb} for a new
 * directory, and rewrites {@code pg_hba.conf} before every start so that every connection, over TCP
 * or the Unix socket, authenticates with SCRAM. A directory made by an older portal (trust, no
 * password file) is upgraded on its first start: the password is set, then stored, then required.
 */
final class EmbeddedPassword {

  static final String HOST_BASED_AUTHENTICATION = "pg_hba.conf";

  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{32,128}");
  private static final Pattern ROLE = Pattern.compile("[a-z_][a-z0-9_]*");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path file;
  private final String value;
  private boolean stored;

  private EmbeddedPassword(Path file, String value, boolean stored) {
    this.file = file;
    this.value = value;
    this.stored = stored;
  }

  /** The password stored beside {@code dataDirectory}, or a new one, not yet stored. */
  static EmbeddedPassword of(Path dataDirectory) {
    Path file = fileOf(dataDirectory);
    if (!Files.exists(file)) {
      byte[] secret = new byte[32];
      RANDOM.nextBytes(secret);
      return new EmbeddedPassword(
          file, Base64.getUrlEncoder().withoutPadding().encodeToString(secret), false);
    }
    try {
      String value = Files.readString(file, StandardCharsets.US_ASCII).strip();
      if (!VALID.matcher(value).matches()) {
        throw new IllegalStateException(
            UserMessages.get("database.embedded.passwordInvalid", file));
      }
      return new EmbeddedPassword(file, value, true);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }

  static Path fileOf(Path dataDirectory) {
    Path directory = dataDirectory.toAbsolutePath().normalize();
    return directory.resolveSibling(directory.getFileName() + ".password");
  }

  Path file() {
    return file;
  }

  String value() {
    return value;
  }

  /** Whether the password is in its file already (a new one is not, until {@link #store}). */
  boolean isStored() {
    return stored;
  }

  /** Writes the password to its file, readable and writable by the portal's user only. */
  void store() {
    try {
      Files.createDirectories(file.getParent());
      Path written =
          Files.createTempFile(
              file.getParent(),
              file.getFileName().toString(),
              ".new",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(written, value + "\n", StandardCharsets.US_ASCII);
      Files.move(written, file, StandardCopyOption.ATOMIC_MOVE);
      stored = true;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the embedded database's password to " + file, e);
    }
  }

  /**
   * Gives {@code role} the password {@code value} (SQL cannot bind either as a parameter: both are
   * checked to be plain, so inlining them is safe).
   */
  static void alterRole(Statement statement, String role, String value) throws SQLException {
    if (!ROLE.matcher(role).matches() || !VALID.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "not a plain role name (portal.database.api-username) or not a password the portal"
              + " wrote: "
              + role);
    }
    statement.execute("alter role " + role + " password '" + value + "'");
  }

  /**
   * Replaces the data directory's {@code pg_hba.conf}: every connection gives the password (SCRAM),
   * only from this host.
   */
  void requireIt(Path dataDirectory) {
    String rules =
        "# Written by the portal before every start of its embedded PostgreSQL: every connection\n"
            + "# gives the password kept in "
            + file
            + "\n"
            + "# (readable by the portal's user only). Edits here are overwritten.\n"
            + "local  all  all                scram-sha-256\n"
            + "host   all  all  127.0.0.1/32  scram-sha-256\n"
            + "host   all  all  ::1/128       scram-sha-256\n";
    try {
      Files.writeString(
          dataDirectory.resolve(HOST_BASED_AUTHENTICATION), rules, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot write " + dataDirectory.resolve(HOST_BASED_AUTHENTICATION), e);
    }
  }
}
