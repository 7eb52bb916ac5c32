package cn.qingtian.portal.download;

import cn.qingtian.portal.charity.GrantsPackage;
import cn.qingtian.portal.database.ReaderConnections;
import cn.qingtian.portal.dataset.DescriptorReader;
import cn.qingtian.portal.dataset.DescriptorWriter;
import cn.qingtian.portal.dataset.Resource;
import cn.qingtian.portal.dataset.SafePaths;
import cn.qingtian.portal.download.DownloadFile.Format;
import cn.qingtian.portal.release.Release;
import cn.qingtian.portal.release.Temporal;
import cn.qingtian.site.FolderLock;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes every download of one release into a folder: per public table a CSV, an Excel CSV, JSON
 * and XLSX (observations also as SDMX-CSV with their revisions, grants also as 360Giving), then the
 * release's data package, change log, checksums, ZIP and DCAT-AP catalogue. Runs on a worker thread
 * and blocks; the folder is written to the side and moved into place whole, so a reader never sees
 * half of it, and a writer killed midway leaves only a work folder that the next export removes.
 * The same release always gives byte-identical files.
 */
public final class ReleaseExport {

  static final String DATA_PACKAGE = "datapackage.json";
  static final String CHANGES = "changes.csv";
  static final String CHECKSUMS = "SHA256SUMS";
  static final String ZIP = "qingtian-portal-data.zip";
  static final String CATALOG_TURTLE = "catalog.ttl";
  static final String CATALOG_JSON_LD = "catalog.jsonld";
  static final String REVISIONS = "observations-revisions.csv";
  static final String SDMX_STRUCTURE = "observations.sdmx-structure.json";
  static final String GIVING_360 = GrantsPackage.FILE;
  private static final String LOCK = ".lock";
  private static final String WRITING = ".writing-";
  private static final String OLD = ".old-";

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String CSV = "text/csv; charset=utf-8";
  private static final String JSON_TYPE = "application/json";
  private static final String XLSX =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private final ReaderConnections connections;
  private final DownloadSettings settings;
  private final Function<Release, Optional<String>> grants;

  /**
   * @param grants the 360Giving package of a release's grants, if it has any
   */
  public ReleaseExport(
      ReaderConnections connections,
      DownloadSettings settings,
      Function<Release, Optional<String>> grants) {
    this.connections = connections;
    this.settings = settings;
    this.grants = grants;
  }

  public ReleaseFiles export(Release release, Path directory) throws IOException, SQLException {
    Path parent = directory.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    // One writer at a time per downloads folder, across processes: the work folders of a writer
    // that was killed are then recognisably abandoned and removed.
    try (FolderLock lock = FolderLock.acquire(parent.resolve(LOCK))) {
      removeAbandonedWork(parent);
      return exportLocked(release, directory, parent);
    }
  }

  private ReleaseFiles exportLocked(Release release, Path directory, Path parent)
      throws IOException, SQLException {
    Path work = Files.createTempDirectory(parent, WRITING);
    // Readable by the web server that may host it, like any published folder.
    Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
    try (Connection connection = connections.open()) {
      List<Resource> resources = publicResources(connection, release);
      int[] planPeriod = planPeriod(connection, release);
      List<DatasetFiles> datasets = new ArrayList<>();
      for (Resource resource : resources) {
        datasets.add(writeDataset(connection, release, resource, planPeriod, work));
      }
      List<DownloadFile> releaseFiles = writeReleaseFiles(connection, release, datasets, work);
      replace(work, directory);
      return new ReleaseFiles(release, directory, List.copyOf(datasets), releaseFiles);
    } catch (IOException | SQLException | RuntimeException e) {
      deleteTree(work);
      throw e;
    }
  }

