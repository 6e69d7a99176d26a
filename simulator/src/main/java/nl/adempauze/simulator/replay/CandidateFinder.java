package nl.adempauze.simulator.replay;

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
import nl.adempauze.bedavailability.domain.CapacityFigure;
import nl.adempauze.bedavailability.domain.NightCapacity;
import nl.adempauze.bedavailability.domain.ProtectionRule;
import nl.adempauze.contracts.Nights;
import nl.adempauze.requestmatching.domain.BorderRanking;
import nl.adempauze.requestmatching.domain.Candidate;
import nl.adempauze.requestmatching.domain.CandidateRanker;
import nl.adempauze.requestmatching.domain.CareTypeRule;
import nl.adempauze.requestmatching.domain.Geo;
import nl.adempauze.requestmatching.domain.MatchProfile;
import nl.adempauze.requestmatching.domain.MatchingRequest;
import nl.adempauze.requestmatching.domain.NightCalendar;
import nl.adempauze.requestmatching.domain.RankedCandidate;
import nl.adempauze.requestmatching.domain.StayDates;
import nl.adempauze.requestmatching.domain.Urgency;
import nl.adempauze.simulator.Scenario;
import nl.adempauze.simulator.region.BedLocation;
import nl.adempauze.simulator.region.RegionModel;

/**
 * request-matching's candidate search, replayed. The service's {@code CandidateSearch} reads its replica through
 * repositories; its decisions are domain classes, called here the same way: calendar fits by matching's
 * {@link NightCalendar#fit}, ranking by {@link CandidateRanker}, the border by {@link BorderRanking} (free-now care
 * types only, as in the service). The replica is always current here (no event lag) and every figure fresh
 * (assumption). With {@link Scenario.Ranking#NEAREST} the ranker is replaced by distance alone (a baseline).
 */
public final class CandidateFinder {

    /** Nights a crisis stay in a calendar bed holds when the request does not say (request-matching.yml). */
    static final int DEFAULT_CRISIS_NIGHTS = 7;
    /** The window over which a location's acceptance rate counts (request-matching.yml, acceptance-window). */
    static final Duration ACCEPTANCE_WINDOW = Duration.ofDays(30);
    private static final Duration FRESHNESS = Duration.ofHours(12);

    /** As CandidateSearch.Result: the ranking, and for an empty one why. */
    public record Result(List<RankedCandidate> ranking, int tried, int protectedOnly, boolean windowPassed) {
    }

    private final Map<String, RegionModel> regions;
    private final Beds beds;
    private final AcceptanceRecords acceptance;
    private final Scenario.Ranking mode;
    private final CandidateRanker ranker = new CandidateRanker();

    public CandidateFinder(Map<String, RegionModel> regions, Beds beds, AcceptanceRecords acceptance,
                           Scenario.Ranking mode) {
        this.regions = regions;
        this.beds = beds;
        this.acceptance = acceptance;
        this.mode = mode;
    }

    public Result search(MatchingRequest request, CareTypeRule rule, Set<String> tried, Instant now) {
        return rule.onCalendar() ? calendarSearch(request, rule, tried, now) : freeNowSearch(request, tried, now);
    }

    private Result freeNowSearch(MatchingRequest request, Set<String> tried, Instant now) {
        RegionModel own = regions.get(request.region());
        List<RankedCandidate> ranked = rank(request.profile(), freeNowCandidates(own, request.careType(), now),
                tried, now);
        if (!ranked.isEmpty()) {
            return new Result(BorderRanking.combine(own.id(), ranked, List.of(), Map.of()), tried.size(), 0, false);
        }
        Map<String, List<RankedCandidate>> ofNeighbour = new HashMap<>();
        for (String neighbour : BorderRanking.offeringNeighbours(own.id(), own.neighbours())) {
            RegionModel region = regions.get(neighbour);
            if (region != null) {
                ofNeighbour.put(neighbour, rank(request.profile(), freeNowCandidates(region, request.careType(),
                        now), tried, now));
            }
        }
        return new Result(BorderRanking.combine(own.id(), List.of(), own.neighbours(), ofNeighbour), tried.size(),
                0, false);
    }

    private List<CandidateRanker.Option> freeNowCandidates(RegionModel region, String careType, Instant now) {
        List<CandidateRanker.Option> options = new ArrayList<>();
        for (BedLocation location : region.locations()) {
            CapacityFigure figure = beds.figure(location.id(), careType);
            if (figure != null) {
                options.add(new CandidateRanker.Option(candidate(location, careType, figure.availableBeds(), now),
                        null));
            }
        }
        return options;
    }

