package nl.adempauze.requestmatching.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.adempauze.contracts.Nights;
import nl.adempauze.contracts.events.OfferAccepted;
import nl.adempauze.contracts.events.ProtectionOverridden;
import nl.adempauze.contracts.events.RequestCancelled;
import nl.adempauze.contracts.events.RequestEscalated;
import nl.adempauze.contracts.events.RequestMatched;
import nl.adempauze.contracts.events.RequestSubmitted;
import nl.adempauze.contracts.events.RequestWaitlisted;
import nl.adempauze.contracts.events.StayBooked;
import nl.adempauze.contracts.events.StayReminderIssued;
import nl.adempauze.contracts.events.WaitingPriorityRaised;
import nl.adempauze.platform.domain.Changed;
import nl.adempauze.platform.domain.DomainException;
import nl.adempauze.platform.domain.TransitionTable;
import org.junit.jupiter.api.Test;

/** The request's methods: the status each leaves it in and the events each answers, without Spring or a database. */
class MatchingRequestTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final Instant EARLIER = NOW.minus(Duration.ofDays(2));
    private static final LocalDate FIRST_NIGHT = LocalDate.parse("2026-03-20");
    private static final Duration DELAY = Duration.ofHours(2);
    private static final CareTypeRule PROTECTING = new CareTypeRule("drenthe", "LOGEER", "Logeeropvang", "WLZ",
            Duration.ofMinutes(30), Duration.ofHours(24), Duration.ofHours(4), true, 1, 14,
            new CareTypeRule.Protection(1, null, Duration.ofDays(2)));

    @Test
    void aSubmittedRequestIsAnnounced() {
        Changed<MatchingRequest> submitted = planned(RequestStatus.SUBMITTED).submitted(NOW);

        assertThat(submitted.events()).singleElement().isInstanceOfSatisfying(RequestSubmitted.class, event -> {
            assertThat(event.requestId()).isEqualTo("r-1");
            assertThat(event.firstNight()).isEqualTo(FIRST_NIGHT);
            assertThat(event.nights()).isEqualTo(3);
        });
    }

    @Test
    void aHoldAndAnOfferMoveTheStatusWithoutEventsOfTheirOwn() {
        Changed<MatchingRequest> held = planned(RequestStatus.WAITING).holdRequested(NOW);
        assertThat(held.aggregate().status()).isEqualTo(RequestStatus.SUBMITTED);
        assertThat(held.aggregate().updatedAt()).isEqualTo(NOW);
        assertThat(held.events()).isEmpty();

        Changed<MatchingRequest> offered = held.aggregate().offered(NOW);
        assertThat(offered.aggregate().status()).isEqualTo(RequestStatus.OFFERED);
        assertThat(offered.events()).isEmpty();
        assertThatThrownBy(() -> offered.aggregate().offered(NOW))
                .isInstanceOf(TransitionTable.IllegalTransition.class);
    }

    @Test
    void anAcceptedCrisisOfferMatchesTheRequest() {
        MatchingRequest request = crisis(RequestStatus.OFFERED);
        Offer offer = OfferTest.open(NOW.plusSeconds(600));

        Changed<MatchingRequest.Acceptance> accepted = request.accept(offer, null, DELAY, NOW);

        assertThat(accepted.aggregate().request().status()).isEqualTo(RequestStatus.MATCHED);
        assertThat(accepted.aggregate().request().matchedOfferId()).isEqualTo(offer.id());
        assertThat(accepted.aggregate().request().expectedAdmissionAt()).isEqualTo(NOW.plus(DELAY));
        assertThat(accepted.aggregate().offer().status()).isEqualTo(OfferStatus.ACCEPTED);
        assertThat(accepted.events()).hasSize(2);
        assertThat(accepted.events().get(0)).isInstanceOf(OfferAccepted.class);
        assertThat(accepted.events().get(1)).isEqualTo(new RequestMatched("r-1", offer.id(), "drenthe", "loc-1",
                "prov-1", offer.careType(), NOW.plus(DELAY), NOW));
    }

    @Test
    void anAcceptedPlannedStayIsBookedFromItsFirstNight() {
        MatchingRequest request = planned(RequestStatus.OFFERED);
        Offer offer = OfferTest.open(NOW.plusSeconds(600));

        Changed<MatchingRequest.Acceptance> accepted = request.accept(offer, null, DELAY, NOW);

        MatchingRequest booked = accepted.aggregate().request();
        assertThat(booked.status()).isEqualTo(RequestStatus.BOOKED);
        assertThat(booked.planning().bookedAt()).isEqualTo(NOW);
        assertThat(booked.expectedAdmissionAt()).isEqualTo(Nights.startOf(offer.firstNight()).plus(DELAY));
        assertThat(accepted.events().get(1)).isInstanceOfSatisfying(StayBooked.class, event ->
                assertThat(event.nights()).isEqualTo(offer.nights()));
    }

    @Test
    void anAdmissionMoreThanAYearAheadIsRefused() {
        assertThatThrownBy(() -> crisis(RequestStatus.OFFERED).accept(OfferTest.open(NOW.plusSeconds(600)),
                NOW.plus(Duration.ofDays(400)), DELAY, NOW))
                .isInstanceOfSatisfying(DomainException.class, refused ->
                        assertThat(refused.field()).isEqualTo("expectedAdmissionAt"));
    }

    @Test
    void withoutACandidateACrisisRequestEscalates() {
        Changed<MatchingRequest> escalated = crisis(RequestStatus.SUBMITTED).noCandidate(2, 1, false, NOW);

        assertThat(escalated.aggregate().status()).isEqualTo(RequestStatus.ESCALATED);
        assertThat(escalated.events()).singleElement().isInstanceOfSatisfying(RequestEscalated.class, event -> {
            assertThat(event.reason()).isEqualTo("NO_CANDIDATE");
            assertThat(event.detail()).contains("2 location(s) already tried", "override the protection");
        });
    }

    @Test
    void withoutACandidateAPlannedRequestWaitsAndIsAnnouncedOnce() {
        Changed<MatchingRequest> waiting = planned(RequestStatus.SUBMITTED).noCandidate(0, 0, false, NOW);

        assertThat(waiting.aggregate().status()).isEqualTo(RequestStatus.WAITING);
        assertThat(waiting.aggregate().planning().waitingSince()).isEqualTo(NOW);
        assertThat(waiting.events()).singleElement().isInstanceOfSatisfying(RequestWaitlisted.class, event ->
                assertThat(event.firstNight()).isEqualTo(FIRST_NIGHT));

        Changed<MatchingRequest> again = waiting.aggregate().noCandidate(1, 0, false, NOW.plusSeconds(60));
        assertThat(again.aggregate().planning().waitingSince()).isEqualTo(NOW);
        assertThat(again.events()).isEmpty();
    }

    @Test
    void aPlannedRequestWhoseDatesHaveAllBegunGoesToTheCoordinator() {
        Changed<MatchingRequest> passed = planned(RequestStatus.WAITING).noCandidate(0, 0, true, NOW);

        assertThat(passed.aggregate().status()).isEqualTo(RequestStatus.ESCALATED);
        assertThat(passed.events()).singleElement().isInstanceOfSatisfying(RequestEscalated.class, event ->
                assertThat(event.reason()).isEqualTo("STAY_WINDOW_PASSED"));
    }

    @Test
    void aRequestIsCancelledUntilThePatientIsAdmitted() {
        Changed<MatchingRequest> cancelled = crisis(RequestStatus.MATCHED).cancel(CancelReason.ADMITTED_TO_HOSPITAL,
                NOW);

        assertThat(cancelled.aggregate().status()).isEqualTo(RequestStatus.CANCELLED);
        assertThat(cancelled.aggregate().cancelReason()).isEqualTo("ADMITTED_TO_HOSPITAL");
        assertThat(cancelled.events()).containsExactly(new RequestCancelled("r-1", "drenthe",
                "ADMITTED_TO_HOSPITAL", NOW));
        assertThat(crisis(RequestStatus.OFFERED).cancel(null, NOW).events()).containsExactly(
                new RequestCancelled("r-1", "drenthe", "OTHER", NOW));
        assertThatThrownBy(() -> crisis(RequestStatus.ADMITTED).cancel(CancelReason.OTHER, NOW))
                .isInstanceOfSatisfying(DomainException.class, refused ->
                        assertThat(refused.kind()).isEqualTo(DomainException.Kind.CONFLICT));
    }

    @Test
    void thePatientIsAdmittedAndDischarged() {
        MatchingRequest admitted = crisis(RequestStatus.MATCHED).admitted(NOW).aggregate();
        assertThat(admitted.status()).isEqualTo(RequestStatus.ADMITTED);
        assertThat(admitted.discharged(NOW).aggregate().status()).isEqualTo(RequestStatus.DISCHARGED);
        assertThatThrownBy(() -> crisis(RequestStatus.OFFERED).admitted(NOW))
                .isInstanceOf(TransitionTable.IllegalTransition.class);
    }

    @Test
    void aCoordinatorOverridesProtectionForAnOpenCrisisRequestOnly() {
        Changed<MatchingRequest> overridden = crisis(RequestStatus.ESCALATED).overrideProtection(PROTECTING,
                OverrideReason.UNSAFE_AT_HOME, NOW);

        assertThat(overridden.aggregate().status()).isEqualTo(RequestStatus.ESCALATED);
        assertThat(overridden.aggregate().planning().protectionOverride()).isTrue();
        assertThat(overridden.aggregate().planning().roundStartedAt()).isEqualTo(NOW);
        assertThat(overridden.events()).containsExactly(new ProtectionOverridden("r-1", "drenthe", "ELV_HOOG",
                "UNSAFE_AT_HOME", NOW));
        assertThatThrownBy(() -> planned(RequestStatus.ESCALATED).overrideProtection(PROTECTING, OverrideReason.OTHER, NOW))
                .hasMessageContaining("Only a crisis request");
        assertThatThrownBy(() -> crisis(RequestStatus.MATCHED).overrideProtection(PROTECTING, OverrideReason.OTHER, NOW))
                .hasMessageContaining("while it looks for a bed");
        assertThatThrownBy(() -> crisis(RequestStatus.ESCALATED).overrideProtection(null, OverrideReason.OTHER, NOW))
                .hasMessageContaining("no beds protected");
    }

    @Test
    void aCoordinatorRaisesAWaitingRequestsPriority() {
        Changed<MatchingRequest> raised = planned(RequestStatus.WAITING).raisePriority(PriorityReason.WAITED_LONG, NOW);

        assertThat(raised.aggregate().planning().priority()).isEqualTo(1);
        assertThat(raised.events()).containsExactly(new WaitingPriorityRaised("r-1", "drenthe", "LOGEER", 1,
                "WAITED_LONG", NOW));
        assertThatThrownBy(() -> planned(RequestStatus.BOOKED).raisePriority(PriorityReason.WAITED_LONG, NOW))
                .hasMessageContaining("only a request on the waiting list");
    }

    @Test
    void theClocksWarnOnlyWhereTheTableAllows() {
        assertThat(crisis(RequestStatus.OFFERED).deadlineAtRisk(NOW).events()).singleElement()
                .isInstanceOfSatisfying(RequestEscalated.class, event ->
                        assertThat(event.reason()).isEqualTo("DEADLINE_AT_RISK"));
        assertThatThrownBy(() -> crisis(RequestStatus.MATCHED).deadlineAtRisk(NOW))
                .isInstanceOf(TransitionTable.IllegalTransition.class);
        Offer booked = OfferTest.open(NOW.plusSeconds(600));
        assertThat(planned(RequestStatus.BOOKED).remind(booked, NOW).events()).singleElement()
                .isInstanceOf(StayReminderIssued.class);
        assertThat(crisis(RequestStatus.ADMITTED).overrunning(booked, NOW).events()).singleElement()
                .isInstanceOfSatisfying(RequestEscalated.class, event ->
                        assertThat(event.reason()).isEqualTo("STAY_OVERRUN"));
    }

    @Test
    void matchingByHandNeedsARequestThatStillLooksForABed() {
        crisis(RequestStatus.ESCALATED).requireOfferByHand();
        assertThatThrownBy(() -> crisis(RequestStatus.MATCHED).requireOfferByHand())
                .hasMessageContaining("a bed can only be offered by hand");
    }

    @Test
    void aCrisisRequestWithoutACandidateJoinsTheCrisisQueueUntilItsDeadline() {
        Changed<MatchingRequest> escalated = crisis(RequestStatus.SUBMITTED).noCandidate(2, 0, false, NOW);
        assertThat(escalated.aggregate().joinsCrisisQueue(NOW)).isTrue();
        assertThat(escalated.aggregate().joinsCrisisQueue(NOW.plusSeconds(3600))).isFalse();
        assertThat(planned(RequestStatus.ESCALATED).joinsCrisisQueue(NOW)).isFalse();
        assertThat(crisis(RequestStatus.OFFERED).joinsCrisisQueue(NOW)).isFalse();
    }

    @Test
    void aCoordinatorPausesAndResumesTheQueueOfAQueuedRequestOnly() {
        CrisisQueueEntry queued = CrisisQueueEntry.joined("r-1", EARLIER);
        CrisisQueueEntry paused = crisis(RequestStatus.ESCALATED).pauseQueue(queued, "family takes over tonight");
        assertThat(paused.pausedReason()).isEqualTo("family takes over tonight");
        assertThat(crisis(RequestStatus.ESCALATED).resumeQueue(paused).paused()).isFalse();

        assertThatThrownBy(() -> crisis(RequestStatus.ESCALATED).pauseQueue(queued, " "))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("reason"));
        assertThatThrownBy(() -> crisis(RequestStatus.ESCALATED).pauseQueue(paused, "again"))
                .hasMessageContaining("already paused");
        assertThatThrownBy(() -> crisis(RequestStatus.ESCALATED).resumeQueue(queued))
                .hasMessageContaining("not paused");
        assertThatThrownBy(() -> crisis(RequestStatus.ESCALATED).pauseQueue(null, "not queued"))
                .hasMessageContaining("not in the crisis queue");
        assertThatThrownBy(() -> crisis(RequestStatus.OFFERED).pauseQueue(queued, "offered now"))
                .hasMessageContaining("not in the crisis queue");
        assertThatThrownBy(() -> crisis(RequestStatus.ESCALATED).pauseQueue(queued.placed(NOW), "placed"))
                .hasMessageContaining("not in the crisis queue");
    }

    @Test
    void leavingTheQueueAtTheDeadlineTellsTheCoordinatorAgain() {
        CrisisQueueEntry queued = CrisisQueueEntry.joined("r-1", NOW.minus(Duration.ofMinutes(90)));
        Changed<CrisisQueueEntry> left = crisis(RequestStatus.ESCALATED).leaveQueue(queued, NOW);
        assertThat(left.aggregate().inQueue()).isFalse();
        assertThat(left.aggregate().minutesInQueue(NOW.plusSeconds(3600))).isEqualTo(90);
        assertThat(left.events()).singleElement().isInstanceOfSatisfying(RequestEscalated.class, event ->
                assertThat(event.reason()).isEqualTo("QUEUE_DEADLINE_PASSED"));
        assertThatThrownBy(() -> crisis(RequestStatus.MATCHED).leaveQueue(queued, NOW))
                .isInstanceOf(TransitionTable.IllegalTransition.class);
    }

    @Test
    void everyEscalationCarriesItsDetailAsACodeAndValues() {
        assertDetail(crisis(RequestStatus.SUBMITTED).noCandidate(2, 0, false, NOW).events(), "NO_CANDIDATE",
                Map.of("careType", "ELV_HOOG", "tried", 2));
        assertDetail(crisis(RequestStatus.SUBMITTED).noCandidate(2, 1, false, NOW).events(),
                "NO_CANDIDATE_ONLY_PROTECTED", Map.of("careType", "ELV_HOOG", "tried", 2, "protectedOnly", 1));
        String latestFirstNight = planned(RequestStatus.WAITING).planning().stay().latestFirstNight().toString();
        assertDetail(planned(RequestStatus.WAITING).noCandidate(0, 0, true, NOW).events(), "STAY_WINDOW_PASSED",
                Map.of("latestFirstNight", latestFirstNight));
        assertDetail(crisis(RequestStatus.OFFERED).deadlineAtRisk(NOW).events(), "DEADLINE_AT_RISK",
                Map.of("neededBy", NOW.plusSeconds(3600).toString()));
        assertDetail(planned(RequestStatus.WAITING).deadlineAtRisk(NOW).events(), "STAY_DEADLINE_AT_RISK",
                Map.of("latestFirstNight", latestFirstNight));

        Offer offer = OfferTest.open(NOW.plusSeconds(600));
        assertDetail(crisis(RequestStatus.OFFERED).offerExpired(offer, NOW).events(), "OFFER_EXPIRED",
                Map.of("locationId", offer.locationId(), "respondBy", offer.respondBy().toString()));
        assertDetail(crisis(RequestStatus.ADMITTED).overrunning(offer, NOW).events(), "STAY_OVERRUN",
                Map.of("locationId", offer.locationId(),
                        "lastNight", offer.firstNight().plusDays(offer.nights() - 1L).toString()));

        CrisisQueueEntry queued = CrisisQueueEntry.joined("r-1", NOW.minus(Duration.ofMinutes(90)));
        assertDetail(crisis(RequestStatus.ESCALATED).leaveQueue(queued, NOW).events(), "QUEUE_DEADLINE_PASSED",
                Map.of("neededBy", NOW.plusSeconds(3600).toString(), "minutesInQueue", 90L));
    }

    private static void assertDetail(List<Object> events, String code, Map<String, Object> values) {
        assertThat(events).singleElement().isInstanceOfSatisfying(RequestEscalated.class, event -> {
            assertThat(event.detailCode()).isEqualTo(code);
            assertThat(EscalationDetailCode.valueOf(code).name()).isEqualTo(code);
            assertThat(event.detailValues()).containsExactlyInAnyOrderEntriesOf(values);
            assertThat(event.detail()).isNotBlank();
        });
    }

    private static MatchingRequest crisis(RequestStatus status) {
        return new MatchingRequest("r-1", "drenthe", "ELV_HOOG", Urgency.CRISIS, List.of(), "9401", "Assen", 53.0,
                6.5, null, NOW.plusSeconds(3600), status, null, null, null, EARLIER, EARLIER,
                MatchingRequest.Planning.none(EARLIER), "huisartsenpost-drenthe");
    }

    private static MatchingRequest planned(RequestStatus status) {
        return new MatchingRequest("r-1", "drenthe", "LOGEER", Urgency.PLANNED, List.of(), "9401", "Assen", 53.0,
                6.5, null, Nights.startOf(FIRST_NIGHT), status, null, null, null, EARLIER, EARLIER,
                new MatchingRequest.Planning(Stay.fixed(FIRST_NIGHT, 3), 3, null, 0, false, EARLIER, null, null),
                "huisartsenpost-drenthe");
    }
}
