package cn.qingtian.portal.attack;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingtian.portal.ApiIntegrationTest;
import cn.qingtian.portal.SharedDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Attack finding 13c (docs/reliability.md): the links of {@code /actuator} echoed the {@code Host}
 * header, so anyone could make the portal hand out links to a host of their choosing (cache
 * poisoning, phishing in monitoring tools). Links are built from the configured public address
 * (D15: with none, the bound address {@code http://localhost:{port}}), never from the request.
 */
@Tag("attack")
@ApiIntegrationTest
class ActuatorLinksIgnoreHostAttackTest extends SharedDatabase {

  @LocalServerPort int port;

  @Test
  void theDiscoveryPageNeverLinksToTheHostTheClientNamed() throws Exception {
    for (String target : new String[] {"/actuator", "/actuator/"}) {
      RawSocketHttp.Answer answer =
          RawSocketHttp.exchange(port, "127.0.0.1", "GET", target, "evil.example");
      assertThat(answer.status()).as(target).isIn(200, 404);
      assertThat(answer.body()).as(target).doesNotContain("evil.example");
      if (answer.status() == 200) {
        assertThat(answer.body())
            .as(target)
            .contains("\"href\":\"http://localhost:" + port + "/actuator/health\"");
      }
    }
  }
}
