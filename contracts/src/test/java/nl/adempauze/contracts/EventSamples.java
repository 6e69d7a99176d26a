package nl.adempauze.contracts;

import static java.util.Map.entry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.adempauze.contracts.events.Address;
import nl.adempauze.contracts.events.BedHeld;
import nl.adempauze.contracts.events.BedHoldRefused;
import nl.adempauze.contracts.events.CapacityAdjusted;
import nl.adempauze.contracts.events.CapacityPublished;
import nl.adempauze.contracts.events.FunderContract;
import nl.adempauze.contracts.events.HoldReleased;
import nl.adempauze.contracts.events.HoldRequested;
import nl.adempauze.contracts.events.LocationRegistered;
import nl.adempauze.contracts.events.LocationStatusChanged;
import nl.adempauze.contracts.events.NightCapacityAdjusted;
import nl.adempauze.contracts.events.NightCapacityPublished;
import nl.adempauze.contracts.events.NightFigure;
import nl.adempauze.contracts.events.OfferAccepted;
import nl.adempauze.contracts.events.OfferDeclined;
import nl.adempauze.contracts.events.OfferExpired;
import nl.adempauze.contracts.events.OfferMade;
import nl.adempauze.contracts.events.OfferWithdrawn;
import nl.adempauze.contracts.events.PatientAdmitted;
import nl.adempauze.contracts.events.PatientDischarged;
import nl.adempauze.contracts.events.ProtectionOverridden;
import nl.adempauze.contracts.events.RegionConfigured;
import nl.adempauze.contracts.events.TriageTable;
import nl.adempauze.contracts.events.RequestCancelled;
import nl.adempauze.contracts.events.RequestEscalated;
import nl.adempauze.contracts.events.RequestMatched;
import nl.adempauze.contracts.events.RequestSubmitted;
import nl.adempauze.contracts.events.RequestWaitlisted;
import nl.adempauze.contracts.events.StayBooked;
import nl.adempauze.contracts.events.StayReminderIssued;
import nl.adempauze.contracts.events.CareTypeChanged;
import nl.adempauze.contracts.events.WaitingPriorityRaised;

/**
 * Realistic sample events, one or more per catalogued event type. The first sample of a type fills every
 * component; further samples leave the nullable components null.
 */
final class EventSamples {

    static final String REGION = "utrecht";
    static final String LOCATION = "loc-utrecht-de-linde";
    static final String PROVIDER = "prov-zorggroep-noord";
    static final String REQUEST = "req-2026-000417";
    static final String OFFER = "off-2026-001203";
    static final String CRISIS_STAY = "CRISIS_STAY";
    static final String RESPITE = "RESPITE_CARE";

    static final Instant SUBMITTED = Instant.parse("2026-03-02T08:41:17.482Z");
    static final Instant OFFERED = Instant.parse("2026-03-02T08:41:19.015Z");
    static final Instant RESPOND_BY = Instant.parse("2026-03-02T09:11:19.015Z");
    static final Instant ANSWERED = Instant.parse("2026-03-02T08:57:03Z");
    static final Instant ADMISSION = Instant.parse("2026-03-02T14:00:00Z");
    static final Instant DISCHARGE = Instant.parse("2026-03-16T10:30:00Z");
    static final Instant NEEDED_BY = Instant.parse("2026-03-03T12:00:00Z");
    static final Instant PUBLISHED = Instant.parse("2026-03-02T07:00:00.123456789Z");

    static final LocalDate FIRST_NIGHT = LocalDate.parse("2026-04-10");

    private static final Address ADDRESS = new Address("Lindelaan 12", "3584 CX", "Utrecht");

