package nl.adempauze.requestmatching.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nl.adempauze.contracts.events.CareTypeChanged;
import nl.adempauze.contracts.events.RequestEscalated;
import nl.adempauze.platform.domain.Changed;
import nl.adempauze.platform.domain.DomainException;
import org.junit.jupiter.api.Test;

/** A request without a care type awaits triage; the coordinator sets the care type, or changes it (re-triage). */
class MatchingRequestTriageTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final Instant EARLIER = NOW.minus(Duration.ofHours(1));
    private static final CareTypeRule ELV_HOOG = rule("ELV_HOOG");

    private static CareTypeRule rule(String code) {
        return new CareTypeRule("drenthe", code, code, "ZVW", Duration.ofMinutes(30), null, Duration.ofHours(4), false,
                1, 90, null);
    }

    private static MatchingRequest request(String careType, RequestStatus status, Instant neededBy) {
        return new MatchingRequest("r-1", "drenthe", careType, Urgency.CRISIS, List.of(), "9401", "Assen", 53.0, 6.5,
                null, neededBy, status, null, null, null, EARLIER, EARLIER, MatchingRequest.Planning.none(EARLIER),
                "huisartsenpost-drenthe");
    }

    @Test
    void aRequestTheTriageDidNotSettleAwaitsTheCoordinatorWhoIsTold() {
        Changed<MatchingRequest> waiting = request(null, RequestStatus.SUBMITTED, null).awaitTriage("not-home", NOW);

        assertThat(waiting.aggregate().status()).isEqualTo(RequestStatus.AWAITING_TRIAGE);
        assertThat(waiting.events()).singleElement().isInstanceOfSatisfying(RequestEscalated.class, event -> {
            assertThat(event.reason()).isEqualTo("TRIAGE_NEEDED");
            assertThat(event.careType()).isNull();
            assertThat(event.detailCode()).isEqualTo("TRIAGE_NEEDED");
            assertThat(event.detailValues()).containsEntry("ruleId", "not-home");
        });
    }

    @Test
    void settingTheCareTypeStartsMatchingWithItsAdmissionDeadline() {
        Changed<MatchingRequest> set = request(null, RequestStatus.AWAITING_TRIAGE, null).setCareType(ELV_HOOG, NOW);

        assertThat(set.aggregate().status()).isEqualTo(RequestStatus.SUBMITTED);
        assertThat(set.aggregate().careType()).isEqualTo("ELV_HOOG");
        assertThat(set.aggregate().neededBy()).isEqualTo(NOW.plus(Duration.ofHours(4)));
        assertThat(set.aggregate().planning().roundStartedAt()).isEqualTo(NOW);
        assertThat(set.events()).containsExactly(new CareTypeChanged("r-1", "drenthe", "ELV_HOOG", null, NOW));
    }

    @Test
    void reTriageOfAnOfferedRequestMatchesItAgainAndKeepsAStatedDeadline() {
        Instant stated = NOW.plus(Duration.ofHours(8));
        Changed<MatchingRequest> changed = request("ELV_LAAG", RequestStatus.OFFERED, stated)
                .setCareType(ELV_HOOG, NOW);

        assertThat(changed.aggregate().status()).isEqualTo(RequestStatus.SUBMITTED);
        assertThat(changed.aggregate().neededBy()).isEqualTo(stated);
        assertThat(changed.events()).containsExactly(new CareTypeChanged("r-1", "drenthe", "ELV_HOOG", "ELV_LAAG", NOW));
    }

    @Test
    void theSameCareTypeOrAClosedRequestIsRefused() {
        assertThatThrownBy(() -> request("ELV_HOOG", RequestStatus.WAITING, NOW).setCareType(ELV_HOOG, NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("careType"));
        for (RequestStatus closed : List.of(RequestStatus.MATCHED, RequestStatus.ADMITTED, RequestStatus.CANCELLED)) {
            assertThatThrownBy(() -> request("ELV_LAAG", closed, NOW).setCareType(ELV_HOOG, NOW))
                    .isInstanceOfSatisfying(DomainException.class,
                            e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT));
        }
    }
}
