package cn.qingtian.portal.download;

import cn.qingtian.portal.api.GlobalId;
import cn.qingtian.portal.api.LocalizedText;
import cn.qingtian.portal.release.Release;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A dataset of a release as the API shows it: one public table and its downloads. */
public record Dataset(DatasetFiles files, Release release, DownloadSettings settings) {

  public String id() {
    return GlobalId.of("Dataset", files.id());
  }

  public String name() {
    return files.id();
  }

  public String table() {
    return files.resource().name();
  }

  public LocalizedText titleText() {
    return bilingual(files.resource().title());
  }

  public LocalizedText descriptionText() {
    return bilingual(files.resource().description());
  }

  public LocalizedText publisherText() {
    return LocalizedText.of(settings.publisherZh(), settings.publisherEn());
  }

  public String license() {
    return settings.licenseUrl();
  }

  public String updateFrequency() {
    return files.annual() ? "ANNUAL" : "IRREGULAR";
  }

  public @Nullable Coverage temporalCoverage() {
    return files.temporalStart() == null
        ? null
        : new Coverage(files.temporalStart(), files.temporalEnd());
  }

  public int rowCount() {
    return Math.toIntExact(files.rows());
  }

  public boolean containsDemoData() {
    return files.demo();
  }

  public List<Distribution> distributions() {
    return files.files().stream()
        .map(f -> Distribution.of(f, files.id(), release, settings))
        .toList();
  }

  /** Splits "中文 / English" into its languages; without " / ", all of it is Chinese. */
  static LocalizedText bilingual(String text) {
    int slash = text.indexOf(" / ");
    return slash < 0
        ? LocalizedText.of(text.strip(), null)
        : LocalizedText.of(text.substring(0, slash).strip(), text.substring(slash + 3).strip());
  }

  /** The years a dataset covers. */
  public record Coverage(Integer start, @Nullable Integer end) {}
}
