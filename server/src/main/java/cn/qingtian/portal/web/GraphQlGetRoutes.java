package cn.qingtian.portal.web;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import cn.qingtian.portal.api.GraphQlHttp;
import cn.qingtian.portal.api.PersistedQueries;
import cn.qingtian.portal.api.Sha256;
import cn.qingtian.portal.messages.UserMessages;
import cn.qingtian.portal.release.CurrentRelease;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.execution.preparsed.persisted.PersistedQuerySupport;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.GraphQlRequest;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultGraphQlRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Queries over {@code GET /graphql?query=…&variables=…&operationName=…&extensions=…}, so browsers
 * and CDNs can cache public answers: the ETag names the release and the request, and an unchanged
 * answer is a {@code 304}. An answer about the caller (its {@code rateLimit}) is {@code private,
 * no-store}, without ETag, and never a {@code 304} ({@link PerClientAnswers}). A persisted query's
 * hash in {@code extensions} may stand in for {@code query}. Only queries: a mutation or
 * subscription over GET is a {@code 405}. The schema itself is at {@code /graphql/schema.graphqls}.
 * (spring-graphql answers GET with 405, so these are routes of their own, tried before its own:
 * ours on purpose, since GET is what lets browsers and CDNs cache public answers.)
 */
@Configuration(proxyBeanMethods = false)
// The commands (import, rollback, publish) run without a web server, and so without GraphQL's.
@ConditionalOnWebApplication
class GraphQlGetRoutes {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final CacheControl PUBLIC =
      CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic();
  // Clients send the same few documents again and again: each is parsed here once.
  private static final Cache<String, Boolean> OPERATION_KINDS =
      Caffeine.newBuilder().executor(Runnable::run).maximumSize(1_000).build();
  private static final ClassPathResource SCHEMA = new ClassPathResource("graphql/schema.graphqls");

  @Bean
  @Order(-1)
  RouterFunction<ServerResponse> graphQlGet(
      WebGraphQlHandler handler, CurrentRelease current, PersistedQueries persisted) {
    return route(
            GET("/graphql")
                .and(
                    request ->
                        request.queryParam("query").isPresent()
                            || request.queryParam("extensions").isPresent()),
            request -> query(request, handler, current, persisted))
        .andRoute(
            GET("/graphql/schema.graphqls"),
            request ->
                ServerResponse.ok()
                    .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                    .cacheControl(CacheControl.noCache())
                    .bodyValue(SCHEMA));
  }

  private static Mono<ServerResponse> query(
      ServerRequest request,
      WebGraphQlHandler handler,
      CurrentRelease current,
      PersistedQueries persisted) {
    String operationName = request.queryParam("operationName").orElse(null);
    String variables = request.queryParam("variables").orElse(null);
    String extensions = request.queryParam("extensions").orElse(null);
    Map<String, Object> variableValues = jsonObject(variables);
    Map<String, Object> extensionValues = jsonObject(extensions);
    if (variableValues == null || extensionValues == null) {
      return error(
          HttpStatus.BAD_REQUEST,
          "BAD_USER_INPUT",
          UserMessages.get(
              "web.get.notAnObject", variableValues == null ? "variables" : "extensions"));
    }
    // A persisted query's hash may stand in for the document (PersistedQueries).
    String query =
        request
            .queryParam("query")
            .filter(q -> !q.isBlank())
            .orElse(PersistedQuerySupport.PERSISTED_QUERY_MARKER);
    String document = persisted.documentToRun(query, extensionValues);
    if (!isQuery(document, operationName)) {
      return error(
          HttpStatus.METHOD_NOT_ALLOWED,
          "METHOD_NOT_ALLOWED",
          UserMessages.get("web.get.queriesOnly"));
    }
    // An answer about the caller (its rate limit) changes with every query: never a 304.
    boolean perClient = PerClientAnswers.selectsPerClientFields(document);
    String etag = etag(current.get().version(), document, variables, operationName);
    boolean unchanged =
        !perClient
            && request.headers().header(HttpHeaders.IF_NONE_MATCH).stream()
                .anyMatch(value -> value.contains(etag));
    if (unchanged) {
      return ServerResponse.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(PUBLIC).build();
    }
    GraphQlRequest body =
        new DefaultGraphQlRequest(query, operationName, variableValues, extensionValues);
    return Mono.defer(
        () -> execute(request, handler, body, document, variables, operationName, perClient));
  }

