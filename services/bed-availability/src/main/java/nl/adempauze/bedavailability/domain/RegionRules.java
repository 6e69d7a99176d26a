package nl.adempauze.bedavailability.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.adempauze.contracts.events.TriageTable;
import nl.adempauze.platform.domain.DomainException;

/**
 * What a region's administrator may change in its configuration, and the checks each change passes before it is
 * kept: the answer is the region as it will be, or a refusal naming the field. Shapes and ranges of single fields
 * are checked at the edge; here the rules that need the region itself (its catalogue, its other regions).
 */
public final class RegionRules {

    /** The funding streams a care type or funder belongs to. */
    public static final Set<String> FUNDING_STREAMS = Set.of("ZVW", "WLZ", "WMO");
    /** The urgency a request of a care type gets when the referrer does not say. */
    public static final Set<String> URGENCIES = Set.of("CRISIS", "PLANNED");

    private RegionRules() {
    }

    /** The region's name and freshness window changed. */
    public static Region withSettings(Region region, String name, Duration freshnessWindow) {
        return new Region(region.id(), name, freshnessWindow, region.careTypes(), region.municipalities(),
                region.funders(), region.neighbours(), region.triage());
    }

    /**
     * A care type added to the catalogue, or its rules changed. Whether it is booked per night cannot change once
     * it is in the catalogue: its beds are kept one way or the other.
     */
    public static Region withCareType(Region region, Region.CareType type) {
        if (!FUNDING_STREAMS.contains(type.fundingStream())) {
            throw DomainException.invalidField("fundingStream", "fundingStream is one of " + sorted(FUNDING_STREAMS));
        }
        if (!URGENCIES.contains(type.defaultUrgency())) {
            throw DomainException.invalidField("defaultUrgency", "defaultUrgency is one of " + sorted(URGENCIES));
        }
        if (type.maxStayNights() < type.minStayNights()) {
            throw DomainException.invalidField("maxStayNights", "maxStayNights cannot be less than minStayNights");
        }
        if (type.protection() != null && !type.plannedBooking()) {
            throw DomainException.invalidField("protection",
                    "Only a care type booked per night (plannedBooking) keeps beds protected for planned respite");
        }
        region.careType(type.code()).filter(known -> known.plannedBooking() != type.plannedBooking())
                .ifPresent(known -> {
                    throw DomainException.invalidField("plannedBooking", "Care type " + type.code() + " is "
                            + (known.plannedBooking() ? "" : "not ") + "booked per night; that cannot change");
                });
        List<Region.CareType> careTypes = new ArrayList<>(region.careTypes().stream()
                .filter(known -> !known.code().equals(type.code())).toList());
        careTypes.add(type);
        return new Region(region.id(), region.name(), region.freshnessWindow(), List.copyOf(careTypes),
                region.municipalities(), region.funders(), region.neighbours(), region.triage());
    }

    /** The neighbour regions replaced: each a known region other than this one, each once. */
    public static Region withNeighbours(Region region, List<Region.Neighbour> neighbours, Set<String> knownRegions) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < neighbours.size(); i++) {
            String neighbour = neighbours.get(i).region();
            String field = "neighbours[" + i + "].region";
            if (neighbour.equals(region.id())) {
                throw DomainException.invalidField(field, "A region is not its own neighbour");
            }
            if (!knownRegions.contains(neighbour)) {
                throw DomainException.invalidField(field, "Unknown region '" + neighbour + "'");
            }
            if (!seen.add(neighbour)) {
                throw DomainException.invalidField(field, "Region '" + neighbour + "' is named twice");
            }
        }
        return new Region(region.id(), region.name(), region.freshnessWindow(), region.careTypes(),
                region.municipalities(), region.funders(), neighbours, region.triage());
    }

    /**
     * The triage table replaced: every rule names questions of the table and answers YES or NO, and advises a care
     * type of the catalogue, somewhere else, or leaves it to the coordinator.
     */
    public static Region withTriage(Region region, TriageTable triage) {
        Set<String> questions = new HashSet<>();
        for (int i = 0; i < triage.questions().size(); i++) {
            if (!questions.add(triage.questions().get(i).code())) {
                throw DomainException.invalidField("questions[" + i + "].code", "Question codes are unique");
            }
        }
        for (int i = 0; i < triage.rules().size(); i++) {
            TriageTable.Rule rule = triage.rules().get(i);
            String at = "rules[" + i + "]";
            rule.when().forEach((question, answer) -> {
                if (!questions.contains(question)) {
                    throw DomainException.invalidField(at + ".when", "Unknown question '" + question + "'");
                }
                if (!answer.equals("YES") && !answer.equals("NO")) {
                    throw DomainException.invalidField(at + ".when", "A condition needs YES or NO");
                }
            });
            switch (rule.outcome()) {
                case "CARE_TYPE" -> {
                    if (rule.careType() == null || !region.offers(rule.careType())) {
                        throw DomainException.invalidField(at + ".careType",
                                "A CARE_TYPE rule names a care type of the region's catalogue");
                    }
                }
                case "NOT_TEMPORARY_STAY" -> {
                    if (rule.advice() == null || rule.advice().isBlank()) {
                        throw DomainException.invalidField(at + ".advice", "A NOT_TEMPORARY_STAY rule gives advice");
                    }
                }
                case "UNDECIDED" -> {
                }
                default -> throw DomainException.invalidField(at + ".outcome",
                        "outcome is CARE_TYPE, NOT_TEMPORARY_STAY or UNDECIDED");
            }
        }
        return new Region(region.id(), region.name(), region.freshnessWindow(), region.careTypes(),
                region.municipalities(), region.funders(), region.neighbours(), triage);
    }

    /** A funder added, or its name, stream or municipality changed. */
    public static Region withFunder(Region region, Region.Funder funder) {
        if (!FUNDING_STREAMS.contains(funder.fundingStream())) {
            throw DomainException.invalidField("fundingStream", "fundingStream is one of " + sorted(FUNDING_STREAMS));
        }
        if ("WMO".equals(funder.fundingStream()) && region.municipalities().stream()
                .noneMatch(municipality -> municipality.name().equals(funder.municipality()))) {
            throw DomainException.invalidField("municipality",
                    "A WMO funder is a municipality of region " + region.id());
        }
        List<Region.Funder> funders = new ArrayList<>(region.funders().stream()
                .filter(known -> !known.id().equals(funder.id())).toList());
        funders.add(funder);
        return new Region(region.id(), region.name(), region.freshnessWindow(), region.careTypes(),
                region.municipalities(), List.copyOf(funders), region.neighbours(), region.triage());
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }
}
