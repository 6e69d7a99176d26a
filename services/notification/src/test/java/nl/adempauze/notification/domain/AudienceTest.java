package nl.adempauze.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import nl.adempauze.contracts.events.CapacityPublished;
import nl.adempauze.contracts.events.LocationRegistered;
import nl.adempauze.contracts.events.OfferMade;
import nl.adempauze.contracts.events.RegionConfigured;
import nl.adempauze.contracts.events.RequestEscalated;
import nl.adempauze.contracts.events.RequestSubmitted;
import nl.adempauze.platform.security.Role;
import org.junit.jupiter.api.Test;

/** Who may see which event: the visibility rule of docs/SECURITY.md, section "notification". */
class AudienceTest {

    private static final Instant AT = Instant.parse("2026-03-02T08:41:19Z");
    private static final KnownRequest REQUEST = new KnownRequest("req-1", "drenthe", "hap-assen");

    private static final Viewer HAP_ASSEN = Viewer.referrer("hap-assen", "referrer@hap-assen");
    private static final Viewer HAP_GRONINGEN = Viewer.referrer("hap-groningen", "referrer@hap-groningen");
    private static final Viewer PROV_1 = Viewer.provider("prov-1", "planner@prov-1");
    private static final Viewer PROV_2 = Viewer.provider("prov-2", "planner@prov-2");
    private static final Viewer DRENTHE = Viewer.coordinator(Set.of("drenthe"), "coordinatiepunt", "c@drenthe");
    private static final Viewer GRONINGEN = Viewer.coordinator(Set.of("groningen"), "coordinatiepunt", "c@gron");
    private static final Viewer NORTH = Viewer.coordinator(Set.of("groningen", "drenthe"), "coordinatiepunt", "c");

    private static final RequestSubmitted SUBMITTED = new RequestSubmitted("req-1", "drenthe", "CRISIS_STAY",
            "CRISIS", List.of(), "Assen", "zilveren-kruis", AT, null, null, null, AT, "hap-assen");
    private static final OfferMade OFFER = new OfferMade("off-1", "req-1", "drenthe", "loc-assen", "prov-1",
            "CRISIS_STAY", "CRISIS", List.of(), 0, "closest", AT, AT);
    private static final RequestEscalated ESCALATION = new RequestEscalated("req-1", "drenthe", "CRISIS_STAY",
            "CRISIS", "NO_CANDIDATE", null, AT);
    private static final CapacityPublished CAPACITY = new CapacityPublished("loc-assen", "drenthe", "CRISIS_STAY",
            3, 1, 2, 7, AT);

    @Test
    void aSubmittedRequestIsSeenByItsReferrerOrganisationAndItsRegionsCoordinatorsOnly() {
        Audience audience = Audience.of(EventAttributes.of(SUBMITTED), KnownRequest.of(SUBMITTED));

        assertThat(audience.admits(HAP_ASSEN)).isTrue();
        assertThat(audience.admits(DRENTHE)).isTrue();
        assertThat(audience.admits(NORTH)).isTrue();
        assertThat(audience.admits(HAP_GRONINGEN)).isFalse();
        assertThat(audience.admits(GRONINGEN)).isFalse();
        assertThat(audience.admits(PROV_1)).as("a submission names no provider").isFalse();
    }

    @Test
    void anOfferAcrossTheBorderIsAlsoSeenByTheCoordinatorsOfTheLocationsRegionAndMatchesTheirRegionScope() {
        OfferMade across = new OfferMade("off-2", "req-1", "drenthe", "loc-stadskanaal", "prov-2", "CRISIS_STAY",
                "CRISIS", List.of(), 1, "outside the region", AT, AT, "groningen", null);
        Audience audience = Audience.of(EventAttributes.of(across), REQUEST);

        assertThat(audience.admits(GRONINGEN)).as("the neighbour's coordinators").isTrue();
        assertThat(audience.admits(DRENTHE)).as("the request's coordinators").isTrue();
        assertThat(audience.admits(PROV_2)).isTrue();
        assertThat(audience.admits(PROV_1)).isFalse();
        assertThat(audience.admits(HAP_GRONINGEN)).isFalse();
        assertThat(new Scope("groningen", null, null, null).matches(EventAttributes.of(across))).isTrue();
        assertThat(new Scope("drenthe", null, null, null).matches(EventAttributes.of(across))).isTrue();
        assertThat(new Scope("twente", null, null, null).matches(EventAttributes.of(across))).isFalse();

        OfferMade atHome = new OfferMade("off-3", "req-1", "drenthe", "loc-assen", "prov-1", "CRISIS_STAY",
                "CRISIS", List.of(), 1, "closest", AT, AT, "drenthe", null);
        assertThat(Audience.of(EventAttributes.of(atHome), REQUEST).admits(GRONINGEN)).isFalse();
        assertThat(new Scope("groningen", null, null, null).matches(EventAttributes.of(atHome))).isFalse();
    }

