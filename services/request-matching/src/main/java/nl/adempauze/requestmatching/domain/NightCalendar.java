package nl.adempauze.requestmatching.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import nl.adempauze.contracts.Nights;

/**
 * A location's calendar for one care type as matching's replica knows it: per night the available beds and, of
 * those, the protected ones. Bed-availability decides for real when it holds; this only keeps hopeless candidates
 * out of the ranking.
 */
public record NightCalendar(Map<LocalDate, Beds> nights, Instant publishedAt) {

    public record Beds(int available, int protectedBeds) {
    }

    /** Whether a stay fits, and if not, whether only protection stands in the way. */
    public enum Fit { FITS, PROTECTED, FULL }

    /**
     * A planned stay fits when every night has an available bed. A crisis stay also needs, on every night, an
     * unprotected bed, or a protected one released because the night starts within the horizon, or an override.
     */
    public Fit fit(StayDates dates, Urgency urgency, CareTypeRule.Protection protection, boolean override,
                   Instant now) {
        Fit fit = Fit.FITS;
        for (LocalDate night : (Iterable<LocalDate>) dates.eachNight()::iterator) {
            Beds beds = nights.get(night);
            if (beds == null || beds.available() <= 0) {
                return Fit.FULL;
            }
            boolean unprotectedFree = beds.available() > beds.protectedBeds();
            if (urgency == Urgency.CRISIS && protection != null && !unprotectedFree && !override
                    && !released(night, protection, now)) {
                fit = Fit.PROTECTED;
            }
        }
        return fit;
    }

    /** Use it or lose it: a protected night no planned stay claimed is free for crisis once within the horizon. */
    public static boolean released(LocalDate night, CareTypeRule.Protection protection, Instant now) {
        return !now.isBefore(Nights.startOf(night).minus(protection.releaseHorizon()));
    }
}
