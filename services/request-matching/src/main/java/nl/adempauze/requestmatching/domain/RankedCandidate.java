package nl.adempauze.requestmatching.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * A candidate in ranking order, with its score (lower is better) and why it stands where it does: in English
 * ({@code explanation}) and as structured {@code reasons} (empty in rankings stored before reasons existed). For a
 * stay on the calendar, the dates it would take ({@code firstNight} and {@code nights}); null for a free-now bed.
 * {@code region} is the location's region (null in rankings stored before it was kept: the request's own);
 * {@code outsideRegion} says it is a neighbour region's location, offered because the own region had none.
 */
public record RankedCandidate(int rank, String locationId, String name, String providerId, double score,
                              double distanceKm, String explanation, List<RankingReason> reasons,
                              LocalDate firstNight, Integer nights, String region, Boolean outsideRegion) {

    public RankedCandidate {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        outsideRegion = Boolean.TRUE.equals(outsideRegion);
    }

    /** A candidate of the request's own region (or of a ranking that did not say). */
    public RankedCandidate(int rank, String locationId, String name, String providerId, double score,
                           double distanceKm, String explanation, List<RankingReason> reasons,
                           LocalDate firstNight, Integer nights) {
        this(rank, locationId, name, providerId, score, distanceKm, explanation, reasons, firstNight, nights, null,
                false);
    }

    /** A candidate explained in English only. */
    public RankedCandidate(int rank, String locationId, String name, String providerId, double score,
                           double distanceKm, String explanation, LocalDate firstNight, Integer nights) {
        this(rank, locationId, name, providerId, score, distanceKm, explanation, List.of(), firstNight, nights);
    }
}
