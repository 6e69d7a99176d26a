package nl.adempauze.requestmatching.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Ranks the locations that can take a patient. Hard constraints filter: the care type is offered with a free bed,
 * the location is open, every need is met, and it was not tried before for this request. Soft ones rank, in
 * kilometres of detour a coordinator would accept: distance from home counts as is; no contract with the funder
 * (or an unknown funder) costs {@value #NO_CONTRACT_PENALTY_KM} km; a stale capacity figure
 * {@value #STALE_PENALTY_KM} km; a location that accepts most offers gains up to
 * {@value #ACCEPTANCE_BONUS_KM} km; a stay moved away from the wanted dates costs
 * {@value #SHIFT_PENALTY_KM_PER_DAY} km per day. A missing contract ranks lower but never excludes, except for a
 * Wmo stay, which only the municipality's contracted locations can take. Each ranked candidate says why in English
 * and as {@link RankingReason}s, one per factor, in the same order.
 */
public final class CandidateRanker {

    static final double NO_CONTRACT_PENALTY_KM = 25;
    static final double STALE_PENALTY_KM = 15;
    static final double ACCEPTANCE_BONUS_KM = 10;
    /** Each day a stay moves away from the wanted dates counts as this detour. */
    static final double SHIFT_PENALTY_KM_PER_DAY = 5;

    /** A location with the dates of a stay it could take (null dates: a free-now bed). */
    public record Option(Candidate candidate, StayDates dates) {
    }

    public List<RankedCandidate> rank(MatchProfile profile, Collection<Candidate> candidates, Set<String> excluded,
                                      Instant now, Duration freshnessWindow) {
        return rankOptions(profile, candidates.stream().map(candidate -> new Option(candidate, null)).toList(),
                excluded, now, freshnessWindow);
    }

    /**
     * Ranks (location, dates) options of a stay on the calendar; each location appears once, with its best dates.
     * When {@code profile.contractRequired()} (Wmo: the municipality pays), a location without a contract with the
     * funder is not a candidate at all.
     */
    public List<RankedCandidate> rankOptions(MatchProfile profile, Collection<Option> options, Set<String> excluded,
                                             Instant now, Duration freshnessWindow) {
        Map<String, Scored> bestPerLocation = new HashMap<>();
        for (Option option : options) {
            if (eligible(profile, option.candidate(), excluded)) {
                Scored scored = score(profile, option, now, freshnessWindow);
                bestPerLocation.merge(option.candidate().locationId(), scored,
                        (a, b) -> b.score() < a.score() ? b : a);
            }
        }
        List<Scored> scored = new ArrayList<>(bestPerLocation.values());
        scored.sort(Comparator.comparingDouble(Scored::score).thenComparing(s -> s.candidate().locationId()));
        List<RankedCandidate> ranked = new ArrayList<>(scored.size());
        for (int i = 0; i < scored.size(); i++) {
            Scored s = scored.get(i);
            StayDates dates = s.dates();
            ranked.add(new RankedCandidate(i + 1, s.candidate().locationId(), s.candidate().name(),
                    s.candidate().providerId(), round(s.score()), round(s.distanceKm()), s.explanation(), s.reasons(),
                    dates == null ? null : dates.firstNight(), dates == null ? null : dates.nights()));
        }
        return ranked;
    }

    static boolean eligible(MatchProfile profile, Candidate candidate, Set<String> excluded) {
        return candidate.open()
                && candidate.availableBeds() > 0
                && candidate.features().containsAll(profile.needs())
                && !excluded.contains(candidate.locationId())
                && (!profile.contractRequired() || candidate.contractedFunders().contains(profile.funder()));
    }

    private static Scored score(MatchProfile profile, Option option, Instant now, Duration freshnessWindow) {
        Candidate candidate = option.candidate();
        double distance = Geo.distanceKm(profile.latitude(), profile.longitude(), candidate.latitude(),
                candidate.longitude());
        List<String> reasons = new ArrayList<>();
        List<RankingReason> structured = new ArrayList<>();
        reasons.add(String.format(Locale.ROOT, "%.1f km from the patient's home", distance));
        structured.add(RankingReason.of(RankingReasonCode.DISTANCE_KM, "km", round(distance)));
        double score = distance;

        if (profile.funder() == null || profile.funder().isBlank()) {
            score += NO_CONTRACT_PENALTY_KM;
            reasons.add("funder unknown (+" + (int) NO_CONTRACT_PENALTY_KM + ")");
            structured.add(RankingReason.of(RankingReasonCode.FUNDER_UNKNOWN,
                    "penaltyKm", (int) NO_CONTRACT_PENALTY_KM));
        } else if (candidate.contractedFunders().contains(profile.funder())) {
            reasons.add("contracted with " + profile.funder());
            structured.add(RankingReason.of(RankingReasonCode.CONTRACT_WITH_FUNDER, "funder", profile.funder()));
        } else {
            score += NO_CONTRACT_PENALTY_KM;
            reasons.add("no contract with " + profile.funder() + " (+" + (int) NO_CONTRACT_PENALTY_KM + ")");
            structured.add(RankingReason.of(RankingReasonCode.NO_CONTRACT, "funder", profile.funder(),
                    "penaltyKm", (int) NO_CONTRACT_PENALTY_KM));
        }

        Duration age = Duration.between(candidate.capacityPublishedAt(), now);
        long minutes = Math.max(0, age.toMinutes());
        if (age.compareTo(freshnessWindow) > 0) {
            score += STALE_PENALTY_KM;
            reasons.add("capacity stale, published " + humanize(age) + " ago (+" + (int) STALE_PENALTY_KM + ")");
            structured.add(RankingReason.of(RankingReasonCode.CAPACITY_STALE, "minutes", minutes,
                    "penaltyKm", (int) STALE_PENALTY_KM));
        } else {
            reasons.add("capacity published " + humanize(age) + " ago");
            structured.add(RankingReason.of(RankingReasonCode.CAPACITY_FRESH, "minutes", minutes));
        }

        double rate = candidate.acceptance().rate();
        double bonus = ACCEPTANCE_BONUS_KM * rate;
        score -= bonus;
        if (candidate.acceptance().answered() > 0) {
            reasons.add(String.format(Locale.ROOT, "accepted %d of %d recent offers (-%.1f)",
                    candidate.acceptance().accepted(), candidate.acceptance().answered(), bonus));
            structured.add(RankingReason.of(RankingReasonCode.ACCEPTANCE_RATE,
                    "accepted", candidate.acceptance().accepted(), "answered", candidate.acceptance().answered(),
                    "bonusKm", round(bonus)));
        } else {
            reasons.add(String.format(Locale.ROOT, "no recent offers answered (-%.1f)", bonus));
            structured.add(RankingReason.of(RankingReasonCode.NO_ANSWERED_OFFERS, "bonusKm", round(bonus)));
        }
        if (option.dates() == null) {
            reasons.add(candidate.availableBeds() + " bed(s) free");
            structured.add(RankingReason.of(RankingReasonCode.BEDS_FREE, "beds", candidate.availableBeds()));
        } else {
            StayDates dates = option.dates();
            double shiftPenalty = SHIFT_PENALTY_KM_PER_DAY * Math.abs(dates.shiftDays());
            score += shiftPenalty;
            reasons.add("free on every night: " + dates.describe()
                    + (shiftPenalty > 0 ? String.format(Locale.ROOT, " (+%.0f)", shiftPenalty) : ""));
            structured.add(RankingReason.of(RankingReasonCode.FREE_ON_DATES,
                    "firstNight", dates.firstNight().toString(), "nights", dates.nights(),
                    "shiftDays", dates.shiftDays(), "penaltyKm", (int) shiftPenalty));
        }
        return new Scored(candidate, option.dates(), score, distance, candidate.name() + " ("
                + candidate.municipality() + "): " + String.join("; ", reasons), List.copyOf(structured));
    }

    private static String humanize(Duration age) {
        if (age.isNegative() || age.toMinutes() < 1) {
            return "less than a minute";
        }
        if (age.toHours() < 1) {
            return age.toMinutes() + " min";
        }
        if (age.toDays() < 1) {
            return age.toHours() + " h";
        }
        return age.toDays() + " days";
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private record Scored(Candidate candidate, StayDates dates, double score, double distanceKm, String explanation,
                          List<RankingReason> reasons) {
    }
}
