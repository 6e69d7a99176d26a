package nl.adempauze.bedavailability.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.adempauze.contracts.events.Address;
import nl.adempauze.contracts.events.FunderContract;
import nl.adempauze.contracts.events.TriageTable;
import nl.adempauze.platform.domain.DomainException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** What an administrator may change in a region, and what is refused, naming the field. */
class RegionRulesTest {

    private static final Region.CareType ELV = careType("ELV_HOOG", false, null);
    private static final Region.CareType LOGEER = careType("WMO_LOGEER", true,
            new ProtectionRule(1, null, Duration.ofHours(48)));
    private static final Region DRENTHE = new Region("drenthe", "Drenthe", Duration.ofHours(12), List.of(ELV, LOGEER),
            List.of(new Region.Municipality("Assen", 53.0, 6.56, List.of("9401"))),
            List.of(new Region.Funder("zilveren-kruis", "Zilveren Kruis", "ZVW", null)),
            List.of(new Region.Neighbour("groningen", true)), null);

    private static Region.CareType careType(String code, boolean planned, ProtectionRule protection) {
        return new Region.CareType(code, code, planned ? "WMO" : "ZVW", planned ? "PLANNED" : "CRISIS",
                Duration.ofMinutes(30), Duration.ofMinutes(1440), Duration.ofHours(24), planned, 1, 14, protection);
    }

    private static void refusedOn(String field, ThrowingCallable change) {
        assertThatThrownBy(change).isInstanceOfSatisfying(DomainException.class,
                refusal -> assertThat(refusal.field()).isEqualTo(field));
    }

    @Test
    void aCareTypesRulesAreReplacedAndANewOneIsAdded() {
        Region.CareType faster = new Region.CareType("ELV_HOOG", "ELV hoog", "ZVW", "CRISIS", Duration.ofMinutes(15),
                Duration.ofMinutes(600), Duration.ofHours(12), false, 1, 14, null);
        Region changed = RegionRules.withCareType(DRENTHE, faster);
        assertThat(changed.careType("ELV_HOOG")).contains(faster);
        assertThat(changed.careTypes()).hasSize(2);
        assertThat(RegionRules.withCareType(DRENTHE, careType("GRZ", false, null)).careTypes()).hasSize(3);
    }

    @Test
    void whetherACareTypeIsBookedPerNightCannotChangeAndOnlySuchATypeIsProtected() {
        refusedOn("plannedBooking", () -> RegionRules.withCareType(DRENTHE, careType("ELV_HOOG", true, null)));
        refusedOn("protection", () -> RegionRules.withCareType(DRENTHE,
                careType("GRZ", false, new ProtectionRule(1, null, Duration.ofHours(1)))));
        refusedOn("maxStayNights", () -> RegionRules.withCareType(DRENTHE, new Region.CareType("GRZ", "GRZ", "ZVW",
                "CRISIS", Duration.ofMinutes(30), Duration.ofMinutes(60), Duration.ofHours(24), false, 5, 2, null)));
        refusedOn("fundingStream", () -> RegionRules.withCareType(DRENTHE, new Region.CareType("GRZ", "GRZ", "XYZ",
                "CRISIS", Duration.ofMinutes(30), Duration.ofMinutes(60), Duration.ofHours(24), false, 1, 2, null)));
    }

    @Test
    void neighboursAreKnownOtherRegionsEachOnce() {
        Set<String> known = Set.of("drenthe", "groningen", "twente");
        assertThat(RegionRules.withNeighbours(DRENTHE, List.of(new Region.Neighbour("twente", false)), known)
                .neighbours()).containsExactly(new Region.Neighbour("twente", false));
        refusedOn("neighbours[0].region", () -> RegionRules.withNeighbours(DRENTHE,
                List.of(new Region.Neighbour("drenthe", true)), known));
        refusedOn("neighbours[1].region", () -> RegionRules.withNeighbours(DRENTHE,
                List.of(new Region.Neighbour("twente", true), new Region.Neighbour("limburg", true)), known));
        refusedOn("neighbours[1].region", () -> RegionRules.withNeighbours(DRENTHE,
                List.of(new Region.Neighbour("twente", true), new Region.Neighbour("twente", false)), known));
    }

    @Test
    void aTriageRuleNamesItsQuestionsAndACareTypeOfTheCatalogue() {
        List<TriageTable.Question> questions = List.of(new TriageTable.Question("WAKEFUL_EYE", "Wakend oog?", null));
        TriageTable fine = new TriageTable(questions, List.of(new TriageTable.Rule("r1", Map.of("WAKEFUL_EYE", "YES"),
                "CARE_TYPE", "ELV_HOOG", null, "Wakend oog: ELV hoog")), List.of());
        assertThat(RegionRules.withTriage(DRENTHE, fine).triage()).isEqualTo(fine);
        refusedOn("rules[0].careType", () -> RegionRules.withTriage(DRENTHE, new TriageTable(questions,
                List.of(new TriageTable.Rule("r1", Map.of(), "CARE_TYPE", "GRZ", null, "x")), List.of())));
        refusedOn("rules[0].when", () -> RegionRules.withTriage(DRENTHE, new TriageTable(questions,
                List.of(new TriageTable.Rule("r1", Map.of("OTHER", "YES"), "UNDECIDED", null, null, "x")), List.of())));
        refusedOn("rules[0].outcome", () -> RegionRules.withTriage(DRENTHE, new TriageTable(questions,
                List.of(new TriageTable.Rule("r1", Map.of(), "MAYBE", null, null, "x")), List.of())));
    }

    @Test
    void aWmoFunderIsAMunicipalityOfTheRegion() {
        assertThat(RegionRules.withFunder(DRENTHE, new Region.Funder("gemeente-assen", "Gemeente Assen", "WMO",
                "Assen")).funders()).hasSize(2);
        refusedOn("municipality", () -> RegionRules.withFunder(DRENTHE,
                new Region.Funder("gemeente-emmen", "Gemeente Emmen", "WMO", "Emmen")));
    }

    @Test
    void aLocationIsInAMunicipalityOfItsRegionContractedWithItsFundersForItsCareTypes() {
        Location location = new Location("loc-x", "drenthe", "p", "P", "X", new Address("Weg 1", "9401 AA", "Assen"),
                "Assen", 53.0, 6.5, List.of(), true, null, null);
        List<FunderContract> contracts = List.of(new FunderContract("zilveren-kruis", List.of("ELV_HOOG")));
        LocationRules.check(DRENTHE, location, contracts, Map.of("ELV_HOOG", 2));
        refusedOn("municipality", () -> LocationRules.check(DRENTHE, new Location("loc-x", "drenthe", "p", "P", "X",
                location.address(), "Emmen", 53.0, 6.5, List.of(), true, null, null), contracts, Map.of()));
        refusedOn("contracts[0].funder", () -> LocationRules.check(DRENTHE, location,
                List.of(new FunderContract("cz", List.of("ELV_HOOG"))), Map.of()));
        refusedOn("contracts[0].careTypes", () -> LocationRules.check(DRENTHE, location,
                List.of(new FunderContract("zilveren-kruis", List.of("GRZ"))), Map.of()));
        refusedOn("beds", () -> LocationRules.check(DRENTHE, location, contracts, Map.of("GRZ", 1)));
    }
}
