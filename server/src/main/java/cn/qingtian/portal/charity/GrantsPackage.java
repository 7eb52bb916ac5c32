package cn.qingtian.portal.charity;

import cn.qingtian.portal.architecture.FeatureInterface;
import cn.qingtian.portal.indicator.Provenance;
import cn.qingtian.portal.release.Release;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The grants of a release as a 360Giving data package (schema 1.4), one of the release's downloads
 * at {@code /datasets/charity-grants/{version}/charity-grants.360giving.json}. Every grant carries
 * its provenance as a classification, and the package title and description say when DEMO grants
 * are in it.
 */
@FeatureInterface
@Component
public class GrantsPackage {

  /** The file's name among the dataset's downloads. */
  public static final String FILE = "charity-grants.360giving.json";

  static final String PUBLISHER = "青田县“扩中”“提低”进展门户 / Qingtian Common Prosperity Progress Portal";

  /** Organizations without an identifier of a public register get one under the portal's prefix. */
  static final String ORGANIZATION_PREFIX = "360G-qtportal-org-";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final CharityRegistry registry;
  private final CharityRepository charities;

  GrantsPackage(CharityRegistry registry, CharityRepository charities) {
    this.registry = registry;
    this.charities = charities;
  }

  /** The package as JSON, or nothing when the release has no grants. */
  public Mono<String> json(Release release) {
    return Mono.zip(
            registry.all(release.number()), charities.grants(release.number(), null).collectList())
        .filter(t -> !t.getT2().isEmpty())
        .map(t -> JSON.writeValueAsString(grantPackage(release, t.getT1(), t.getT2())));
  }

  static ObjectNode grantPackage(
      Release release, List<Charity> registry, List<CharityGrant> grants) {
    Map<String, Charity> byCode =
        registry.stream().collect(Collectors.toMap(Charity::code, c -> c));
    boolean demo = grants.stream().anyMatch(g -> g.provenance() == Provenance.DEMO);
    ObjectNode root = JSON.createObjectNode();
    root.put("version", "1.4");
    root.put(
        "title",
        (demo ? "（含演示数据）" : "")
            + "青田县慈善组织资助 / Grants by charity organizations in Qingtian"
            + (demo ? " (includes DEMO data)" : ""));
    root.put(
        "description",
        "Grants from the charity organizations of the Qingtian registry to other organizations,"
            + " release "
            + release.version()
            + ". Recipients are organizations only; no person is named."
            + (demo
                ? " Grants classified DEMO (vocabulary qtportal:provenance) are synthetic, not real."
                : ""));
    root.put("identifier", "qtportal-charity-grants-" + release.version());
    root.put("issued", release.publishedAt());
    root.putObject("publisher").put("name", PUBLISHER);
    root.put("license", "https://creativecommons.org/licenses/by/4.0/");
    ArrayNode list = root.putArray("grants");
    for (CharityGrant grant : grants) {
      list.add(grant(grant, byCode.get(grant.funderCode())));
    }
    return root;
  }

  private static ObjectNode grant(CharityGrant grant, Charity funder) {
    ObjectNode node = JSON.createObjectNode();
    node.put("id", grant.id());
    node.put("title", bilingual(grant.titleText().zh(), grant.titleText().en()));
    node.put("description", bilingual(grant.descriptionText().zh(), grant.descriptionText().en()));
    node.put("currency", grant.currency());
    node.put("amountAwarded", grant.amount());
    node.put("awardDate", grant.awardDate());
    node.putArray("recipientOrganization")
        .addObject()
        .put("id", grant.recipientId())
        .put("name", bilingual(grant.recipientNameText().zh(), grant.recipientNameText().en()));
    ObjectNode funding = node.putArray("fundingOrganization").addObject();
    funding.put("id", ORGANIZATION_PREFIX + funder.code());
    funding.put("name", bilingual(funder.nameText().zh(), funder.nameText().en()));
    ArrayNode classifications = node.putArray("classifications");
    classifications
        .addObject()
        .put("vocabulary", "qtportal:provenance")
        .put("code", grant.provenance().name())
        .put(
            "title",
            grant.provenance() == Provenance.DEMO ? "演示数据 / DEMO data" : grant.provenance().name());
    if (grant.field() != null) {
      classifications
          .addObject()
          .put("vocabulary", "qtportal:charity-field")
          .put("code", grant.field());
    }
    return node;
  }

  private static String bilingual(String zh, String en) {
    return en == null || en.isBlank() ? zh : zh + " / " + en;
  }
}
