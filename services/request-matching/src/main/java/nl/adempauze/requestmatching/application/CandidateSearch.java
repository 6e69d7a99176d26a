package nl.adempauze.requestmatching.application;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.adempauze.contracts.Nights;
import nl.adempauze.requestmatching.MatchingSettings;
import nl.adempauze.requestmatching.domain.BorderRanking;
import nl.adempauze.requestmatching.domain.Candidate;
import nl.adempauze.requestmatching.domain.CandidateRanker;
import nl.adempauze.requestmatching.domain.CareTypeRule;
import nl.adempauze.requestmatching.domain.MatchingRequest;
import nl.adempauze.requestmatching.domain.NightCalendar;
import nl.adempauze.requestmatching.domain.RankedCandidate;
import nl.adempauze.requestmatching.domain.StayDates;
import nl.adempauze.requestmatching.domain.Urgency;
import nl.adempauze.requestmatching.persistence.OfferRepository;
import nl.adempauze.requestmatching.persistence.ReferenceDataRepository;
import nl.adempauze.requestmatching.persistence.ReplicaRepository;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Finds and ranks the candidates for a request from matching's replica: free-now beds, or for a care type on the
 * calendar, (location, dates) pairs with a bed on every night of the stay that the protection rule lets it take.
 * A free-now request whose own region has no candidate looks across the border ({@link BorderRanking}); a stay on
 * the calendar (planned respite, under its own region's protection rules and municipal contracts) does not.
 */
@Component
public class CandidateSearch {

    private static final Duration DEFAULT_FRESHNESS = Duration.ofHours(12);

    /**
     * The ranking, and for an empty one why: how many locations were tried before, how many only had protected
     * nights (a coordinator may override), and whether a planned stay's dates have all begun.
     */
    public record Result(List<RankedCandidate> ranking, int tried, int protectedOnly, boolean windowPassed) {
    }

    private final OfferRepository offers;
    private final ReplicaRepository replica;
    private final ReferenceDataRepository reference;
    private final MatchingSettings settings;
    private final MatchingMetrics metrics;
    private final CandidateRanker ranker = new CandidateRanker();

    public CandidateSearch(OfferRepository offers, ReplicaRepository replica, ReferenceDataRepository reference,
                           MatchingSettings settings, MatchingMetrics metrics) {
        this.offers = offers;
        this.replica = replica;
        this.reference = reference;
        this.settings = settings;
        this.metrics = metrics;
    }

    /**
     * Searches with the care type's rule; without one (unknown to the replica yet), as a free-now request. Timed as
     * {@value MatchingMetrics#SEARCH}.
     */
    public Mono<Result> search(MatchingRequest request, CareTypeRule rule, Instant now) {
        boolean onCalendar = rule != null && rule.onCalendar();
        return metrics.search(onCalendar, onCalendar ? calendarSearch(request, rule, now) : freeNowSearch(request, now));
    }

    private Mono<Result> freeNowSearch(MatchingRequest request, Instant now) {
        Mono<Set<String>> tried = triedLocations(request);
        Mono<Duration> freshness = freshnessWindow(request);
        return Mono.zip(tried, replica.candidates(request.region(), request.careType(),
                                now.minus(settings.acceptanceWindow())).collectList(), freshness)
                .flatMap(t -> {
                    List<RankedCandidate> own = ranker.rank(request.profile(), t.getT2(), t.getT1(), now, t.getT3());
                    Mono<List<RankedCandidate>> ranking = own.isEmpty() ? acrossTheBorder(request, t.getT1(), now)
                            : Mono.just(BorderRanking.combine(request.region(), own, List.of(), Map.of()));
                    return ranking.map(ranked -> new Result(ranked, t.getT1().size(), 0, false));
                });
    }

    /**
     * When the own region has no candidate: the free beds of the neighbour regions that let theirs be offered then,
     * ranked from the patient's home as usual (each against its own region's freshness window), marked outside.
     */
    private Mono<List<RankedCandidate>> acrossTheBorder(MatchingRequest request, Set<String> tried, Instant now) {
        return reference.neighbours(request.region()).flatMap(neighbours -> Flux
                .fromIterable(BorderRanking.offeringNeighbours(request.region(), neighbours))
                .concatMap(region -> Mono.zip(Mono.just(region),
                        replica.candidates(region, request.careType(), now.minus(settings.acceptanceWindow()))
                                .collectList(),
                        reference.freshnessWindow(region).defaultIfEmpty(DEFAULT_FRESHNESS)))
                .collectMap(t -> t.getT1(), t -> ranker.rank(request.profile(), t.getT2(), tried, now, t.getT3()))
                .map(ofNeighbour -> BorderRanking.combine(request.region(), List.of(), neighbours, ofNeighbour)));
    }

    private Mono<Result> calendarSearch(MatchingRequest request, CareTypeRule rule, Instant now) {
        Mono<Set<String>> tried = triedLocations(request);
        Mono<Duration> freshness = freshnessWindow(request);
        Instant acceptanceSince = now.minus(settings.acceptanceWindow());
        List<StayDates> options = stayOptions(request, rule, now);
        if (options.isEmpty()) {
            return tried.map(locations -> new Result(List.of(), locations.size(), 0, true));
        }
        LocalDate from = options.stream().map(StayDates::firstNight).min(Comparator.naturalOrder()).orElseThrow();
        LocalDate to = options.stream().map(StayDates::lastNight).max(Comparator.naturalOrder()).orElseThrow();
        Mono<Map<String, NightCalendar>> calendars = replica.nights(request.region(), request.careType(), from, to)
                .collectList().map(CandidateSearch::calendars);
        Mono<List<Candidate>> locations = replica.calendarCandidates(request.region(), request.careType(), from, to,
                acceptanceSince).collectList();
        boolean contractRequired = request.urgency() == Urgency.PLANNED && rule.fundedByMunicipality();
        return Mono.zip(tried, locations, calendars, freshness).map(t -> {
            List<CandidateRanker.Option> fitting = new ArrayList<>();
            Set<String> protectedOnly = new HashSet<>();
            for (Candidate location : t.getT2()) {
                NightCalendar calendar = t.getT3().get(location.locationId());
                if (calendar == null) {
                    continue;
                }
                boolean fits = false;
                for (StayDates dates : options) {
                    NightCalendar.Fit fit = calendar.fit(dates, request.urgency(), rule.protection(),
                            request.planning().protectionOverride(), now);
                    if (fit == NightCalendar.Fit.FITS) {
                        fitting.add(new CandidateRanker.Option(onTheseNights(location, calendar, dates), dates));
                        fits = true;
                    } else if (fit == NightCalendar.Fit.PROTECTED) {
                        protectedOnly.add(location.locationId());
                    }
                }
                if (fits || t.getT1().contains(location.locationId())) {
                    protectedOnly.remove(location.locationId());
                }
            }
            return new Result(BorderRanking.combine(request.region(), ranker.rankOptions(
                    request.profile(contractRequired), fitting, t.getT1(), now, t.getT4()), List.of(), Map.of()),
                    t.getT1().size(), protectedOnly.size(), false);
        });
    }

    private Mono<Set<String>> triedLocations(MatchingRequest request) {
        return offers.triedLocations(request.id(), request.planning().roundStartedAt()).collect(Collectors.toSet());
    }

    private Mono<Duration> freshnessWindow(MatchingRequest request) {
        return reference.freshnessWindow(request.region()).defaultIfEmpty(DEFAULT_FRESHNESS);
    }

    /**
     * The dates a request may take: a planned stay's options from tonight on; a crisis stay from tonight, for the
     * nights asked or the default, never beyond the care type's maximum.
     */
    List<StayDates> stayOptions(MatchingRequest request, CareTypeRule rule, Instant now) {
        LocalDate tonight = Nights.nightOf(now);
        if (request.urgency() == Urgency.PLANNED && request.planning().stay() != null) {
            return request.planning().stay().options(tonight);
        }
        int nights = request.planning().nights() != null ? request.planning().nights()
                : Math.min(settings.defaultCrisisNights(), rule.maxStayNights());
        return List.of(new StayDates(tonight, nights, 0));
    }

    private static Candidate onTheseNights(Candidate location, NightCalendar calendar, StayDates dates) {
        int fewest = dates.eachNight().mapToInt(night -> calendar.nights().get(night).available()).min().orElse(0);
        return new Candidate(location.locationId(), location.name(), location.providerId(), location.municipality(),
                location.latitude(), location.longitude(), location.features(), location.open(),
                location.contractedFunders(), fewest, calendar.publishedAt(), location.acceptance());
    }

    private static Map<String, NightCalendar> calendars(List<ReplicaRepository.NightRow> rows) {
        Map<String, Map<LocalDate, NightCalendar.Beds>> nights = new HashMap<>();
        Map<String, Instant> oldest = new HashMap<>();
        for (ReplicaRepository.NightRow row : rows) {
            nights.computeIfAbsent(row.locationId(), id -> new HashMap<>())
                    .put(row.night(), new NightCalendar.Beds(row.availableBeds(), row.protectedBeds()));
            oldest.merge(row.locationId(), row.publishedAt(), (a, b) -> a.isBefore(b) ? a : b);
        }
        Map<String, NightCalendar> calendars = new HashMap<>();
        nights.forEach((location, byNight) -> calendars.put(location, new NightCalendar(byNight, oldest.get(location))));
        return calendars;
    }
}
