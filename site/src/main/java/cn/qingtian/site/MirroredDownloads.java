package cn.qingtian.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The download files of a site built over HTTP ({@code publish --from}): every file of every
 * release, fetched from the portal and checked against the SHA-256 the API states, laid out as the
 * portal lays them out in a build it makes itself ({@code datasets/{dataset}/{version}/{file}},
 * {@code latest} a copy of the current release, the catalogue at the top).
 */
public final class MirroredDownloads implements ExtraFiles {

  private static final String ALL = "all";
  private static final JsonMapper JSON =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private final GraphQlTransport transport;
  private final URI portal;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  /**
   * @param portal the portal's root address, e.g. {@code https://portal.example/}
   */
  public MirroredDownloads(GraphQlTransport transport, URI portal) {
    this.transport = transport;
    this.portal = portal;
  }

  @Override
  public void writeInto(Path build) throws IOException {
    Path datasets = build.resolve("datasets");
    String after = null;
    String current = null;
    do {
      Map<String, Object> variables = new HashMap<>();
      variables.put("after", after);
      Answer answer =
          JSON.readValue(transport.execute(SiteData.document("mirror"), variables), Answer.class);
      current = folder(answer.currentRelease().version());
      for (Release release : answer.releases().nodes()) {
        // A version that is no folder name (one imported before versions were checked, or a
        // hostile portal's) stops the build: its pages would link to files that are not there.
        folder(release.version());
        for (Dataset dataset : release.datasets()) {
          for (File file : dataset.distributions()) {
            fetch(datasets, dataset.name(), release.version(), file);
          }
        }
        for (File file : release.files()) {
          fetch(datasets, ALL, release.version(), file);
        }
      }
      after =
          answer.releases().pageInfo().hasNextPage()
              ? answer.releases().pageInfo().endCursor()
              : null;
    } while (after != null);
    copyAsLatest(datasets, current);
  }

  private void fetch(Path datasets, String dataset, String version, File file) throws IOException {
    URI uri =
        portal.resolve(
            "datasets/"
                + segment(dataset)
                + "/"
                + segment(version)
                + "/"
                + segment(file.fileName()));
    HttpResponse<byte[]> response;
    try {
      response =
          http.send(
              HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(5)).build(),
              HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while fetching " + uri, e);
    }
    if (response.statusCode() != 200) {
      throw new IOException(uri + " answered " + response.statusCode());
    }
    if (!sha256(response.body()).equals(file.sha256())) {
      throw new IOException(uri + " does not have the SHA-256 the API states");
    }
    Path target =
        datasets
            .resolve(folder(dataset))
            .resolve(folder(version))
            .resolve(folder(file.fileName()))
            .normalize();
    if (!target.startsWith(datasets)) {
      throw new IOException("not a download path: " + target);
    }
    Files.createDirectories(target.getParent());
    Files.write(target, response.body());
  }

  private static void copyAsLatest(Path datasets, @Nullable String current) throws IOException {
    if (current == null || !Files.isDirectory(datasets)) {
      return;
    }
    List<Path> folders;
    try (var list = Files.list(datasets)) {
      folders = list.filter(Files::isDirectory).toList();
    }
    for (Path folder : folders) {
      Path release = folder.resolve(current);
      if (Files.isDirectory(release)) {
        Path latest = Files.createDirectories(folder.resolve("latest"));
        try (var files = Files.list(release)) {
          for (Path file : files.toList()) {
            Files.copy(
                file, latest.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
    }
    for (String catalogue : List.of("catalog.ttl", "catalog.jsonld")) {
      Path file = datasets.resolve(ALL).resolve(current).resolve(catalogue);
      if (Files.isRegularFile(file)) {
        Files.copy(file, datasets.resolve(catalogue), StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  /**
   * A name the portal's API gave, as one folder or file name: letters, digits and {@code . _ + -},
   * no {@code ..} (the portal's own rule for versions, dataset and file names; docs/reliability.md,
   * attack finding 1). Anything else is refused rather than written where its slashes and dots
   * would lead.
   */
  private static String folder(String name) throws IOException {
    if (!isFolderName(name)) {
      throw new IOException(
          Messages.of("zh").get("error.mirror.unsafeName")
              + " / "
              + Messages.of("en").get("error.mirror.unsafeName")
              + name);
    }
    return name;
  }

  private static boolean isFolderName(String name) {
    return name.matches("[A-Za-z0-9][A-Za-z0-9._+-]{0,99}") && !name.contains("..");
  }

  private static String segment(String value) {
    return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)
        .replace("+", "%20");
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new UncheckedIOException(new IOException(e));
    }
  }

  record Answer(Current currentRelease, Releases releases) {}

  record Current(String version) {}

  record Releases(PageInfo pageInfo, List<Release> nodes) {}

  record PageInfo(boolean hasNextPage, @Nullable String endCursor) {}

  record Release(String version, List<Dataset> datasets, List<File> files) {}

  record Dataset(String name, List<File> distributions) {}

  record File(String fileName, String sha256) {}
}
