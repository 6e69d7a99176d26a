package nl.adempauze.requestmatching.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.adempauze.contracts.events.HoldRequested;
import nl.adempauze.contracts.events.OfferAccepted;
import nl.adempauze.contracts.events.OfferDeclined;
import nl.adempauze.contracts.events.OfferExpired;
import nl.adempauze.contracts.events.OfferMade;
import nl.adempauze.contracts.events.OfferWithdrawn;
import nl.adempauze.platform.domain.Changed;
import nl.adempauze.platform.domain.DomainException;
import org.junit.jupiter.api.Test;

/** The offer's methods: the status each leaves it in and the events each answers, without Spring or a database. */
class OfferTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final MatchingRequest REQUEST = new MatchingRequest("r-1", "drenthe", "ELV_HOOG", Urgency.CRISIS,
            List.of("OXYGEN"), "9401", "Assen", 53.0, 6.5, null, NOW.plusSeconds(3600), RequestStatus.SUBMITTED, null,
            null, null, NOW, NOW, MatchingRequest.Planning.none(NOW), "huisartsenpost-drenthe");
    private static final RankedCandidate CANDIDATE = new RankedCandidate(1, "loc-1", "De Linde", "prov-1", 0.2, 4.5,
            "closest", LocalDate.parse("2026-03-02"), 3);

    @Test
    void aHoldIsRequestedForTheBestCandidate() {
        Changed<Offer> hold = Offer.requestHold("o-1", REQUEST, CANDIDATE, NOW);

        assertThat(hold.aggregate().status()).isEqualTo(OfferStatus.HOLD_REQUESTED);
        assertThat(hold.aggregate().createdAt()).isEqualTo(NOW);
        assertThat(hold.events()).containsExactly(new HoldRequested("o-1", "r-1", "drenthe", "loc-1", "ELV_HOOG",
                "CRISIS", LocalDate.parse("2026-03-02"), 3, false, NOW));
    }

    @Test
    void aHeldBedIsOfferedWithADeadline() {
        Changed<Offer> open = held().held(Duration.ofMinutes(30), 1, 2, REQUEST, true, NOW);

        assertThat(open.aggregate().status()).isEqualTo(OfferStatus.OPEN);
        assertThat(open.aggregate().respondBy()).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
        assertThat(open.aggregate().offeredAt()).isEqualTo(NOW);
        assertThat(open.aggregate().protectedNightsReleased()).isEqualTo(1);
        assertThat(open.aggregate().protectedNightsOverridden()).isEqualTo(2);
        assertThat(open.events()).singleElement().isInstanceOfSatisfying(OfferMade.class, made -> {
            assertThat(made.offerId()).isEqualTo("o-1");
            assertThat(made.respondBy()).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
            assertThat(made.handoverAvailable()).isTrue();
        });
        assertThat(held().held(Duration.ofMinutes(30), 0, 0, REQUEST, false, NOW).events()).singleElement()
                .isInstanceOfSatisfying(OfferMade.class, made -> assertThat(made.handoverAvailable()).isFalse());
    }

    @Test
    void aRefusedHoldAnnouncesNothing() {
        Changed<Offer> refused = held().holdRefused("NO_BED");

        assertThat(refused.aggregate().status()).isEqualTo(OfferStatus.HOLD_REFUSED);
        assertThat(refused.aggregate().reason()).isEqualTo("NO_BED");
        assertThat(refused.events()).isEmpty();
    }

    @Test
    void anOpenOfferIsAcceptedOrDeclined() {
        Offer open = open(NOW.plusSeconds(60));

        Changed<Offer> accepted = open.accept(NOW.plusSeconds(7200), NOW);
        assertThat(accepted.aggregate().status()).isEqualTo(OfferStatus.ACCEPTED);
        assertThat(accepted.aggregate().answeredAt()).isEqualTo(NOW);
        assertThat(accepted.events()).containsExactly(new OfferAccepted("o-1", "r-1", "drenthe", "loc-1", "prov-1",
                "ELV_HOOG", NOW.plusSeconds(7200), NOW, "drenthe"));

        Changed<Offer> declined = open.decline(null, NOW);
        assertThat(declined.aggregate().status()).isEqualTo(OfferStatus.DECLINED);
        assertThat(declined.aggregate().declineCode()).isEqualTo(DeclineReason.OTHER.name());
        assertThat(declined.events()).containsExactly(new OfferDeclined("o-1", "r-1", "drenthe", "loc-1", "prov-1",
                "ELV_HOOG", "OTHER", NOW));
        assertThat(open.decline(DeclineReason.NO_STAFF, NOW).aggregate().reason()).isEqualTo("NO_STAFF");
    }

    @Test
    void anOfferPastItsDeadlineCannotBeAcceptedButExpires() {
        Offer overdue = open(NOW.minusSeconds(1));

        assertThat(overdue.overdue(NOW)).isTrue();
        assertThatThrownBy(() -> REQUEST.accept(overdue, null, Duration.ZERO, NOW))
                .isInstanceOfSatisfying(DomainException.class, refused -> assertThat(refused.title())
                        .isEqualTo("Offer expired"));
        Changed<Offer> expired = overdue.expire(NOW);
        assertThat(expired.aggregate().status()).isEqualTo(OfferStatus.EXPIRED);
        assertThat(expired.aggregate().reason()).isEqualTo("NO_ANSWER");
        assertThat(expired.events()).containsExactly(new OfferExpired("o-1", "r-1", "drenthe", "loc-1", "prov-1",
                "ELV_HOOG", NOW));
    }

    @Test
    void anOfferNoLongerOpenCannotBeAnswered() {
        Offer accepted = open(NOW.plusSeconds(60)).accept(NOW, NOW).aggregate();

        assertThatThrownBy(() -> accepted.decline(DeclineReason.OTHER, NOW))
                .isInstanceOfSatisfying(DomainException.class, refused -> {
                    assertThat(refused.kind()).isEqualTo(DomainException.Kind.CONFLICT);
                    assertThat(refused.title()).isEqualTo("Offer not open");
                });
    }

    @Test
    void withdrawalsSayWhy() {
        assertThat(held().withdrawUnansweredHold(NOW).events()).singleElement()
                .isInstanceOfSatisfying(OfferWithdrawn.class, w ->
                        assertThat(w.reason()).isEqualTo("HOLD_NOT_ANSWERED"));
        assertThat(open(NOW).withdrawForAnotherLocation(NOW).events()).singleElement()
                .isInstanceOfSatisfying(OfferWithdrawn.class, w -> assertThat(w.reason())
                        .isEqualTo(Offer.CHOSEN_ELSEWHERE));
        Offer accepted = open(NOW.plusSeconds(60)).accept(NOW, NOW).aggregate();
        Changed<Offer> released = accepted.withdrawForCancelledRequest(NOW);
        assertThat(released.aggregate().status()).isEqualTo(OfferStatus.WITHDRAWN);
        assertThat(released.events()).singleElement()
                .isInstanceOfSatisfying(OfferWithdrawn.class, w ->
                        assertThat(w.reason()).isEqualTo("REQUEST_CANCELLED"));
        assertThatThrownBy(() -> accepted.withdrawForAnotherLocation(NOW))
                .isInstanceOf(DomainException.class);
    }

    static Offer held() {
        return Offer.requestHold("o-1", REQUEST, CANDIDATE, NOW).aggregate();
    }

    static Offer open(Instant respondBy) {
        return held().held(Duration.between(NOW, respondBy), 0, 0, REQUEST, false, NOW).aggregate();
    }
}
