package nl.adempauze.contracts;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.adempauze.contracts.events.BedHeld;
import nl.adempauze.contracts.events.BedHoldRefused;
import nl.adempauze.contracts.events.CapacityAdjusted;
import nl.adempauze.contracts.events.CapacityPublished;
import nl.adempauze.contracts.events.HoldReleased;
import nl.adempauze.contracts.events.HoldRequested;
import nl.adempauze.contracts.events.LocationRegistered;
import nl.adempauze.contracts.events.LocationStatusChanged;
import nl.adempauze.contracts.events.NightCapacityAdjusted;
import nl.adempauze.contracts.events.NightCapacityPublished;
import nl.adempauze.contracts.events.OfferAccepted;
import nl.adempauze.contracts.events.OfferDeclined;
import nl.adempauze.contracts.events.OfferExpired;
import nl.adempauze.contracts.events.OfferMade;
import nl.adempauze.contracts.events.OfferWithdrawn;
import nl.adempauze.contracts.events.PatientAdmitted;
import nl.adempauze.contracts.events.PatientDischarged;
import nl.adempauze.contracts.events.ProtectionOverridden;
import nl.adempauze.contracts.events.RegionConfigured;
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
 * Every event of the system, with its topic, key and schema, in one place. Keys keep the events about one
 * thing in order: capacity per location and care type, region configuration per region, everything else per
 * location or per request.
 */
public final class EventCatalogue {

    public static final String BED_AVAILABILITY = "bed-availability";
    public static final String REQUEST_MATCHING = "request-matching";
    public static final String NOTIFICATION = "notification";

    public static final Topic LOCATIONS = new Topic("adempauze.bed-availability.locations", BED_AVAILABILITY);
    public static final Topic CAPACITY = new Topic("adempauze.bed-availability.capacity", BED_AVAILABILITY);
    public static final Topic HOLDS = new Topic("adempauze.bed-availability.holds", BED_AVAILABILITY);
    public static final Topic REQUESTS = new Topic("adempauze.request-matching.requests", REQUEST_MATCHING);
    public static final Topic OFFERS = new Topic("adempauze.request-matching.offers", REQUEST_MATCHING);

    public static final List<Topic> TOPICS = List.of(LOCATIONS, CAPACITY, HOLDS, REQUESTS, OFFERS);

    public static final List<EventDefinition<?>> EVENTS = List.of(
            define(RegionConfigured.class, LOCATIONS, RegionConfigured::region),
            define(LocationRegistered.class, LOCATIONS, LocationRegistered::locationId),
            define(LocationStatusChanged.class, LOCATIONS, LocationStatusChanged::locationId),
            define(CapacityPublished.class, CAPACITY, e -> capacityKey(e.locationId(), e.careType())),
            define(CapacityAdjusted.class, CAPACITY, e -> capacityKey(e.locationId(), e.careType())),
            define(NightCapacityPublished.class, CAPACITY, e -> capacityKey(e.locationId(), e.careType())),
            define(NightCapacityAdjusted.class, CAPACITY, e -> capacityKey(e.locationId(), e.careType())),
            define(BedHeld.class, HOLDS, BedHeld::requestId),
            define(BedHoldRefused.class, HOLDS, BedHoldRefused::requestId),
            define(HoldReleased.class, HOLDS, HoldReleased::requestId),
            define(PatientAdmitted.class, HOLDS, PatientAdmitted::requestId),
            define(PatientDischarged.class, HOLDS, PatientDischarged::requestId),
            define(RequestSubmitted.class, REQUESTS, RequestSubmitted::requestId),
            define(RequestMatched.class, REQUESTS, RequestMatched::requestId),
            define(RequestEscalated.class, REQUESTS, RequestEscalated::requestId),
            define(RequestCancelled.class, REQUESTS, RequestCancelled::requestId),
            define(RequestWaitlisted.class, REQUESTS, RequestWaitlisted::requestId),
            define(StayBooked.class, REQUESTS, StayBooked::requestId),
            define(StayReminderIssued.class, REQUESTS, StayReminderIssued::requestId),
            define(ProtectionOverridden.class, REQUESTS, ProtectionOverridden::requestId),
            define(WaitingPriorityRaised.class, REQUESTS, WaitingPriorityRaised::requestId),
            define(CareTypeChanged.class, REQUESTS, CareTypeChanged::requestId),
            define(HoldRequested.class, OFFERS, HoldRequested::requestId),
            define(OfferMade.class, OFFERS, OfferMade::requestId),
            define(OfferAccepted.class, OFFERS, OfferAccepted::requestId),
            define(OfferDeclined.class, OFFERS, OfferDeclined::requestId),
            define(OfferExpired.class, OFFERS, OfferExpired::requestId),
            define(OfferWithdrawn.class, OFFERS, OfferWithdrawn::requestId));

    private static final Map<String, EventDefinition<?>> BY_TYPE =
            EVENTS.stream().collect(Collectors.toUnmodifiableMap(EventDefinition::type, Function.identity()));

    private EventCatalogue() {
    }

    public static Optional<EventDefinition<?>> byType(String type) {
        return Optional.ofNullable(type).map(BY_TYPE::get);
    }

    public static EventDefinition<?> of(Object event) {
        return byType(event.getClass().getSimpleName())
                .filter(definition -> definition.recordType() == event.getClass())
                .orElseThrow(() -> new IllegalArgumentException("Not a catalogued event: " + event.getClass()));
    }

    public static List<EventDefinition<?>> onTopic(Topic topic) {
        return EVENTS.stream().filter(definition -> definition.topic().equals(topic)).toList();
    }

    /**
     * The CloudEvents {@code dataschema} of an event type: its schema with the version, e.g. {@code
     * /schemas/OfferMade.v1.schema.json}; for a type not in this catalogue the unversioned path.
     */
    public static String dataSchema(String type) {
        return byType(type).map(EventDefinition::dataSchema).orElse("/schemas/" + type + ".schema.json");
    }

    public static String capacityKey(String locationId, String careType) {
        return locationId + "/" + careType;
    }

    private static <T> EventDefinition<T> define(Class<T> type, Topic topic, Function<T, String> keyOf) {
        return new EventDefinition<>(type, topic, keyOf);
    }
}
