package cn.qingtian.portal.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Checks of what a reader can reach after a crash: the site behind its link is one complete build,
 * and every release folder of the downloads is complete (its checksums verify) or absent.
 */
final class PublishedFiles {

  private static final Pattern LOC = Pattern.compile("<loc>([^<]+)</loc>");

  private PublishedFiles() {}

  /**
   * The build the site link points at, after checking that it is complete: every page of its
   * sitemap exists and every HTML file in it is whole; its downloads verify. Returns the number of
   * pages in the sitemap.
   */
  static int assertCompleteSite(Path site) throws IOException {
    assertThat(Files.isSymbolicLink(site)).as("%s is the link to the live build", site).isTrue();
    assertThat(Files.isDirectory(site)).as("%s resolves to a build folder", site).isTrue();
    Path build = site.toRealPath();
    for (String file : List.of("sitemap.xml", "robots.txt", "index.html", "assets/site.css")) {
      assertThat(build.resolve(file)).as("live build %s", build).isRegularFile();
    }
    String sitemap = Files.readString(build.resolve("sitemap.xml"));
    assertThat(sitemap).endsWith("</urlset>\n");
    Matcher loc = LOC.matcher(sitemap);
    int pages = 0;
    while (loc.find()) {
      String path = URI.create(loc.group(1)).getPath().replaceFirst("^/", "");
      Path page = build.resolve(path.isEmpty() || path.endsWith("/") ? path + "index.html" : path);
      assertThat(page).as("page of the sitemap in %s", build).isRegularFile();
      pages++;
    }
    assertThat(pages).as("pages in the sitemap").isGreaterThan(100);
    try (Stream<Path> files = Files.walk(build)) {
      for (Path html : files.filter(p -> p.toString().endsWith(".html")).toList()) {
        String text = Files.readString(html);
        assertThat(text.strip()).as("%s is whole", html).startsWith("<!DOCTYPE html>");
        assertThat(text.strip()).as("%s is whole", html).endsWith("</html>");
      }
    }
    Path datasets = build.resolve("datasets");
    Path all = datasets.resolve("all");
    try (Stream<Path> versions = Files.list(all)) {
      for (Path version : versions.toList()) {
        String name = version.getFileName().toString();
        assertReleaseFilesVerify(
            version,
            path ->
                path.contains("/")
                    ? datasets
                        .resolve(path.substring(0, path.indexOf('/')))
                        .resolve(name)
                        .resolve(path.substring(path.indexOf('/') + 1))
                    : version.resolve(path));
      }
    }
    return pages;
  }

  /**
   * Every release folder in a downloads directory verifies against its {@code SHA256SUMS}; folders
   * whose name starts with a dot are work in progress, never served. Returns the releases checked.
   */
  static int assertCompleteDownloads(Path downloads) throws IOException {
    if (!Files.isDirectory(downloads)) {
      return 0;
    }
    int releases = 0;
    try (Stream<Path> entries = Files.list(downloads)) {
      for (Path release : entries.toList()) {
        if (release.getFileName().toString().startsWith(".")) {
          continue;
        }
        assertReleaseFilesVerify(release.resolve("all"), path -> release.resolve(path));
        releases++;
      }
    }
    return releases;
  }

  /** Leftovers of interrupted writers in a folder: names starting with one of the prefixes. */
  static List<String> leftovers(Path folder, String... prefixes) throws IOException {
    List<String> found = new ArrayList<>();
    if (!Files.isDirectory(folder)) {
      return found;
    }
    try (Stream<Path> entries = Files.list(folder)) {
      entries
          .map(p -> p.getFileName().toString())
          .filter(n -> Stream.of(prefixes).anyMatch(n::startsWith))
          .sorted()
          .forEach(found::add);
    }
    return found;
  }

  /**
   * A release's files against its {@code SHA256SUMS}: each data file on disk ({@code changes.csv}
   * beside the sums, dataset files where {@code locate} says), each entry of the ZIP (whose data
   * package is the relative one), and each gzip copy against its file.
   */
  private static void assertReleaseFilesVerify(Path allFolder, Function<String, Path> locate)
      throws IOException {
    Path sums = allFolder.resolve("SHA256SUMS");
    assertThat(sums).as("checksums of %s", allFolder.getParent()).isRegularFile();
    List<String> lines = Files.readAllLines(sums, StandardCharsets.UTF_8);
    assertThat(lines).as("checksums of %s", allFolder).hasSizeGreaterThan(20);
    try (ZipFile zip = new ZipFile(allFolder.resolve("qingtian-portal-data.zip").toFile())) {
      for (String line : lines) {
        String sha = line.substring(0, 64);
        String path = line.substring(66);
        if (!path.equals("datapackage.json")) {
          Path file = path.contains("/") ? locate.apply(path) : allFolder.resolve(path);
          assertThat(sha256(Files.readAllBytes(file))).as("%s", file).isEqualTo(sha);
          Path gzip = file.resolveSibling(file.getFileName() + ".gz");
          if (Files.exists(gzip, LinkOption.NOFOLLOW_LINKS)) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(gzip))) {
              assertThat(sha256(in.readAllBytes())).as("%s", gzip).isEqualTo(sha);
            }
          }
        }
        ZipEntry entry = zip.getEntry(path);
        assertThat(entry).as("%s in the ZIP", path).isNotNull();
        try (InputStream in = zip.getInputStream(entry)) {
          assertThat(sha256(in.readAllBytes())).as("%s in the ZIP", path).isEqualTo(sha);
        }
      }
    }
    for (String file : List.of("catalog.ttl", "catalog.jsonld", "datapackage.json")) {
      assertThat(allFolder.resolve(file)).isRegularFile();
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
