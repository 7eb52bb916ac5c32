package cn.qingtian.portal.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseAddressTest {

  @Test
  void readsLibpqStyleUrls() {
    assertThat(DatabaseAddress.parse("postgresql://portal:s%40cret@db.example:6543/qingtian"))
        .isEqualTo(new DatabaseAddress("db.example", 6543, "qingtian", "portal", "s@cret"));
  }

  @Test
  void readsJdbcUrlsWithCredentialsInTheQuery() {
    assertThat(DatabaseAddress.parse("jdbc:postgresql://127.0.0.1/test?user=root&password=pw"))
        .isEqualTo(new DatabaseAddress("127.0.0.1", 5432, "test", "root", "pw"));
  }

  @Test
  void neverPrintsThePassword() {
    assertThat(DatabaseAddress.parse("postgresql://portal:secret@db/q").toString())
        .doesNotContain("secret");
  }

  @Test
  void rejectsOtherSchemesClearly() {
    assertThatThrownBy(() -> DatabaseAddress.parse("mysql://db/q"))
        .hasMessageContaining("postgresql://");
  }
}
