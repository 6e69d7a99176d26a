package nl.adempauze.simulator.demand;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import nl.adempauze.contracts.Nights;
import nl.adempauze.requestmatching.domain.CareTypeRule;
import nl.adempauze.requestmatching.domain.Stay;
import nl.adempauze.requestmatching.domain.StayRules;
import nl.adempauze.requestmatching.domain.StayWish;
import nl.adempauze.requestmatching.domain.Urgency;
import nl.adempauze.simulator.region.RegionModel;

/**
 * The requests of one region between two moments, seeded: crisis requests per care type (arrivals by hour and
 * weekday, stay length drawn), and planned respite for the care types booked per night (submitted in office hours,
 * wanted some weeks ahead, a weekend or some nights, flexible or not, one stay or a monthly series). A planned stay
 * is shaped by request-matching's {@link StayWish#occurrences} and kept only when {@link StayRules#check} accepts it,
 * as the service would. Only care types that some location of the region offers are asked for.
 */
public final class YearDemand {

    /** Office hours on working days: when respite consultants and carers submit planned stays (assumption). */
    private static final double[] OFFICE_HOURS = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0,
            0, 0, 0};
    private static final double[] WORKING_DAYS = {1, 1, 1, 1, 1, 0, 0};

    private final DemandParameters parameters;

    public YearDemand(DemandParameters parameters) {
        this.parameters = parameters;
    }

    public List<GeneratedRequest> generate(RegionModel region, Instant from, Instant to, SplittableRandom random) {
        double hundredThousands = region.inhabitants() / 100_000.0;
        Patients patients = new Patients(region, parameters);
        Arrivals crisisArrivals = new Arrivals(parameters.crisisByHour(), parameters.crisisByWeekday());
        Arrivals plannedArrivals = new Arrivals(OFFICE_HOURS, WORKING_DAYS);
        List<GeneratedRequest> requests = new ArrayList<>();
        for (String careType : new TreeSet<>(region.careTypes().keySet())) {
            CareTypeRule rule = region.careType(careType);
            CareTypeDemand demand = parameters.of(careType).orElse(null);
            if (demand == null || region.beds(careType) == 0) {
                continue;
            }
            SplittableRandom crisisRandom = random.split();
            for (Instant at : crisisArrivals.between(from, to, demand.crisisPer100k() * hundredThousands,
                    crisisRandom)) {
                Patients.Patient patient = patients.draw(rule.fundingStream(), crisisRandom);
                int nights = Draw.nights(crisisRandom, demand.meanCrisisNights(), rule.maxStayNights());
                requests.add(new GeneratedRequest(region.id() + "-" + careType + "-C" + requests.size(),
                        region.id(), careType, Urgency.CRISIS, at, patient.needs(), patient.municipality(),
                        patient.latitude(), patient.longitude(), patient.funder(), null, nights, null));
            }
            SplittableRandom plannedRandom = random.split();
            if (!rule.plannedBooking() || demand.plannedPer100k() <= 0) {
                continue;
            }
            for (Instant at : plannedArrivals.between(from, to, demand.plannedPer100k() * hundredThousands,
                    plannedRandom)) {
                Patients.Patient patient = patients.draw(rule.fundingStream(), plannedRandom);
                List<Stay> stays = wish(at, plannedRandom).occurrences(Urgency.PLANNED);
                String series = stays.size() > 1 ? region.id() + "-S" + requests.size() : null;
                for (Stay stay : stays) {
                    if (StayRules.check(rule, Urgency.PLANNED, stay.nights(), stay, Nights.nightOf(at)).isEmpty()) {
                        requests.add(new GeneratedRequest(region.id() + "-" + careType + "-P" + requests.size(),
                                region.id(), careType, Urgency.PLANNED, at, patient.needs(), patient.municipality(),
                                patient.latitude(), patient.longitude(), patient.funder(), stay, stay.nights(),
                                series));
                    }
                }
            }
        }
        requests.sort(Comparator.comparing(GeneratedRequest::submittedAt).thenComparing(GeneratedRequest::id));
        return requests;
    }

    /** A planned stay as a carer asks for it. */
    private StayWish wish(Instant submittedAt, SplittableRandom random) {
        LocalDate wanted = Nights.nightOf(submittedAt).plusDays(Draw.between(random, parameters.plannedLeadDays()[0],
                parameters.plannedLeadDays()[1]));
        StayWish.Repeat repeat = random.nextDouble() < parameters.seriesShare()
                ? new StayWish.Repeat(StayWish.Repeat.Every.MONTH, parameters.seriesTimes()) : null;
        if (random.nextDouble() < parameters.weekendShare()) {
            YearMonth month = YearMonth.from(wanted);
            LocalDate lastFriday = month.atEndOfMonth().with(TemporalAdjusters.previousOrSame(DayOfWeek.FRIDAY));
            if (lastFriday.isBefore(wanted)) {
                month = month.plusMonths(1);
            }
            return new StayWish(null, null, null, month, repeat);
        }
        int nights = Draw.between(random, parameters.plannedNights()[0], parameters.plannedNights()[1]);
        int flexible = random.nextDouble() < parameters.flexibleShare()
                ? Draw.between(random, 1, parameters.maxFlexibleDays()) : 0;
        return new StayWish(wanted, nights, flexible, null, repeat);
    }
}