    @Test
    void anOfferIsSeenByTheRequestsReferrerTheProviderItNamesAndTheRegionsCoordinators() {
        Audience audience = Audience.of(EventAttributes.of(OFFER), REQUEST);

        assertThat(audience.admits(HAP_ASSEN)).isTrue();
        assertThat(audience.admits(PROV_1)).isTrue();
        assertThat(audience.admits(DRENTHE)).isTrue();
        assertThat(audience.admits(PROV_2)).isFalse();
        assertThat(audience.admits(HAP_GRONINGEN)).isFalse();
        assertThat(audience.admits(GRONINGEN)).isFalse();
    }

    @Test
    void aRequestNotificationHasNotHeardOfIsSeenByNoReferrer() {
        Audience unknown = Audience.of(EventAttributes.of(ESCALATION), null);
        Audience otherRequest = Audience.of(EventAttributes.of(ESCALATION),
                new KnownRequest("req-2", "drenthe", "hap-assen"));

        assertThat(unknown.admits(HAP_ASSEN)).isFalse();
        assertThat(otherRequest.admits(HAP_ASSEN)).as("the known request must be the event's").isFalse();
        assertThat(unknown.admits(DRENTHE)).as("its region is in the event").isTrue();
        assertThat(Audience.of(EventAttributes.of(ESCALATION), REQUEST).admits(HAP_ASSEN)).isTrue();
    }

    @Test
    void aRequestWithoutAReferrerOrganisationIsSeenByNoReferrer() {
        Audience audience = Audience.of(EventAttributes.of(ESCALATION), new KnownRequest("req-1", "drenthe", null));

        assertThat(audience.admits(HAP_ASSEN)).isFalse();
        assertThat(audience.admits(DRENTHE)).isTrue();
    }

    @Test
    void locationsCapacityAndRegionsAreTheSharedPictureOfEveryReferrerProviderAndTheRegionsCoordinators() {
        LocationRegistered location = new LocationRegistered("loc-assen", "drenthe", "prov-1", "Zorggroep",
                "De Es", null, "Assen", 53.0, 6.5, List.of(), List.of("CRISIS_STAY"), List.of(), true, null, AT);
        RegionConfigured region = new RegionConfigured("drenthe", "Drenthe", 60, List.of(), List.of(), List.of(),
                List.of(), null, AT);

        for (Object event : List.of(CAPACITY, location, region)) {
            Audience audience = Audience.of(EventAttributes.of(event), null);
            assertThat(List.of(HAP_ASSEN, HAP_GRONINGEN, PROV_1, PROV_2, DRENTHE, NORTH))
                    .as("%s is seen by", event.getClass().getSimpleName())
                    .allMatch(audience::admits);
            assertThat(audience.admits(GRONINGEN)).as("another region's coordinator").isFalse();
        }
    }

    @Test
    void nobodyIsNoViewerAndAdminCannotBeOne() {
        assertThat(Audience.of(EventAttributes.of(CAPACITY), null).admits(null)).isFalse();
        assertThatThrownBy(() -> new Viewer(Role.ADMIN, "beheer", Set.of(), "admin"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Viewer(Role.COORDINATOR, "coordinatiepunt", Set.of(), "c"))
                .as("a coordinator without regions").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Viewer(Role.REFERRER, " ", Set.of(), "r"))
                .as("a referrer without organisation").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aReferrerOrProviderHasNoRegionsEvenIfTheTokenNamesSome() {
        Viewer referrer = new Viewer(Role.REFERRER, "hap-assen", Set.of("groningen"), "r");

        assertThat(referrer.regions()).isEmpty();
        assertThat(referrer.coordinates("groningen")).isFalse();
    }
}
