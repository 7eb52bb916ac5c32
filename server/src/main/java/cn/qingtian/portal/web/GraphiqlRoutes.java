package cn.qingtian.portal.web;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * GraphiQL at {@code /graphiql}, served with its code from the portal's own webjars: the stock page
 * loads it from a public CDN, which fails offline and under a strict Content-Security-Policy.
 */
@Configuration(proxyBeanMethods = false)
class GraphiqlRoutes {

  private static final ClassPathResource PAGE = new ClassPathResource("graphiql/index.html");

  /**
   * GraphiQL's page needs one thing more than the site: graphiql.min.css carries its fonts (Fira
   * Code, Roboto) as {@code data:} URLs, so {@code font-src} allows {@code data:} here. Scripts
   * stay {@code 'self'} only (no inline script, no eval), as do styles: the page's own style is a
   * file.
   */
  static final String POLICY =
      SecurityHeaders.POLICY.replace("font-src 'self'", "font-src 'self' data:");

  /** The Content-Security-Policy for a path: GraphiQL's for GraphiQL, the strict one elsewhere. */
  static String policyFor(String path) {
    return path.equals("/graphiql") ? POLICY : SecurityHeaders.POLICY;
  }

  @Bean
  RouterFunction<ServerResponse> graphiql() {
    return route(
            GET("/graphiql"),
            request ->
                ServerResponse.ok()
                    .contentType(
                        new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                    .cacheControl(CacheControl.noCache())
                    .bodyValue(PAGE))
        .and(RouterFunctions.resources("/graphiql/**", new ClassPathResource("graphiql/")));
  }
}
