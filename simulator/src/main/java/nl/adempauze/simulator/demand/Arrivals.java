package nl.adempauze.simulator.demand;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import nl.adempauze.contracts.Nights;

/**
 * Arrival moments of a non-homogeneous Poisson process whose rate follows the hour of the day and the day of the
 * week (Dutch time), drawn by thinning (Lewis and Shedler): candidates at the peak rate, each kept with the ratio
 * of the rate at that moment to the peak. The weights are relative; {@code perYear} fixes the mean count.
 */
public final class Arrivals {

    private static final double HOURS_PER_YEAR = 365.0 * 24;

    private final double[] byHour;
    private final double[] byWeekday;

    public Arrivals(double[] byHour, double[] byWeekday) {
        if (byHour.length != 24 || byWeekday.length != 7) {
            throw new IllegalArgumentException("24 hourly and 7 daily weights are needed");
        }
        this.byHour = byHour.clone();
        this.byWeekday = byWeekday.clone();
    }

    public List<Instant> between(Instant from, Instant to, double perYear, SplittableRandom random) {
        double meanWeight = 0;
        double peakWeight = 0;
        for (double hour : byHour) {
            for (double day : byWeekday) {
                meanWeight += hour * day / (24 * 7);
                peakWeight = Math.max(peakWeight, hour * day);
            }
        }
        List<Instant> arrivals = new ArrayList<>();
        if (perYear <= 0 || meanWeight <= 0) {
            return arrivals;
        }
        double peakPerHour = perYear / HOURS_PER_YEAR * peakWeight / meanWeight;
        double hours = 0;
        double span = (to.getEpochSecond() - from.getEpochSecond()) / 3600.0;
        while (true) {
            hours += -Math.log(1 - random.nextDouble()) / peakPerHour;
            if (hours >= span) {
                return arrivals;
            }
            Instant at = from.plusSeconds((long) (hours * 3600));
            ZonedDateTime local = at.atZone(Nights.ZONE);
            double weight = byHour[local.getHour()] * byWeekday[local.getDayOfWeek().getValue() - 1];
            if (random.nextDouble() * peakWeight < weight) {
                arrivals.add(at);
            }
        }
    }
}
