package cn.qingtian.portal.site;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import cn.qingtian.portal.messages.UserMessages;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Serves the current build of the public site at {@code /}: files only from inside the build,
 * {@code index.html} for folders, a redirect that adds the trailing slash relative links need (a
 * relative one, which cannot lead off the portal), and the site's own 404 page. File checks run off
 * the event loop.
 */
@Configuration(proxyBeanMethods = false)
class SiteRoutes {

  private static final List<String> RESERVED =
      List.of("/graphql", "/graphiql", "/webjars/", "/actuator", "/datasets/");
  private static final MediaType ATOM =
      new MediaType("application", "atom+xml", StandardCharsets.UTF_8);
  private static final Map<String, MediaType> TYPES =
      Map.of(
          "html",
          new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8),
          "css",
          new MediaType("text", "css", StandardCharsets.UTF_8),
          "js",
          new MediaType("text", "javascript", StandardCharsets.UTF_8),
          "png",
          MediaType.IMAGE_PNG,
          "xml",
          MediaType.APPLICATION_XML,
          "txt",
          new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8),
          "json",
          MediaType.APPLICATION_JSON,
          "svg",
          MediaType.valueOf("image/svg+xml"));

  @Bean
  RouterFunction<ServerResponse> site(SiteProperties properties) {
    Path directory = properties.directory();
    return route(
        GET("/**").and(request -> RESERVED.stream().noneMatch(request.path()::startsWith)),
        request -> serve(directory, request));
  }

  private static Mono<ServerResponse> serve(Path directory, ServerRequest request) {
    return Mono.fromCallable(() -> lookup(directory, request.path()))
        .subscribeOn(Schedulers.boundedElastic())
        .flatMap(found -> respond(found, request));
  }

  private static Mono<ServerResponse> respond(Found found, ServerRequest request) {
    return switch (found.kind()) {
      case FILE ->
          ServerResponse.ok()
              .contentType(type(found.file()))
              .cacheControl(CacheControl.noCache())
              .bodyValue(new FileSystemResource(found.file()));
      case FOLDER_WITHOUT_SLASH ->
          ServerResponse.status(HttpStatus.MOVED_PERMANENTLY)
              .header(HttpHeaders.LOCATION, withSlash(request.path()))
              .build();
      case MISSING ->
          found.file() == null
              ? ServerResponse.status(HttpStatus.NOT_FOUND)
                  .contentType(MediaType.TEXT_PLAIN)
                  .bodyValue(UserMessages.get("site.building"))
              : ServerResponse.status(HttpStatus.NOT_FOUND)
                  .contentType(type(found.file()))
                  .bodyValue(new FileSystemResource(found.file()));
    };
  }

  /**
   * Where a folder's address without its slash redirects: its last segment with the slash, as a
   * reference relative to the request ({@code /a/b} → {@code ./b/}). A browser resolves it against
   * the address it asked for, so it never leaves the portal, whatever the path holds: the absolute
   * path {@code //evil.example/..%2fen/} would be read as another host, and a path-relative
   * reference starting with {@code ./} can be read neither as a host nor as a scheme.
   */
  static String withSlash(String rawPath) {
    return "./" + rawPath.substring(rawPath.lastIndexOf('/') + 1) + "/";
  }

  /** What a request path names in the current build. */
  record Found(Kind kind, @Nullable Path file) {
    enum Kind {
      FILE,
      FOLDER_WITHOUT_SLASH,
      MISSING
    }
  }

  static Found lookup(Path directory, String rawPath) throws IOException {
    if (!Files.isDirectory(directory)) {
      return new Found(Found.Kind.MISSING, null);
    }
    Path root = directory.toRealPath();
    Path notFound = root.resolve("404.html");
    Optional<Path> target = resolve(root, rawPath);
    if (target.isEmpty()) {
      return missing(notFound);
    }
    Path file = target.get();
    if (Files.isDirectory(file)) {
      if (!rawPath.endsWith("/")) {
        return new Found(Found.Kind.FOLDER_WITHOUT_SLASH, file);
      }
      file = file.resolve("index.html");
    }
    return Files.isRegularFile(file) ? new Found(Found.Kind.FILE, file) : missing(notFound);
  }

  private static Found missing(Path notFound) {
    return new Found(Found.Kind.MISSING, Files.isRegularFile(notFound) ? notFound : null);
  }

  /** The file a path names, never outside the build (no "..", no encoded tricks). */
  static Optional<Path> resolve(Path root, String rawPath) {
    String path;
    try {
      path = new URI(null, null, rawPath, null).getPath();
      path = java.net.URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException | java.net.URISyntaxException e) {
      return Optional.empty();
    }
    if (path.indexOf('\0') >= 0 || path.contains("\\")) {
      return Optional.empty();
    }
    Path resolved = root.resolve(path.replaceFirst("^/+", "")).normalize();
    return resolved.startsWith(root) ? Optional.of(resolved) : Optional.empty();
  }

  private static MediaType type(Path file) {
    String name = file.getFileName().toString();
    String extension = name.substring(name.lastIndexOf('.') + 1);
    if (extension.equals("xml") && file.getParent().getFileName().toString().equals("feeds")) {
      return ATOM;
    }
    return TYPES.getOrDefault(extension, MediaType.APPLICATION_OCTET_STREAM);
  }
}