    private static final Map<Class<?>, List<Object>> SAMPLES = Map.ofEntries(
            entry(RegionConfigured.class, List.of(
                    new RegionConfigured(REGION, "Utrecht", 720,
                            List.of(new RegionConfigured.CareTypeDefinition("ELV_HOOG", "ELV hoogcomplex", "ZVW",
                                            "CRISIS", 30, 1440, 24, false, 1, 92, null),
                                    new RegionConfigured.CareTypeDefinition(RESPITE, "Wmo logeerzorg", "WMO",
                                            "PLANNED", 60, 2880, 168, true, 1, 14,
                                            new RegionConfigured.ProtectionRule(1, 0.5, 48))),
                            List.of(new RegionConfigured.MunicipalityDefinition("Utrecht", 52.0907, 5.1214,
                                    List.of("3511", "3584"))),
                            List.of(new RegionConfigured.FunderDefinition("gemeente-utrecht", "Gemeente Utrecht", "WMO",
                                            "Utrecht"),
                                    new RegionConfigured.FunderDefinition("zorgkantoor-utrecht", "Zorgkantoor Utrecht",
                                            "WLZ", null)),
                            List.of(new RegionConfigured.NeighbourDefinition("gooi-en-vecht", true)),
                            new TriageTable(
                                    List.of(new TriageTable.Question("HOSPITAL_CARE", "Is ziekenhuiszorg nodig?", null),
                                            new TriageTable.Question("WAKEFUL_EYE", "Is een wakend oog nodig?",
                                                    "24 uur per dag toezicht")),
                                    List.of(new TriageTable.Rule("hospital", Map.of("HOSPITAL_CARE", "YES"),
                                                    "NOT_TEMPORARY_STAY", null, "HOSPITAL", "Verwijs naar het ziekenhuis."),
                                            new TriageTable.Rule("elv", Map.of("HOSPITAL_CARE", "NO", "WAKEFUL_EYE",
                                                    "YES"), "CARE_TYPE", "ELV_HOOG", null, "Wakend oog nodig.")),
                                    List.of(new TriageTable.Conflict(Map.of("HOSPITAL_CARE", "YES", "WAKEFUL_EYE",
                                            "NO"), "Tegenstrijdig."))),
                            PUBLISHED),
                    new RegionConfigured(REGION, "Utrecht", 720, List.of(), List.of(), List.of(), null, null,
                            PUBLISHED))),
            entry(LocationRegistered.class, List.of(
                    new LocationRegistered(LOCATION, REGION, PROVIDER, "Zorggroep Noord", "De Linde", ADDRESS,
                            "Utrecht", 52.0907, 5.1214, List.of("WHEELCHAIR_ACCESSIBLE", "DEMENTIA_FRIENDLY"),
                            List.of(CRISIS_STAY, RESPITE),
                            List.of(new FunderContract("zorgkantoor-utrecht", List.of(CRISIS_STAY)),
                                    new FunderContract("gemeente-utrecht", List.of(RESPITE))),
                            false, "OUTBREAK", PUBLISHED),
                    new LocationRegistered("loc-zeist-het-baken", REGION, PROVIDER, "Zorggroep Noord", "Het Baken",
                            new Address("Slotlaan 3", "3701 GA", "Zeist"), "Zeist", 52.0894, 5.2322, List.of(),
                            List.of(RESPITE), List.of(), true, null, PUBLISHED))),
            entry(LocationStatusChanged.class, List.of(
                    new LocationStatusChanged(LOCATION, REGION, false, "OUTBREAK", OFFERED),
                    new LocationStatusChanged(LOCATION, REGION, true, null, DISCHARGE))),
            entry(CapacityPublished.class, List.of(
                    new CapacityPublished(LOCATION, REGION, CRISIS_STAY, 3, 1, 2, 17, PUBLISHED),
                    new CapacityPublished(LOCATION, REGION, RESPITE, 0, 0, 0, 0, null))),
            entry(CapacityAdjusted.class, List.of(
                    new CapacityAdjusted(LOCATION, REGION, CRISIS_STAY, 3, 2, 1, 18, "HOLD", PUBLISHED, OFFERED),
                    new CapacityAdjusted(LOCATION, REGION, RESPITE, 1, 0, 1, 1, "DISCHARGE", null, DISCHARGE))),
            entry(BedHeld.class, List.of(
                    new BedHeld(OFFER, REQUEST, LOCATION, RESPITE, FIRST_NIGHT, 3, 1, 0, OFFERED),
                    new BedHeld(OFFER, REQUEST, LOCATION, CRISIS_STAY, null, null, 0, 0, OFFERED))),
            entry(NightCapacityPublished.class, List.of(
                    new NightCapacityPublished(LOCATION, REGION, RESPITE, List.of(
                            new NightFigure(FIRST_NIGHT, 2, 0, 2, 1, PUBLISHED),
                            new NightFigure(FIRST_NIGHT.plusDays(1), 2, 1, 1, 1, PUBLISHED)), PUBLISHED))),
            entry(NightCapacityAdjusted.class, List.of(
                    new NightCapacityAdjusted(LOCATION, REGION, RESPITE, List.of(
                            new NightFigure(FIRST_NIGHT, 2, 1, 1, 0, PUBLISHED)), "HOLD", OFFERED))),
            entry(RequestWaitlisted.class, List.of(
                    new RequestWaitlisted(REQUEST, REGION, RESPITE, FIRST_NIGHT, 3,
                            "No location has a free bed on all 3 nights", SUBMITTED))),
            entry(StayBooked.class, List.of(
                    new StayBooked(REQUEST, OFFER, REGION, LOCATION, PROVIDER, RESPITE, FIRST_NIGHT, 3, ANSWERED))),
            entry(StayReminderIssued.class, List.of(
                    new StayReminderIssued(REQUEST, OFFER, REGION, LOCATION, PROVIDER, RESPITE, FIRST_NIGHT, 3,
                            ANSWERED))),
            entry(ProtectionOverridden.class, List.of(
                    new ProtectionOverridden(REQUEST, REGION, RESPITE, "CARER_UNAVAILABLE",
                            ANSWERED))),
            entry(WaitingPriorityRaised.class, List.of(
                    new WaitingPriorityRaised(REQUEST, REGION, RESPITE, 1, "CARER_OVERBURDENED",
                            ANSWERED))),
            entry(CareTypeChanged.class, List.of(
                    new CareTypeChanged(REQUEST, REGION, CRISIS_STAY, RESPITE, ANSWERED),
                    new CareTypeChanged(REQUEST, REGION, CRISIS_STAY, null, ANSWERED))),
            entry(BedHoldRefused.class, List.of(
                    new BedHoldRefused(OFFER, REQUEST, LOCATION, CRISIS_STAY, "NO_BED_AVAILABLE", OFFERED))),
            entry(HoldReleased.class, List.of(
                    new HoldReleased(OFFER, REQUEST, LOCATION, CRISIS_STAY, "OFFER_DECLINED", ANSWERED))),
            entry(PatientAdmitted.class, List.of(new PatientAdmitted(OFFER, REQUEST, LOCATION, CRISIS_STAY, ADMISSION))),
            entry(PatientDischarged.class, List.of(
                    new PatientDischarged(OFFER, REQUEST, LOCATION, CRISIS_STAY, DISCHARGE))),
            entry(RequestSubmitted.class, List.of(
                    new RequestSubmitted(REQUEST, REGION, CRISIS_STAY, "CRISIS", List.of("DEMENTIA", "FALL_RISK"),
                            "Utrecht", "zorgkantoor-utrecht", NEEDED_BY, FIRST_NIGHT, 3, "series-1", SUBMITTED,
                            "huisartsenpost-drenthe"),
                    new RequestSubmitted("req-2026-000418", REGION, RESPITE, "PLANNED", List.of(), null, null, null,
                            null, null, null, SUBMITTED, null))),
            entry(RequestMatched.class, List.of(
                    new RequestMatched(REQUEST, OFFER, REGION, LOCATION, PROVIDER, CRISIS_STAY, ADMISSION, ANSWERED),
                    new RequestMatched(REQUEST, OFFER, REGION, LOCATION, PROVIDER, CRISIS_STAY, null, ANSWERED))),
            entry(RequestEscalated.class, List.of(
                    new RequestEscalated(REQUEST, REGION, CRISIS_STAY, "CRISIS", "NO_CANDIDATE",
                            "All 4 candidate locations declined or are full", "NO_CANDIDATE",
                            Map.of("careType", CRISIS_STAY, "tried", 4), ANSWERED),
                    new RequestEscalated(REQUEST, REGION, RESPITE, "PLANNED", "DEADLINE_AT_RISK", null, ANSWERED),
                    new RequestEscalated(REQUEST, REGION, RESPITE, "PLANNED", "STAY_WINDOW_PASSED",
                            "No bed was found before the last possible first night 2026-04-12", ANSWERED),
                    new RequestEscalated(REQUEST, REGION, RESPITE, "CRISIS", "STAY_OVERRUN", null, ANSWERED))),
            entry(RequestCancelled.class, List.of(
                    new RequestCancelled(REQUEST, REGION, "ADMITTED_TO_HOSPITAL", ANSWERED))),
            entry(HoldRequested.class, List.of(
                    new HoldRequested(OFFER, REQUEST, REGION, LOCATION, RESPITE, "PLANNED", FIRST_NIGHT, 3, false, SUBMITTED),
                    new HoldRequested(OFFER, REQUEST, REGION, LOCATION, CRISIS_STAY, "CRISIS", null, null, true,
                            SUBMITTED))),
            entry(OfferMade.class, List.of(
                    new OfferMade(OFFER, REQUEST, REGION, LOCATION, PROVIDER, CRISIS_STAY, "CRISIS",
                            List.of("DEMENTIA"), 1, "Nearest location of the neighbour region", RESPOND_BY, OFFERED,
                            "groningen", true),
                    new OfferMade(OFFER, REQUEST, REGION, LOCATION, PROVIDER, CRISIS_STAY, "CRISIS",
                            List.of("DEMENTIA", "FALL_RISK"), 1, "Nearest open location with a free crisis bed",
                            RESPOND_BY, OFFERED, null, false),
                    new OfferMade(OFFER, REQUEST, REGION, LOCATION, PROVIDER, CRISIS_STAY, "CRISIS",
                            List.of("DEMENTIA"), 1, "Nearest open location with a free crisis bed",
                            RESPOND_BY, OFFERED))),
            entry(OfferAccepted.class, List.of(
                    new OfferAccepted(OFFER, REQUEST, REGION, LOCATION, PROVIDER, CRISIS_STAY, ADMISSION, ANSWERED,
                            "groningen"),
                    new OfferAccepted(OFFER, REQUEST, REGION, LOCATION, PROVIDER, CRISIS_STAY, ADMISSION, ANSWERED),
                    new OfferAccepted(OFFER, REQUEST, REGION, LOCATION, PROVIDER, CRISIS_STAY, null, ANSWERED))),
            entry(OfferDeclined.class, List.of(
                    new OfferDeclined(OFFER, REQUEST, REGION, LOCATION, PROVIDER, CRISIS_STAY,
                            "NO_STAFF", ANSWERED))),
            entry(OfferExpired.class, List.of(
                    new OfferExpired(OFFER, REQUEST, REGION, LOCATION, PROVIDER, CRISIS_STAY, RESPOND_BY))),
            entry(OfferWithdrawn.class, List.of(
                    new OfferWithdrawn(OFFER, REQUEST, REGION, LOCATION, PROVIDER, CRISIS_STAY, "REQUEST_CANCELLED",
                            ANSWERED))));

    private EventSamples() {
    }

    /** All samples of a type; fails when the type has none, so a new catalogue entry needs a sample. */
    static List<Object> of(EventDefinition<?> definition) {
        List<Object> samples = SAMPLES.get(definition.recordType());
        if (samples == null || samples.isEmpty()) {
            throw new AssertionError("No sample for " + definition.type() + ": add one to EventSamples");
        }
        return samples;
    }

    /** The first sample of a type: every component filled. */
    static Object first(EventDefinition<?> definition) {
        return of(definition).get(0);
    }

    static Map<Class<?>, List<Object>> all() {
        return SAMPLES;
    }
}
