package cn.qingtian.portal.charity;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import cn.qingtian.portal.indicator.Provenance;
import cn.qingtian.portal.release.CurrentRelease;
import cn.qingtian.portal.release.Release;
import cn.qingtian.portal.release.ReleaseRepository;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The grants of a release as a 360Giving data package (schema 1.4), at {@value #PATH}: the version
 * is a release version or {@code latest}. Every grant carries its provenance as a classification,
 * and the package title and description say when DEMO grants are in it.
 */
@Configuration(proxyBeanMethods = false)
class GrantsExport {

  static final String PATH = "/datasets/charity-grants/{version}/charity-grants.360giving.json";
  static final String PUBLISHER = "青田县“扩中”“提低”进展门户 / Qingtian Common Prosperity Progress Portal";

  /** Organizations without an identifier of a public register get one under the portal's prefix. */
  static final String ORGANIZATION_PREFIX = "360G-qtportal-org-";

  private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z.+_-]{1,64}");
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final MediaType JSON_UTF8 =
      MediaType.parseMediaType("application/json;charset=UTF-8");

  @Bean
  RouterFunction<ServerResponse> grantsExportRoute(
      CurrentRelease current,
      ReleaseRepository releases,
      CharityRegistry registry,
      CharityRepository charities) {
    return route(GET(PATH), request -> export(request, current, releases, registry, charities));
  }

  private static Mono<ServerResponse> export(
      ServerRequest request,
      CurrentRelease current,
      ReleaseRepository releases,
      CharityRegistry registry,
      CharityRepository charities) {
    String version = request.pathVariable("version");
    if (!VERSION.matcher(version).matches()) {
      return problem(
          HttpStatus.BAD_REQUEST, "版本号格式不对 / not a release version: use latest or e.g. 1.3.0");
    }
    Mono<Release> release =
        version.equals("latest") || version.equals(current.get().version())
            ? Mono.just(current.get()).filter(r -> r.number() > 0)
            : releases.byVersion(version);
    return release
        .flatMap(
            r ->
                Mono.zip(registry.all(r.number()), charities.grants(r.number(), null).collectList())
                    .flatMap(t -> respond(r, t.getT1(), t.getT2())))
        .switchIfEmpty(
            problem(HttpStatus.NOT_FOUND, "没有这个版本 / no release with version " + version));
  }

  private static Mono<ServerResponse> respond(
      Release release, List<Charity> registry, List<CharityGrant> grants) {
    if (grants.isEmpty()) {
      return problem(
          HttpStatus.NOT_FOUND,
          "版本 " + release.version() + " 没有资助记录 / release " + release.version() + " has no grants");
    }
    String body = JSON.writeValueAsString(grantPackage(release, registry, grants));
    return ServerResponse.ok()
        .contentType(JSON_UTF8)
        .eTag(release.contentHash())
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"charity-grants-" + release.version() + ".360giving.json\"")
        .bodyValue(body);
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

  private static Mono<ServerResponse> problem(HttpStatus status, String message) {
    return ServerResponse.status(status)
        .contentType(JSON_UTF8)
        .bodyValue(JSON.writeValueAsString(Map.of("error", message)));
  }
}
