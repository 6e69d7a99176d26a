package nl.adempauze.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.adempauze.contracts.events.CapacityPublished;
import nl.adempauze.contracts.events.OfferMade;
import nl.adempauze.contracts.events.RequestEscalated;
import nl.adempauze.contracts.events.StayBooked;
import nl.adempauze.contracts.events.StayReminderIssued;
import org.junit.jupiter.api.Test;

class ScopeMatchingTest {

    private static final Instant AT = Instant.parse("2026-03-02T08:41:19Z");
    private static final OfferMade OFFER = new OfferMade("off-1", "req-1", "drenthe", "loc-assen", "prov-1",
            "CRISIS_STAY", "CRISIS", List.of(), 0, "closest", AT, AT);
    private static final RequestEscalated ESCALATION = new RequestEscalated("req-1", "drenthe", "CRISIS_STAY",
            "CRISIS", "NO_CANDIDATE", null, AT);
    private static final CapacityPublished CAPACITY = new CapacityPublished("loc-assen", "drenthe", "CRISIS_STAY",
            3, 1, 2, 7, AT);

    @Test
    void anEmptyScopeMatchesEverything() {
        assertThat(Scope.EVERYTHING.matches(EventAttributes.of(OFFER))).isTrue();
        assertThat(Scope.EVERYTHING.matches(EventAttributes.of(CAPACITY))).isTrue();
    }

    @Test
    void everySetFieldMustEqualTheEventsField() {
        assertThat(new Scope("drenthe", null, null, null).matches(EventAttributes.of(OFFER))).isTrue();
        assertThat(new Scope("drenthe", "loc-assen", "prov-1", "req-1").matches(EventAttributes.of(OFFER))).isTrue();
        assertThat(new Scope("groningen", null, null, null).matches(EventAttributes.of(OFFER))).isFalse();
        assertThat(new Scope("drenthe", null, "prov-2", null).matches(EventAttributes.of(OFFER))).isFalse();
    }

    @Test
    void aFieldTheEventLacksDoesNotMatch() {
        // an escalation names no provider, capacity names no request
        assertThat(new Scope(null, null, "prov-1", null).matches(EventAttributes.of(ESCALATION))).isFalse();
        assertThat(new Scope(null, null, null, "req-1").matches(EventAttributes.of(CAPACITY))).isFalse();
        assertThat(new Scope("drenthe", "loc-assen", null, null).matches(EventAttributes.of(CAPACITY))).isTrue();
    }

    @Test
    void aProviderAndAReferrerAreToldAboutABookedStayAndItsReminder() {
        StayBooked booked = new StayBooked("req-1", "off-1", "drenthe", "loc-assen", "prov-1", "WMO_LOGEER",
                LocalDate.parse("2026-12-11"), 3, AT);
        StayReminderIssued reminder = new StayReminderIssued("req-1", "off-1", "drenthe", "loc-assen", "prov-1",
                "WMO_LOGEER", LocalDate.parse("2026-12-11"), 3, AT);

        assertThat(new Scope(null, null, "prov-1", null).matches(EventAttributes.of(booked))).isTrue();
        assertThat(new Scope(null, null, null, "req-1").matches(EventAttributes.of(reminder))).isTrue();
        assertThat(new Scope(null, null, "prov-2", null).matches(EventAttributes.of(booked))).isFalse();
    }

    @Test
    void blankScopeFieldsCountAsUnset() {
        assertThat(new Scope(" ", "", null, null)).isEqualTo(Scope.EVERYTHING);
    }

    @Test
    void aSubscriptionWantsItsTypesInItsScopeWhileActiveAndOnlyWhatItsOwnerMaySee() {
        Viewer coordinator = Viewer.coordinator(Set.of("drenthe"), "coordinatiepunt", "coordinator@drenthe");
        Subscription subscription = new Subscription(UUID.randomUUID(), URI.create("https://example.org/hook"),
                "0123456789abcdef", List.of("OfferMade"), new Scope("drenthe", null, null, null), true, AT,
                coordinator);
        Audience offer = Audience.of(EventAttributes.of(OFFER), null);

        assertThat(subscription.wants("OfferMade", EventAttributes.of(OFFER), offer)).isTrue();
        assertThat(subscription.wants("RequestEscalated", EventAttributes.of(ESCALATION),
                Audience.of(EventAttributes.of(ESCALATION), null))).isFalse();
        Subscription inactive = new Subscription(subscription.id(), subscription.url(), subscription.secret(),
                subscription.eventTypes(), subscription.scope(), false, AT, coordinator);
        assertThat(inactive.wants("OfferMade", EventAttributes.of(OFFER), offer)).isFalse();

        Subscription anotherProvider = new Subscription(UUID.randomUUID(), subscription.url(), subscription.secret(),
                List.of("OfferMade"), new Scope("drenthe", null, null, null), true, AT,
                Viewer.provider("prov-2", "planner@prov-2"));
        assertThat(anotherProvider.wants("OfferMade", EventAttributes.of(OFFER), offer))
                .as("in scope, but another provider's offer").isFalse();
        Subscription ownerless = new Subscription(UUID.randomUUID(), subscription.url(), subscription.secret(),
                List.of("OfferMade"), Scope.EVERYTHING, true, AT, null);
        assertThat(ownerless.wants("OfferMade", EventAttributes.of(OFFER), offer)).isFalse();
    }

    @Test
    void holdRequestedAndHoldEventsAreNotNotified() {
        assertThat(NotifiedEvents.isNotified("OfferMade")).isTrue();
        assertThat(NotifiedEvents.isNotified("LocationStatusChanged")).isTrue();
        assertThat(NotifiedEvents.isNotified("HoldRequested")).isFalse();
        assertThat(NotifiedEvents.isNotified("BedHeld")).isFalse();
        assertThat(NotifiedEvents.isNotified("Nonsense")).isFalse();
        assertThat(NotifiedEvents.isNotified("RegionConfigured")).isTrue();
        // planned respite: bookings, reminders, waiting-list changes, coordinators' decisions and the calendar
        assertThat(NotifiedEvents.isNotified("StayBooked")).isTrue();
        assertThat(NotifiedEvents.isNotified("StayReminderIssued")).isTrue();
        assertThat(NotifiedEvents.isNotified("RequestWaitlisted")).isTrue();
        assertThat(NotifiedEvents.isNotified("ProtectionOverridden")).isTrue();
        assertThat(NotifiedEvents.isNotified("NightCapacityAdjusted")).isTrue();
        // triage: a coordinator set or changed a request's care type
        assertThat(NotifiedEvents.isNotified("CareTypeChanged")).isTrue();
        assertThat(NotifiedEvents.TYPES).hasSize(22);
    }
}
