package cn.qingtian.portal.charity;

import cn.qingtian.portal.api.BatchResults;
import cn.qingtian.portal.api.Connection;
import cn.qingtian.portal.api.GlobalId;
import cn.qingtian.portal.api.PageRequest;
import cn.qingtian.portal.api.Pagination;
import cn.qingtian.portal.indicator.Source;
import cn.qingtian.portal.indicator.Sources;
import cn.qingtian.portal.release.Release;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.Arguments;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** The {@code Charity} type and the {@code charities} and {@code charity} queries. */
@Controller
class CharityController {

  private final CharityRegistry registry;
  private final CharityRepository repository;
  private final Sources sources;

  CharityController(CharityRegistry registry, CharityRepository repository, Sources sources) {
    this.registry = registry;
    this.repository = repository;
    this.sources = sources;
  }

  @QueryMapping
  Mono<Connection<Charity>> charities(
      @Arguments CharityFilter filter, @Arguments PageRequest page, @ContextValue Release release) {
    return registry
        .all(release.number())
        .map(
            all ->
                Pagination.page(
                    all.stream().filter(filter::matches).toList(), Charity::code, page));
  }

  @QueryMapping
  Mono<Charity> charity(
      @Argument @Nullable String id,
      @Argument @Nullable String code,
      @ContextValue Release release) {
    String wanted = GlobalId.codeOf(id, code, "Charity");
    return registry.byCode(release.number(), wanted);
  }

  @BatchMapping
  Mono<Map<Charity, List<CharityFinance>>> finances(
      List<Charity> charities, @ContextValue Release release) {
    return repository
        .finances(release.number(), BatchResults.keys(charities, Charity::code))
        .collectMultimap(CharityFinance::charityCode)
        .map(byCharity -> BatchResults.children(charities, Charity::code, byCharity));
  }

  @BatchMapping
  Mono<Map<Charity, List<DonationAggregate>>> donations(
      List<Charity> charities, @ContextValue Release release) {
    return repository
        .donations(release.number(), BatchResults.keys(charities, Charity::code))
        .collectMultimap(DonationAggregate::charityCode)
        .map(byCharity -> BatchResults.children(charities, Charity::code, byCharity));
  }

  @BatchMapping
  Mono<Map<Charity, List<CharityGrant>>> grantsMade(
      List<Charity> charities, @ContextValue Release release) {
    return repository
        .grants(release.number(), BatchResults.keys(charities, Charity::code))
        .collectMultimap(CharityGrant::funderCode)
        .map(byFunder -> BatchResults.children(charities, Charity::code, byFunder));
  }

  @BatchMapping
  Mono<Map<Charity, List<CharityGrant>>> grantsReceived(
      List<Charity> charities, @ContextValue Release release) {
    return repository
        .grants(release.number(), BatchResults.keys(charities, Charity::code))
        .filter(g -> g.recipientCharityCode() != null)
        .collectMultimap(CharityGrant::recipientCharityCode)
        .map(byRecipient -> BatchResults.children(charities, Charity::code, byRecipient));
  }

  @BatchMapping(typeName = "Grant", field = "funder")
  Mono<Map<CharityGrant, Charity>> grantFunder(
      List<CharityGrant> grants, @ContextValue Release release) {
    return registry
        .all(release.number())
        .map(all -> BatchResults.parent(grants, CharityGrant::funderCode, byCode(all)));
  }

  @BatchMapping(typeName = "Grant", field = "recipientCharity")
  Mono<Map<CharityGrant, Charity>> grantRecipient(
      List<CharityGrant> grants, @ContextValue Release release) {
    return registry
        .all(release.number())
        .map(all -> BatchResults.parent(grants, CharityGrant::recipientCharityCode, byCode(all)));
  }

  @BatchMapping(typeName = "Grant", field = "source")
  Mono<Map<CharityGrant, Source>> grantSource(
      List<CharityGrant> grants, @ContextValue Release release) {
    return sources.citedBy(release.number(), grants, CharityGrant::sourceCode);
  }

  @BatchMapping(typeName = "DonationAggregate", field = "source")
  Mono<Map<DonationAggregate, Source>> donationSource(
      List<DonationAggregate> donations, @ContextValue Release release) {
    return sources.citedBy(release.number(), donations, DonationAggregate::sourceCode);
  }

  @BatchMapping(typeName = "Charity", field = "source")
  Mono<Map<Charity, Source>> charitySource(List<Charity> charities, @ContextValue Release release) {
    return sources.citedBy(release.number(), charities, Charity::sourceCode);
  }

  @BatchMapping(typeName = "CharityFinance", field = "source")
  Mono<Map<CharityFinance, Source>> financeSource(
      List<CharityFinance> finances, @ContextValue Release release) {
    return sources.citedBy(release.number(), finances, CharityFinance::sourceCode);
  }

  private static Map<String, Charity> byCode(List<Charity> all) {
    return all.stream().collect(Collectors.toMap(Charity::code, c -> c));
  }
}