  /** The public tables the release was imported with, in their package order. */
  private static List<Resource> publicResources(Connection connection, Release release)
      throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement("select resources::text from release where id = ?")) {
      statement.setInt(1, release.number());
      try (ResultSet result = statement.executeQuery()) {
        String json = result.next() ? result.getString(1) : null;
        if (json == null) {
          throw new DownloadsUnavailableException(
              "版本 "
                  + release.version()
                  + " 发布于下载功能之前，没有保存表结构 / release "
                  + release.version()
                  + " was published before downloads existed and kept no table descriptors");
        }
        List<Resource> resources = new ArrayList<>();
        for (JsonNode node : JSON.readTree(json)) {
          Resource resource = DescriptorReader.resource(node);
          if (!resource.privateData()) {
            resources.add(resource);
          }
        }
        return resources;
      }
    }
  }

  /**
   * The years of the release's plans, {@code {first, last}} ({@code null}s when it has none): the
   * coverage of a table without a time column of its own, such as the measures.
   */
  private static int[] planPeriod(Connection connection, Release release) throws SQLException {
    try (PreparedStatement statement =
            connection.prepareStatement(
                "select min(period_start), max(period_end) from plans t where "
                    + Temporal.inRelease("t", release.number()));
        ResultSet result = statement.executeQuery()) {
      result.next();
      return new int[] {result.getInt(1), result.getInt(2)};
    }
  }

  private DatasetFiles writeDataset(
      Connection connection, Release release, Resource resource, int[] planPeriod, Path work)
      throws IOException, SQLException {
    String id = DatasetFiles.idOf(resource.name());
    Path folder = Files.createDirectories(SafePaths.inside(work, id));
    TableExport.Stats stats = TableExport.stats(connection, resource, release.number());
    TableMetadata metadata = metadata(release, resource, id, stats);
    boolean observations = resource.name().equals("observations");
    writeTables(connection, release, resource, metadata, folder, id, observations);
    XlsxTableWriter.createdAt(folder.resolve(id + ".xlsx"), release.publishedAt());
    List<DownloadFile> files = files(connection, release, resource, folder, id, observations);
    boolean annual = TableExport.dated(resource);
    return new DatasetFiles(
        id,
        resource,
        stats.rows(),
        stats.demo(),
        stats.firstYear() != null || planPeriod[0] == 0 ? stats.firstYear() : planPeriod[0],
        stats.lastYear() != null || planPeriod[1] == 0 ? stats.lastYear() : planPeriod[1],
        annual,
        List.copyOf(files));
  }

  /** Streams the table once into each of its formats. */
  private static void writeTables(
      Connection connection,
      Release release,
      Resource resource,
      TableMetadata metadata,
      Path folder,
      String id,
      boolean observations)
      throws IOException, SQLException {
    try (OutputStream csv = output(folder.resolve(id + ".csv"));
        OutputStream excel = output(folder.resolve(id + "-excel.csv"));
        OutputStream json = output(folder.resolve(id + ".json"));
        OutputStream xlsx = output(folder.resolve(id + ".xlsx"));
        OutputStream sdmx =
            observations
                ? output(folder.resolve("observations.sdmx.csv"))
                : OutputStream.nullOutputStream()) {
      List<TableWriter> writers = new ArrayList<>();
      writers.add(new CsvTableWriter(csv, metadata.fields(), false));
      writers.add(new CsvTableWriter(excel, metadata.fields(), true));
      writers.add(new JsonTableWriter(json, metadata));
      writers.add(new XlsxTableWriter(xlsx, metadata));
      if (observations) {
        writers.add(new SdmxCsvWriter(sdmx, metadata.fields()));
      }
      TableExport.stream(connection, resource, release.number(), writers);
      for (TableWriter writer : writers) {
        writer.close();
      }
    }
  }

  /** The files of a dataset: its formats, and the extras of observations and charity grants. */
  private List<DownloadFile> files(
      Connection connection,
      Release release,
      Resource resource,
      Path folder,
      String id,
      boolean observations)
      throws IOException, SQLException {
    List<DownloadFile> files = new ArrayList<>();
    files.add(describe(folder, id + ".csv", Format.CSV, CSV));
    files.add(describe(folder, id + "-excel.csv", Format.CSV_EXCEL, CSV));
    files.add(describe(folder, id + ".json", Format.JSON, JSON_TYPE));
    files.add(describe(folder, id + ".xlsx", Format.XLSX, XLSX));
    if (observations) {
      files.add(
          describe(folder, "observations.sdmx.csv", Format.SDMX_CSV, SdmxCsvWriter.MEDIA_TYPE));
      Files.writeString(folder.resolve(SDMX_STRUCTURE), SdmxStructure.json(release));
      files.add(describe(folder, SDMX_STRUCTURE, Format.SDMX_STRUCTURE, JSON_TYPE));
      try (OutputStream out = output(folder.resolve(REVISIONS))) {
        ObservationRevisions.write(connection, release.number(), out);
      }
      files.add(describe(folder, REVISIONS, Format.REVISIONS_CSV, CSV));
    }
    if (resource.name().equals("charity_grants")) {
      Optional<String> giving = grants.apply(release);
      if (giving.isPresent()) {
        Files.writeString(folder.resolve(GIVING_360), giving.get());
        files.add(describe(folder, GIVING_360, Format.GIVING_360, JSON_TYPE));
      }
    }
    return files;
  }

  private TableMetadata metadata(
      Release release, Resource resource, String id, TableExport.Stats stats) {
    return new TableMetadata(
        id,
        resource.title(),
        resource.description(),
        release.version(),
        release.publishedAt(),
        settings.licenseUrl(),
        settings.publisherZh() + " / " + settings.publisherEn(),
        stats.demo(),
        stats.rows(),
        resource.schema().fields());
  }

  private List<DownloadFile> writeReleaseFiles(
      Connection connection, Release release, List<DatasetFiles> datasets, Path work)
      throws IOException, SQLException {
    Path folder = Files.createDirectories(work.resolve(ReleaseFiles.ALL));
    List<DownloadFile> files = new ArrayList<>();
    writeJson(folder.resolve(DATA_PACKAGE), dataPackage(release, datasets, false));
    files.add(describe(folder, DATA_PACKAGE, Format.DATA_PACKAGE, JSON_TYPE));
    try (OutputStream out = output(folder.resolve(CHANGES))) {
      ChangeLog.write(connection, release, datasets, out);
    }
    DownloadFile changes = describe(folder, CHANGES, Format.CHANGE_LOG, CSV);
    files.add(changes);
    // The ZIP's own data package names its tables by relative path, so it works offline.
    byte[] zipped =
        JSON.writerWithDefaultPrettyPrinter()
            .writeValueAsBytes(dataPackage(release, datasets, true));
    List<String> sums = new ArrayList<>();
    sums.add(sumLine(sha256(zipped), DATA_PACKAGE));
    sums.add(sumLine(changes.sha256(), CHANGES));
    for (DatasetFiles dataset : datasets) {
      for (DownloadFile file : dataset.files()) {
        sums.add(sumLine(file.sha256(), dataset.id() + "/" + file.name()));
      }
    }
    String checksums = String.join("", sums);
    Files.writeString(folder.resolve(CHECKSUMS), checksums);
    files.add(describe(folder, CHECKSUMS, Format.CHECKSUMS, "text/plain; charset=utf-8"));
    try (ZipOutputStream zip = new ZipOutputStream(output(folder.resolve(ZIP)))) {
      entry(zip, DATA_PACKAGE, zipped);
      entry(zip, CHANGES, Files.readAllBytes(folder.resolve(CHANGES)));
      entry(zip, CHECKSUMS, checksums.getBytes(StandardCharsets.UTF_8));
      for (DatasetFiles dataset : datasets) {
        for (DownloadFile file : dataset.files()) {
          entry(
              zip,
              dataset.id() + "/" + file.name(),
              SafePaths.inside(work, dataset.id(), file.name()));
        }
      }
    }
    files.add(describe(folder, ZIP, Format.ZIP, "application/zip"));
    ReleaseFiles catalogued = new ReleaseFiles(release, work, datasets, List.copyOf(files));
    Files.writeString(folder.resolve(CATALOG_TURTLE), DcatCatalog.turtle(catalogued, settings));
    files.add(describe(folder, CATALOG_TURTLE, Format.TURTLE, "text/turtle; charset=utf-8"));
    Files.writeString(folder.resolve(CATALOG_JSON_LD), DcatCatalog.jsonLd(catalogued, settings));
    files.add(describe(folder, CATALOG_JSON_LD, Format.JSON_LD, "application/ld+json"));
    return List.copyOf(files);
  }

  /** The Frictionless descriptor of the whole release: every table with its Table Schema. */
  private ObjectNode dataPackage(Release release, List<DatasetFiles> datasets, boolean relative) {
    boolean demo = datasets.stream().anyMatch(DatasetFiles::demo);
    ObjectNode root = JSON.createObjectNode();
    root.put("$schema", "https://datapackage.org/profiles/2.0/datapackage.json");
    root.put("name", "qingtian-portal-data");
    root.put("id", settings.url(ReleaseFiles.ALL, release.version(), DATA_PACKAGE));
    root.put(
        "title",
        "青田县“扩中”“提低”进展数据（版本 "
            + release.version()
            + "）/ Qingtian common prosperity progress data (release "
            + release.version()
            + ")");
    root.put(
        "description",
        "门户一个发布版本的全部公开表。/ Every public table of one release of the portal."
            + (demo ? " " + TableMetadata.DEMO_NOTE : ""));
    root.put("version", release.version());
    root.put("created", release.publishedAt());
    root.putArray("keywords").add("青田").add("Qingtian").add("common prosperity");
    ObjectNode license = root.putArray("licenses").addObject();
    license.put("path", settings.licenseUrl());
    license.put("title", settings.licenseUrl());
    ObjectNode publisher = root.putArray("contributors").addObject();
    publisher.put("title", settings.publisherZh() + " / " + settings.publisherEn());
    publisher.putArray("roles").add("publisher");
    ArrayNode resources = root.putArray("resources");
    for (DatasetFiles dataset : datasets) {
      DownloadFile csv = dataset.file(dataset.id() + ".csv").orElseThrow();
      ObjectNode resource = resources.addObject();
      resource.put("name", dataset.resource().name());
      resource.put("type", "table");
      resource.put(
          "path",
          relative
              ? dataset.id() + "/" + csv.name()
              : settings.url(dataset.id(), release.version(), csv.name()));
      resource.put("title", dataset.resource().title());
      if (!dataset.resource().description().isEmpty()) {
        resource.put("description", dataset.resource().description());
      }
      resource.put("format", "csv");
      resource.put("mediatype", "text/csv");
      resource.put("encoding", "utf-8");
      resource.put("bytes", csv.byteSize());
      resource.put("hash", "sha256:" + csv.sha256());
      // Stated, not left to sniffing: validators guess "(" as the delimiter of a file whose names
      // read "青田县（演示）… (DEMO) …".
      ObjectNode dialect = resource.putObject("dialect");
      dialect.put("delimiter", ",");
      dialect.put("quoteChar", "\"");
      dialect.put("doubleQuote", true);
      dialect.put("header", true);
      resource.set("schema", DescriptorWriter.schema(dataset.resource().schema()));
    }
    return root;
  }

  private static String sumLine(String sha256, String path) {
    return sha256 + "  " + path + "\n";
  }

  private static void entry(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
    zip.putNextEntry(zipEntry(name));
    zip.write(bytes);
    zip.closeEntry();
  }

  private static void entry(ZipOutputStream zip, String name, Path file) throws IOException {
    zip.putNextEntry(zipEntry(name));
    Files.copy(file, zip);
    zip.closeEntry();
  }

  /** Entries carry a fixed time, so the same release always zips to the same bytes. */
  static ZipEntry zipEntry(String name) {
    ZipEntry entry = new ZipEntry(name);
    entry.setTime(315_532_800_000L);
    return entry;
  }

  /**
   * Describes a written file and, for text worth compressing, writes a gzip copy beside it for
   * clients that accept it.
   */
  static DownloadFile describe(Path folder, String name, Format format, String mediaType)
      throws IOException {
    Path file = folder.resolve(name);
    long size = Files.size(file);
    boolean gzipped = size > 1024 && !name.endsWith(".xlsx") && !name.endsWith(".zip");
    if (gzipped) {
      try (OutputStream out = new GZIPOutputStream(output(folder.resolve(name + ".gz")), 1 << 16)) {
        Files.copy(file, out);
      }
    }
    return new DownloadFile(name, format, mediaType, size, sha256(file), gzipped);
  }

  static String sha256(Path file) throws IOException {
    MessageDigest digest = sha256();
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static String sha256(byte[] bytes) {
    return sha256Hex(bytes);
  }

  static String sha256Hex(byte[] bytes) {
    return HexFormat.of().formatHex(sha256().digest(bytes));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void writeJson(Path file, JsonNode node) throws IOException {
    Files.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(node));
  }

  private static OutputStream output(Path file) throws IOException {
    return new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
  }

  /** Deletes the work folders of writers that died before finishing: called under the lock. */
  private static void removeAbandonedWork(Path parent) throws IOException {
    try (var entries = Files.list(parent)) {
      for (Path entry : entries.toList()) {
        String name = entry.getFileName().toString();
        if (name.startsWith(WRITING) || name.startsWith(OLD)) {
          deleteTree(entry);
        }
      }
    }
  }

  /** Moves the written folder into place, replacing an earlier copy of the same release. */
  private static void replace(Path work, Path directory) throws IOException {
    Path old = null;
    if (Files.exists(directory)) {
      old = Files.createTempDirectory(directory.toAbsolutePath().getParent(), OLD);
      Files.move(directory, old.resolve("release"), StandardCopyOption.ATOMIC_MOVE);
    }
    Files.move(work, directory, StandardCopyOption.ATOMIC_MOVE);
    if (old != null) {
      deleteTree(old);
    }
  }

  static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (var paths = Files.walk(root)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