  /** A JSON object given as a parameter: empty when absent, null when it is not an object. */
  private static @Nullable Map<String, Object> jsonObject(@Nullable String json) {
    if (json == null || json.isBlank()) {
      return Map.of();
    }
    try {
      return JSON.readValue(json, new TypeReference<Map<String, Object>>() {});
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static Mono<ServerResponse> execute(
      ServerRequest request,
      WebGraphQlHandler handler,
      GraphQlRequest body,
      String document,
      @Nullable String variables,
      @Nullable String operationName,
      boolean perClient) {
    WebGraphQlRequest graphQl =
        new WebGraphQlRequest(
            request.uri(),
            request.headers().asHttpHeaders(),
            request.cookies(),
            request.remoteAddress().orElse(null),
            request.attributes(),
            body,
            // The exchange's own id: a random UUID would read /dev/urandom on the event loop.
            request.exchange().getRequest().getId(),
            request.exchange().getLocaleContext().getLocale());
    return handler
        .handleRequest(graphQl)
        .flatMap(
            response -> {
              ServerResponse.BodyBuilder builder =
                  ServerResponse.ok()
                      .contentType(GraphQlHttp.GRAPHQL_RESPONSE)
                      .headers(headers -> headers.addAll(response.getResponseHeaders()));
              if (perClient || PerClientAnswers.isAboutTheCaller(response)) {
                // About the caller: stored by no one, revalidated never (no ETag).
                // Set, not added: PerClientAnswers may have put it among the copied headers.
                builder.headers(
                    h -> h.set(HttpHeaders.CACHE_CONTROL, PerClientAnswers.CACHE_CONTROL));
              } else if (response.getErrors().isEmpty()) {
                // The ETag of the release that answered: the current one may have changed since.
                builder
                    .eTag(etag(releaseVersion(response), document, variables, operationName))
                    .cacheControl(PUBLIC);
              } else {
                builder.cacheControl(CacheControl.noStore());
              }
              return builder.bodyValue(JSON.writeValueAsString(response.toMap()));
            });
  }

  private static String releaseVersion(WebGraphQlResponse response) {
    Object release = response.getExtensions().get("release");
    return release instanceof Map<?, ?> map ? String.valueOf(map.get("version")) : "";
  }

  /** Whether the operation to run is a query, decided once per document and operation name. */
  private static boolean isQuery(String query, @Nullable String operationName) {
    return OPERATION_KINDS.get(
        query + '\u0000' + operationName, key -> parsesAsQuery(query, operationName));
  }

  /** Whether the operation to run is a query; a document that does not parse is left to GraphQL. */
  static boolean parsesAsQuery(String query, @Nullable String operationName) {
    Document document;
    try {
      document = Parser.parse(query);
    } catch (InvalidSyntaxException e) {
      return true;
    }
    List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
    return operations.stream()
        .filter(o -> operationName == null || operationName.equals(o.getName()))
        .allMatch(o -> o.getOperation() == OperationDefinition.Operation.QUERY);
  }

  static String etag(
      String release, String query, @Nullable String variables, @Nullable String name) {
    String request =
        String.join("\u0000", release, query, String.valueOf(variables), String.valueOf(name));
    return "\"" + Sha256.hex(request + "\u0000").substring(0, 32) + "\"";
  }

  private static Mono<ServerResponse> error(HttpStatus status, String code, String message) {
    return ServerResponse.status(status)
        .contentType(GraphQlHttp.GRAPHQL_RESPONSE)
        .header(HttpHeaders.ALLOW, "GET, POST")
        .bodyValue(
            JSON.writeValueAsString(
                Map.of(
                    "errors",
                    List.of(Map.of("message", message, "extensions", Map.of("code", code))))));
  }
}
