package nl.adempauze.requestmatching.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Ranks the locations that can take a patient. Hard constraints filter: the care type is offered with a free bed,
 * the location is open, every need is met, and it was not tried before for this request. Soft ones rank, in
 * kilometres of detour a coordinator would accept: distance from home counts as is; no contract with the funder
 * (or an unknown funder) costs {@value #NO_CONTRACT_PENALTY_KM} km; a stale capacity figure
 * {@value #STALE_PENALTY_KM} km; a location that accepts most offers gains up to
 * {@value #ACCEPTANCE_BONUS_KM} km. In a crisis a missing contract ranks lower but never excludes.
 */
public final class CandidateRanker {

    static final double NO_CONTRACT_PENALTY_KM = 25;
    static final double STALE_PENALTY_KM = 15;
    static final double ACCEPTANCE_BONUS_KM = 10;

    public List<RankedCandidate> rank(MatchProfile profile, Collection<Candidate> candidates, Set<String> excluded,
                                      Instant now, Duration freshnessWindow) {
        List<Scored> scored = new ArrayList<>();
        for (Candidate candidate : candidates) {
            if (eligible(profile, candidate, excluded)) {
                scored.add(score(profile, candidate, now, freshnessWindow));
            }
        }
        scored.sort(Comparator.comparingDouble(Scored::score).thenComparing(s -> s.candidate().locationId()));
        List<RankedCandidate> ranked = new ArrayList<>(scored.size());
        for (int i = 0; i < scored.size(); i++) {
            Scored s = scored.get(i);
            ranked.add(new RankedCandidate(i + 1, s.candidate().locationId(), s.candidate().name(),
                    s.candidate().providerId(), round(s.score()), round(s.distanceKm()), s.explanation()));
        }
        return ranked;
    }

    static boolean eligible(MatchProfile profile, Candidate candidate, Set<String> excluded) {
        return candidate.open()
                && candidate.availableBeds() > 0
                && candidate.features().containsAll(profile.needs())
                && !excluded.contains(candidate.locationId());
    }

    private static Scored score(MatchProfile profile, Candidate candidate, Instant now, Duration freshnessWindow) {
        double distance = Geo.distanceKm(profile.latitude(), profile.longitude(), candidate.latitude(),
                candidate.longitude());
        List<String> reasons = new ArrayList<>();
        reasons.add(String.format(Locale.ROOT, "%.1f km from the patient's home", distance));
        double score = distance;

        if (profile.funder() == null || profile.funder().isBlank()) {
            score += NO_CONTRACT_PENALTY_KM;
            reasons.add("funder unknown (+" + (int) NO_CONTRACT_PENALTY_KM + ")");
        } else if (candidate.contractedFunders().contains(profile.funder())) {
            reasons.add("contracted with " + profile.funder());
        } else {
            score += NO_CONTRACT_PENALTY_KM;
            reasons.add("no contract with " + profile.funder() + " (+" + (int) NO_CONTRACT_PENALTY_KM + ")");
        }

        Duration age = Duration.between(candidate.capacityPublishedAt(), now);
        if (age.compareTo(freshnessWindow) > 0) {
            score += STALE_PENALTY_KM;
            reasons.add("capacity stale, published " + humanize(age) + " ago (+" + (int) STALE_PENALTY_KM + ")");
        } else {
            reasons.add("capacity published " + humanize(age) + " ago");
        }

        double rate = candidate.acceptance().rate();
        double bonus = ACCEPTANCE_BONUS_KM * rate;
        score -= bonus;
        if (candidate.acceptance().answered() > 0) {
            reasons.add(String.format(Locale.ROOT, "accepted %d of %d recent offers (-%.1f)",
                    candidate.acceptance().accepted(), candidate.acceptance().answered(), bonus));
        } else {
            reasons.add(String.format(Locale.ROOT, "no recent offers answered (-%.1f)", bonus));
        }
        reasons.add(candidate.availableBeds() + " bed(s) free");
        return new Scored(candidate, score, distance, candidate.name() + " (" + candidate.municipality() + "): "
                + String.join("; ", reasons));
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

    private record Scored(Candidate candidate, double score, double distanceKm, String explanation) {
    }
}
