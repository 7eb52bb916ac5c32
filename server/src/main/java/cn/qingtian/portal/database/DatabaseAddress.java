package cn.qingtian.portal.database;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Host, port, database and owner credentials of a PostgreSQL server. */
public record DatabaseAddress(
    String host, int port, String database, String username, @Nullable String password) {

  /**
   * Parses {@code postgresql://user:password@host:port/database} (libpq style) or {@code
   * jdbc:postgresql://host:port/database?user=…&password=…}.
   */
  public static DatabaseAddress parse(String url) {
    String plain =
        url.strip().replaceFirst("^jdbc:", "").replaceFirst("^postgres://", "postgresql://");
    if (!plain.startsWith("postgresql://")) {
      throw new IllegalArgumentException(
          "PORTAL_DATABASE_URL must start with postgresql:// or jdbc:postgresql://");
    }
    URI uri = URI.create(plain);
    Map<String, String> query = query(uri.getRawQuery());
    String username = query.get("user");
    String password = query.get("password");
    if (uri.getRawUserInfo() != null) {
      String[] userInfo = uri.getRawUserInfo().split(":", 2);
      username = decode(userInfo[0]);
      password = userInfo.length > 1 ? decode(userInfo[1]) : password;
    }
    String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
    return new DatabaseAddress(
        uri.getHost() == null ? "localhost" : uri.getHost(),
        uri.getPort() < 0 ? 5432 : uri.getPort(),
        path.isEmpty() ? "postgres" : path,
        username == null ? "postgres" : username,
        password);
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  /** The same server with another database. */
  public DatabaseAddress withDatabase(String otherDatabase) {
    return new DatabaseAddress(host, port, otherDatabase, username, password);
  }

  /** The URL without its password, for logs and messages. */
  @Override
  public String toString() {
    return "postgresql://" + username + "@" + host + ":" + port + "/" + database;
  }

  private static Map<String, String> query(@Nullable String rawQuery) {
    Map<String, String> values = new HashMap<>();
    if (rawQuery != null) {
      for (String pair : rawQuery.split("&")) {
        String[] keyValue = pair.split("=", 2);
        values.put(decode(keyValue[0]), keyValue.length > 1 ? decode(keyValue[1]) : "");
      }
    }
    return values;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
