package cn.qingtian.portal.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.DisconnectedClientHelper;
import reactor.core.publisher.Mono;

/**
 * A client that leaves before its answer is written (a closed tab, a cancelled download, a socket
 * closed mid-body) ends its request quietly, logged at DEBUG. Spring would log it as a "500 Server
 * Error" at ERROR whenever nothing had been written yet: a false alarm for whoever watches the log.
 */
class DisconnectedClients implements WebFilter, Ordered {

  private static final Logger log = LoggerFactory.getLogger(DisconnectedClients.class);

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 3;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    return chain
        .filter(exchange)
        .onErrorResume(
            DisconnectedClientHelper::isClientDisconnectedException,
            e -> {
              log.debug(
                  "{}The client left before its answer: {}", exchange.getLogPrefix(), e.toString());
              return Mono.empty();
            });
  }
}
