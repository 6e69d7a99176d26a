package nl.adempauze.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.adempauze.bedavailability.domain.ProtectionRule;
import nl.adempauze.contracts.Nights;
import nl.adempauze.requestmatching.domain.CareTypeRule;
import nl.adempauze.requestmatching.domain.Stay;
import nl.adempauze.requestmatching.domain.Urgency;
import nl.adempauze.simulator.demand.DemandParameters;
import nl.adempauze.simulator.demand.GeneratedRequest;
import nl.adempauze.simulator.demand.ProviderAnswers;
import nl.adempauze.simulator.region.BedLocation;
import nl.adempauze.simulator.region.Municipality;
import nl.adempauze.simulator.region.RegionModel;

/**
 * Hand-made cases small enough to work out on paper: one region "test" with one location, a free-now care type
 * (ELV_HOOG: 30 minutes to answer, admitted within 24 hours) and a respite care type booked per night (WLZ_LOGEER),
 * providers that always accept within a few minutes, and requests placed at given moments (Dutch time, March 2027).
 */
public final class TinyRegion {

    public static final String REGION = "test";
    public static final String ACUTE = "ELV_HOOG";
    public static final String RESPITE = "WLZ_LOGEER";

    private final Map<String, Integer> beds = new HashMap<>();
    private final List<GeneratedRequest> requests = new ArrayList<>();
    private ProtectionRule protection;

    public TinyRegion beds(String careType, int count) {
        beds.put(careType, count);
        return this;
    }

    public TinyRegion protect(int protectedBeds, Duration releaseHorizon) {
        protection = new ProtectionRule(protectedBeds, null, releaseHorizon);
        return this;
    }

    public TinyRegion crisis(String careType, String at, int nights) {
        requests.add(new GeneratedRequest("r" + requests.size(), REGION, careType, Urgency.CRISIS, moment(at),
                List.of(), "Assen", 52.99, 6.56, "insurer", null, nights, null));
        return this;
    }

    public TinyRegion planned(String at, String firstNight, int nights) {
        Stay stay = Stay.fixed(java.time.LocalDate.parse(firstNight), nights);
        requests.add(new GeneratedRequest("r" + requests.size(), REGION, RESPITE, Urgency.PLANNED, moment(at),
                List.of(), "Assen", 52.99, 6.56, "care-office", stay, nights, null));
        return this;
    }

    public RegionModel region() {
        CareTypeRule acute = new CareTypeRule(REGION, ACUTE, "ELV hoog", "ZVW", Duration.ofMinutes(30),
                Duration.ofDays(1), Duration.ofHours(24), false, 1, 92, null);
        CareTypeRule respite = new CareTypeRule(REGION, RESPITE, "Wlz logeer", "WLZ", Duration.ofMinutes(60),
                Duration.ofDays(2), Duration.ofHours(168), true, 1, 14, protection == null ? null
                : new CareTypeRule.Protection(protection.protectedBeds(), null, protection.releaseHorizon()));
        BedLocation location = new BedLocation("loc-a", REGION, "A", "provider", "Assen", 52.99, 6.56, Set.of(),
                Map.of(ACUTE, Set.of("insurer"), RESPITE, Set.of("care-office")), beds);
        return new RegionModel(REGION, List.of(), Map.of(ACUTE, acute, RESPITE, respite),
                protection == null ? Map.of() : Map.of(RESPITE, protection),
                List.of(new Municipality("Assen", 52.99, 6.56, 10_000, null)), List.of(location), "care-office",
                List.of("insurer"));
    }

    /** A year of these requests only: measured from 1 March 2027, a day of warm-up before it. */
    public YearReplay year() {
        return new YearReplay(Map.of(REGION, region()), requests, new ProviderAnswers(alwaysAccept(), 1),
                moment("2027-02-28T00:00"), moment("2027-03-01T00:00"), moment("2027-04-01T00:00"));
    }

    public static Instant moment(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(Nights.ZONE).toInstant();
    }

    /** Providers who accept every offer, after a minute on average. */
    public static DemandParameters alwaysAccept() {
        double[] flat = new double[24];
        java.util.Arrays.fill(flat, 1);
        return new DemandParameters(List.of(), flat, new double[] {1, 1, 1, 1, 1, 1, 1}, new int[] {3, 90},
                new int[] {2, 7}, 0, 0, 1, 0, 1, Map.of(), Map.of(), Map.of("CRISIS", 0.0, "PLANNED", 0.0),
                Map.of("CRISIS", Map.of("OTHER", 1.0), "PLANNED", Map.of("OTHER", 1.0)),
                Map.of("CRISIS", 1.0, "PLANNED", 1.0));
    }
}
