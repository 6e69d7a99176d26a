package nl.adempauze.requestmatching.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import nl.adempauze.platform.security.Caller;
import nl.adempauze.platform.security.Role;
import nl.adempauze.requestmatching.application.RequestAccess.Verdict;
import nl.adempauze.requestmatching.domain.MatchingRequest;
import nl.adempauze.requestmatching.domain.Offer;
import nl.adempauze.requestmatching.domain.OfferStatus;
import nl.adempauze.requestmatching.domain.RequestStatus;
import nl.adempauze.requestmatching.domain.Urgency;
import org.junit.jupiter.api.Test;

/** The request-matching rows of the access matrix in docs/SECURITY.md, rule by rule, for every kind of caller. */
class RequestAccessTest {

    private static final Caller REFERRER = caller(Role.REFERRER, "huisartsenpost-drenthe");
    private static final Caller OTHER_REFERRER = caller(Role.REFERRER, "wza-transferpunt");
    private static final Caller PROVIDER = caller(Role.PROVIDER, "zorggroep-drentse-aa");
    private static final Caller OTHER_PROVIDER = caller(Role.PROVIDER, "stichting-vechtzorg");
    private static final Caller COORDINATOR = new Caller("c", "c", Set.of(Role.COORDINATOR), "cp", Set.of("drenthe"));
    private static final Caller OTHER_COORDINATOR =
            new Caller("g", "g", Set.of(Role.COORDINATOR), "cp", Set.of("groningen"));
    private static final Caller ADMIN = caller(Role.ADMIN, "beheer");
    private static final List<Caller> EVERYONE =
            List.of(REFERRER, OTHER_REFERRER, PROVIDER, OTHER_PROVIDER, COORDINATOR, OTHER_COORDINATOR, ADMIN);

    private static final MatchingRequest REQUEST = new MatchingRequest("r-1", "drenthe", "ELV_HOOG", Urgency.CRISIS,
            List.of(), "9401", "Assen", 53.0, 6.5, null, Instant.EPOCH,
            RequestStatus.OFFERED, null, null, null, Instant.EPOCH, Instant.EPOCH,
            MatchingRequest.Planning.none(Instant.EPOCH), "huisartsenpost-drenthe");
    private static final Offer OFFER = offer(OfferStatus.OPEN);

    @Test
    void requests() {
        // every referrer submits for its own organisation
        expect(caller -> RequestAccess.submit(caller, "drenthe", null), "A A F F A F F");
        // naming another organisation: only a coordinator of the region may
        expect(caller -> RequestAccess.submit(caller, "drenthe", "wza-transferpunt"), "F A F F A F F");
        expect(RequestAccess::listOwn, "A A F F F F F");
        expect(caller -> RequestAccess.follow(caller, REQUEST), "A H F F A H F");
        expect(caller -> RequestAccess.decide(caller, REQUEST), "F F F F A H F");
        expect(caller -> RequestAccess.regionBoard(caller, "drenthe"), "F F F F A F F");
        expect(caller -> RequestAccess.figures(caller, "drenthe"), "F F F F A F A");
        expect(RequestAccess::audit, "F F F F F F A");
    }

    @Test
    void offers() {
        expect(caller -> RequestAccess.locationInbox(caller, "zorggroep-drentse-aa", "drenthe"), "F F A F A F F");
        expect(caller -> RequestAccess.viewOffer(caller, OFFER), "F F A H A H F");
        expect(caller -> RequestAccess.answerOffer(caller, OFFER), "F F A H F F F");
    }

    @Test
    void acrossTheBorderTheNeighboursCoordinatorsReadTheRequestWhileTheOfferToTheirLocationIsCurrent() {
        Offer open = across(OfferStatus.OPEN);
        expect(caller -> RequestAccess.followAcrossBorder(caller, List.of(open)), "H H H H H A H");
        expect(caller -> RequestAccess.followAcrossBorder(caller, List.of(across(OfferStatus.ACCEPTED))),
                "H H H H H A H");
        expect(caller -> RequestAccess.followAcrossBorder(caller, List.of(across(OfferStatus.DECLINED), OFFER)),
                "H H H H H H H");
        expect(caller -> RequestAccess.viewOffer(caller, open), "F F A H A A F");
        // deciding stays with the request's own region
        expect(caller -> RequestAccess.decide(caller, REQUEST), "F F F F A H F");
    }

    private static Offer across(OfferStatus status) {
        return new Offer("o-2", "r-1", "drenthe", "loc-g", "zorggroep-drentse-aa", "ELV_HOOG", 1, "", status, null,
                Instant.EPOCH, Instant.EPOCH, Instant.EPOCH, null, null, null, 0, 0, null, "groningen");
    }

    @Test
    void theProviderSeesThePatientOnlyOnceItAcceptedAndOnlyItsOwn() {
        assertThat(RequestAccess.providerSeesPatient(PROVIDER, OFFER)).isFalse();
        assertThat(RequestAccess.providerSeesPatient(PROVIDER, offer(OfferStatus.ACCEPTED))).isTrue();
        assertThat(RequestAccess.providerSeesPatient(OTHER_PROVIDER, offer(OfferStatus.ACCEPTED))).isFalse();
        assertThat(RequestAccess.providerSeesPatient(COORDINATOR, offer(OfferStatus.ACCEPTED))).isFalse();
    }

    @Test
    void onlyTheOfferedProviderReadsTheHandoverAndOnlyWhileItsOfferIsOpenOrAccepted() {
        expect(caller -> RequestAccess.offerHandover(caller, OFFER), "F F A H F F F");
        expect(caller -> RequestAccess.offerHandover(caller, offer(OfferStatus.ACCEPTED)), "F F A H F F F");
        for (OfferStatus ended : List.of(OfferStatus.HOLD_REQUESTED, OfferStatus.HOLD_REFUSED, OfferStatus.DECLINED,
                OfferStatus.EXPIRED, OfferStatus.WITHDRAWN)) {
            expect(caller -> RequestAccess.offerHandover(caller, offer(ended)), "F F H H F F F");
        }
    }

    @Test
    void aRoleThatMayNeverDoSomethingIsForbiddenBeforeAnythingIsLookedUp() {
        expect(RequestAccess::mayFollowRequests, "A A F F A A F");
        expect(RequestAccess::mayDecide, "F F F F A A F");
        expect(RequestAccess::mayViewOffers, "F F A A A A F");
        expect(RequestAccess::mayAnswerOffers, "F F A A F F F");
    }

    /** {@code table}: one letter per caller in {@link #EVERYONE}'s order: A allowed, F forbidden, H hidden. */
    private static void expect(Function<Caller, Verdict> rule, String table) {
        Map<String, Verdict> letters = Map.of("A", Verdict.ALLOWED, "F", Verdict.FORBIDDEN, "H", Verdict.HIDDEN);
        List<Verdict> expected = java.util.Arrays.stream(table.split(" ")).map(letters::get).toList();
        assertThat(EVERYONE.stream().map(rule).toList()).isEqualTo(expected);
    }

    private static Caller caller(Role role, String organisation) {
        return new Caller(role + "@" + organisation, role.name(), Set.of(role), organisation, Set.of());
    }

    private static Offer offer(OfferStatus status) {
        return new Offer("o-1", "r-1", "drenthe", "loc-1", "zorggroep-drentse-aa", "ELV_HOOG", 1, "", status, null,
                Instant.EPOCH, Instant.EPOCH, Instant.EPOCH, null, null, null, 0, 0, null, null);
    }
}
