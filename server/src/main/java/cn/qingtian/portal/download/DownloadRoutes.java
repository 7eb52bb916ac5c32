package cn.qingtian.portal.download;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.HEAD;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import cn.qingtian.portal.messages.UserMessages;
import cn.qingtian.portal.release.CurrentRelease;
import cn.qingtian.portal.release.Release;
import cn.qingtian.portal.release.ReleaseRepository;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serves the downloads at stable URLs: {@code /datasets/{dataset}/{version}/{file}}, where the
 * version is a release version or {@code latest}, and the current catalogue at {@code
 * /datasets/catalog.ttl} and {@code /datasets/catalog.jsonld}. Every response has an ETag (from the
 * file's checksum), Last-Modified (when the release was committed to the database, D19),
 * Content-Length and Content-Disposition; byte ranges are served, and a gzip copy to clients that
 * accept it. A versioned file never changes, so it may be cached for a year; {@code latest} is
 * revalidated. HEAD is answered too, for download managers that ask for the size first.
 */
@Configuration(proxyBeanMethods = false)
class DownloadRoutes {

  static final String LATEST = "latest";

  private static final Pattern DATASET = Pattern.compile("[a-z0-9-]{1,64}");
  private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z.+_-]{1,64}");
  private static final Pattern FILE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Bean
  RouterFunction<ServerResponse> downloadFiles(
      Downloads downloads, CurrentRelease current, ReleaseRepository releases) {
    FileServer files = new FileServer(downloads, current, releases);
    return route(
            GET("/datasets/catalog.ttl").or(HEAD("/datasets/catalog.ttl")),
            request -> files.serve(request, ReleaseFiles.ALL, LATEST, ReleaseExport.CATALOG_TURTLE))
        .andRoute(
            GET("/datasets/catalog.jsonld").or(HEAD("/datasets/catalog.jsonld")),
            request ->
                files.serve(request, ReleaseFiles.ALL, LATEST, ReleaseExport.CATALOG_JSON_LD))
        .andRoute(
            GET("/datasets/{dataset}/{version}/{file}")
                .or(HEAD("/datasets/{dataset}/{version}/{file}")),
            request ->
                files.serve(
                    request,
                    request.pathVariable("dataset"),
                    request.pathVariable("version"),
                    request.pathVariable("file")));
  }

  /** Serves the download files of every release. */
  private record FileServer(
      Downloads downloads, CurrentRelease current, ReleaseRepository releases) {

    Mono<ServerResponse> serve(ServerRequest request, String dataset, String version, String name) {
      if (!DATASET.matcher(dataset).matches()
          || !VERSION.matcher(version).matches()
          || !FILE.matcher(name).matches()) {
        return problem(HttpStatus.BAD_REQUEST, UserMessages.get("download.address.invalid"));
      }
      boolean latest = version.equals(LATEST);
      Mono<Release> release =
          latest || version.equals(current.get().version())
              ? Mono.just(current.get()).filter(r -> r.number() > 0)
              : releases.byVersion(version);
      String wanted =
          name.endsWith(".csv") && "true".equals(request.queryParam("bom").orElse(null))
              ? name.substring(0, name.length() - 4) + "-excel.csv"
              : name;
      return release
          .flatMap(
              r ->
                  downloads
                      .of(r)
                      .flatMap(
                          files ->
                              files
                                  .locate(dataset, wanted)
                                  .map(located -> respond(request, r, located, latest))
                                  .orElseGet(
                                      () ->
                                          problem(
                                              HttpStatus.NOT_FOUND,
                                              UserMessages.get(
                                                  "download.file.none",
                                                  r.version(),
                                                  dataset,
                                                  name)))))
          .switchIfEmpty(
              Mono.defer(
                  () ->
                      problem(
                          HttpStatus.NOT_FOUND,
                          UserMessages.get("download.release.none", version))))
          .onErrorResume(
              DownloadsUnavailableException.class,
              e -> problem(HttpStatus.NOT_FOUND, e.getMessage()));
    }
  }

  private static Mono<ServerResponse> respond(
      ServerRequest request, Release release, ReleaseFiles.Located located, boolean latest) {
    DownloadFile file = located.file();
    Path gzip = located.path().resolveSibling(file.name() + ".gz");
    boolean compressed =
        request.headers().header(HttpHeaders.RANGE).isEmpty()
            && request.headers().header(HttpHeaders.ACCEPT_ENCODING).stream()
                .anyMatch(value -> value.contains("gzip"))
            && file.gzipped();
    // Each encoding is its own representation, so each has its own strong validator.
    String etag = "\"" + file.sha256().substring(0, 32) + (compressed ? "-gzip" : "") + "\"";
    // When the release was committed here (D19), not the date its package states: a corrected
    // package may keep its date, and its changed files must not look unchanged since then.
    Instant lastModified = release.committed();
    return request
        .checkNotModified(lastModified, etag)
        .switchIfEmpty(
            Mono.defer(
                () -> {
                  ServerResponse.BodyBuilder response =
                      ServerResponse.ok()
                          .contentType(MediaType.parseMediaType(file.mediaType()))
                          .eTag(etag)
                          .lastModified(lastModified)
                          .cacheControl(
                              latest
                                  ? CacheControl.noCache()
                                  : CacheControl.maxAge(Duration.ofDays(365))
                                      .cachePublic()
                                      .immutable())
                          .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING)
                          .header(HttpHeaders.ACCEPT_RANGES, "bytes")
                          .header(HttpHeaders.CONTENT_DISPOSITION, disposition(file, release));
                  if (compressed) {
                    response.header(HttpHeaders.CONTENT_ENCODING, "gzip");
                  }
                  Path served = compressed ? gzip : located.path();
                  if (multipleRanges(request)) {
                    // Spring writes several ranges by reading the file on the event loop: the whole
                    // file is sent instead (RFC 9110 §14.2 lets a server ignore Range), read
                    // asynchronously.
                    return response.body(
                        BodyInserters.fromDataBuffers(
                            DataBufferUtils.read(
                                served, DefaultDataBufferFactory.sharedInstance, 65_536)));
                  }
                  return response.bodyValue(new FileSystemResource(served));
                }));
  }

  /** Whether the request asks for more than one range of the file. */
  static boolean multipleRanges(ServerRequest request) {
    return request.headers().header(HttpHeaders.RANGE).stream()
        .anyMatch(value -> value.indexOf(',') >= 0);
  }

  /** The name a download is saved under carries its version; descriptors open in the browser. */
  static String disposition(DownloadFile file, Release release) {
    String name = file.name();
    int dot = name.indexOf('.');
    String saved =
        dot < 0
            ? name + "-" + release.version()
            : name.substring(0, dot) + "-" + release.version() + name.substring(dot);
    boolean inline =
        switch (file.format()) {
          case DATA_PACKAGE, CHECKSUMS, TURTLE, JSON_LD, SDMX_STRUCTURE -> true;
          default -> false;
        };
    return (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
        .filename(saved, StandardCharsets.UTF_8)
        .build()
        .toString();
  }

  private static Mono<ServerResponse> problem(HttpStatus status, String message) {
    return ServerResponse.status(status)
        .contentType(new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8))
        .bodyValue(JSON.writeValueAsString(Map.of("error", message)));
  }
}