    private Result calendarSearch(MatchingRequest request, CareTypeRule rule, Set<String> tried, Instant now) {
        List<StayDates> options = stayOptions(request, rule, now);
        if (options.isEmpty()) {
            return new Result(List.of(), tried.size(), 0, true);
        }
        RegionModel region = regions.get(request.region());
        ProtectionRule protection = region.protectionOf(request.careType());
        List<CandidateRanker.Option> fitting = new ArrayList<>();
        Set<String> protectedOnly = new HashSet<>();
        for (BedLocation location : region.locations()) {
            if (location.bedsOf(request.careType()) == 0) {
                continue;
            }
            NightCalendar calendar = replica(location, request.careType(), protection, options, now);
            boolean fits = false;
            for (StayDates dates : options) {
                NightCalendar.Fit fit = calendar.fit(dates, request.urgency(), rule.protection(),
                        request.planning().protectionOverride(), now);
                if (fit == NightCalendar.Fit.FITS) {
                    int fewest = dates.eachNight().mapToInt(night -> calendar.nights().get(night).available())
                            .min().orElse(0);
                    fitting.add(new CandidateRanker.Option(candidate(location, request.careType(), fewest, now),
                            dates));
                    fits = true;
                } else if (fit == NightCalendar.Fit.PROTECTED) {
                    protectedOnly.add(location.id());
                }
            }
            if (fits || tried.contains(location.id())) {
                protectedOnly.remove(location.id());
            }
        }
        boolean contractRequired = request.urgency() == Urgency.PLANNED && rule.fundedByMunicipality();
        List<RankedCandidate> ranked = rank(request.profile(contractRequired), fitting, tried, now);
        return new Result(BorderRanking.combine(request.region(), ranked, List.of(), Map.of()), tried.size(),
                protectedOnly.size(), false);
    }

    /**
     * As CandidateSearch.stayOptions: a planned stay's options from tonight on; a crisis stay from tonight, for
     * the nights asked or the default, never beyond the care type's maximum.
     */
    static List<StayDates> stayOptions(MatchingRequest request, CareTypeRule rule, Instant now) {
        LocalDate tonight = Nights.nightOf(now);
        if (request.urgency() == Urgency.PLANNED && request.planning().stay() != null) {
            return request.planning().stay().options(tonight);
        }
        int nights = request.planning().nights() != null ? request.planning().nights()
                : Math.min(DEFAULT_CRISIS_NIGHTS, rule.maxStayNights());
        return List.of(new StayDates(tonight, nights, 0));
    }

    /** Matching's replica of a location's nights: per night the available beds and the unclaimed protected ones. */
    private NightCalendar replica(BedLocation location, String careType, ProtectionRule protection,
                                  List<StayDates> options, Instant now) {
        Map<LocalDate, NightCalendar.Beds> nights = new HashMap<>();
        for (StayDates dates : options) {
            dates.eachNight().forEach(night -> nights.computeIfAbsent(night, date -> {
                NightCapacity capacity = beds.night(location, careType, date);
                return new NightCalendar.Beds(capacity.availableBeds(), capacity.unclaimedProtected(protection));
            }));
        }
        return new NightCalendar(nights, now);
    }

    private Candidate candidate(BedLocation location, String careType, int available, Instant now) {
        return new Candidate(location.id(), location.name(), location.providerId(), location.municipality(),
                location.latitude(), location.longitude(), location.features(), true, location.fundersOf(careType),
                available, now, acceptance.of(location.id(), now.minus(ACCEPTANCE_WINDOW)));
    }

    private List<RankedCandidate> rank(MatchProfile profile, List<CandidateRanker.Option> options, Set<String> tried,
                                       Instant now) {
        if (mode == Scenario.Ranking.RANKER) {
            return options.stream().allMatch(option -> option.dates() == null)
                    ? ranker.rank(profile, options.stream().map(CandidateRanker.Option::candidate).toList(), tried,
                    now, FRESHNESS)
                    : ranker.rankOptions(profile, options, tried, now, FRESHNESS);
        }
        return nearest(profile, options, tried);
    }

    /** The baseline: each eligible location once (its most wanted dates), nearest first. */
    private static List<RankedCandidate> nearest(MatchProfile profile, List<CandidateRanker.Option> options,
                                                 Set<String> tried) {
        Map<String, CandidateRanker.Option> first = new HashMap<>();
        for (CandidateRanker.Option option : options) {
            if (eligible(profile, option.candidate(), tried)) {
                first.putIfAbsent(option.candidate().locationId(), option);
            }
        }
        List<CandidateRanker.Option> sorted = new ArrayList<>(first.values());
        sorted.sort(Comparator.comparingDouble((CandidateRanker.Option option) -> distance(profile, option))
                .thenComparing(option -> option.candidate().locationId()));
        List<RankedCandidate> ranked = new ArrayList<>();
        for (CandidateRanker.Option option : sorted) {
            double km = distance(profile, option);
            StayDates dates = option.dates();
            ranked.add(new RankedCandidate(ranked.size() + 1, option.candidate().locationId(),
                    option.candidate().name(), option.candidate().providerId(), km, km, "nearest free bed",
                    dates == null ? null : dates.firstNight(), dates == null ? null : dates.nights()));
        }
        return ranked;
    }

    /** CandidateRanker.eligible is package-private in request-matching: mirrored for the nearest-bed baseline. */
    private static boolean eligible(MatchProfile profile, Candidate candidate, Set<String> excluded) {
        return candidate.open() && candidate.availableBeds() > 0 && candidate.features().containsAll(profile.needs())
                && !excluded.contains(candidate.locationId())
                && (!profile.contractRequired() || candidate.contractedFunders().contains(profile.funder()));
    }

    private static double distance(MatchProfile profile, CandidateRanker.Option option) {
        return Geo.distanceKm(profile.latitude(), profile.longitude(), option.candidate().latitude(),
                option.candidate().longitude());
    }
}
