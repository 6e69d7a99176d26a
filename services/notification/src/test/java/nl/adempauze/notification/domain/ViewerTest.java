package nl.adempauze.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** How far a viewer reaches: which subscriptions it manages and which scopes it may ask for. */
class ViewerTest {

    private static final Viewer HAP_ASSEN = Viewer.referrer("hap-assen", "referrer@hap-assen");
    private static final Viewer PROV_1 = Viewer.provider("prov-1", "planner@prov-1");
    private static final Viewer DRENTHE = Viewer.coordinator(Set.of("drenthe"), "coordinatiepunt", "c@drenthe");
    private static final Viewer NORTH = Viewer.coordinator(Set.of("groningen", "drenthe"), "coordinatiepunt", "c");
    private static final KnownRequest ASSEN_REQUEST = new KnownRequest("req-1", "drenthe", "hap-assen");
    private static final KnownRequest GRONINGEN_REQUEST = new KnownRequest("req-2", "groningen", "hap-groningen");

    @Test
    void aSubscriptionIsManagedByItsOrganisationInTheSameRole() {
        assertThat(Viewer.referrer("hap-assen", "someone-else").manages(HAP_ASSEN)).isTrue();
        assertThat(Viewer.referrer("hap-groningen", "x").manages(HAP_ASSEN)).isFalse();
        assertThat(Viewer.provider("hap-assen", "x").manages(HAP_ASSEN)).as("same name, other role").isFalse();
        assertThat(Viewer.provider("prov-1", "x").manages(PROV_1)).isTrue();
        assertThat(Viewer.provider("prov-2", "x").manages(PROV_1)).isFalse();
        assertThat(HAP_ASSEN.manages(null)).as("made before sign-in").isFalse();
    }

    @Test
    void aCoordinatorsSubscriptionIsManagedByCoordinatorsOfAllItsRegions() {
        assertThat(Viewer.coordinator(Set.of("drenthe"), "other-point", "y").manages(DRENTHE)).isTrue();
        assertThat(NORTH.manages(DRENTHE)).isTrue();
        assertThat(DRENTHE.manages(NORTH)).as("it also receives groningen's events").isFalse();
        assertThat(Viewer.coordinator(Set.of("groningen"), "coordinatiepunt", "z").manages(DRENTHE)).isFalse();
        assertThat(DRENTHE.manages(HAP_ASSEN)).isFalse();
    }

    @Test
    void aCoordinatorMayNarrowToItsOwnRegionsAndTheirRequestsOnly() {
        assertThat(DRENTHE.refusalOf(Scope.EVERYTHING, null)).isEmpty();
        assertThat(DRENTHE.refusalOf(new Scope("drenthe", "loc-x", "prov-9", null), null)).isEmpty();
        assertThat(DRENTHE.refusalOf(new Scope("groningen", null, null, null), null)).isPresent();
        assertThat(DRENTHE.refusalOf(new Scope(null, null, null, "req-1"), ASSEN_REQUEST)).isEmpty();
        assertThat(DRENTHE.refusalOf(new Scope(null, null, null, "req-2"), GRONINGEN_REQUEST)).isPresent();
        assertThat(DRENTHE.refusalOf(new Scope(null, null, null, "req-3"), null)).as("unknown").isPresent();
        assertThat(NORTH.refusalOf(new Scope("groningen", null, null, "req-2"), GRONINGEN_REQUEST)).isEmpty();
    }

    @Test
    void aProviderMayNameOnlyItselfAsProvider() {
        assertThat(PROV_1.refusalOf(new Scope(null, null, "prov-1", null), null)).isEmpty();
        assertThat(PROV_1.refusalOf(new Scope(null, null, "prov-2", null), null)).get().asString()
                .contains("prov-2");
        // the shared picture of any region, and any request: a provider is told only of events naming it
        assertThat(PROV_1.refusalOf(new Scope("groningen", "loc-elsewhere", null, "req-2"), null)).isEmpty();
    }

    @Test
    void aReferrerMayNarrowToItsOrganisationsRequestsOnly() {
        assertThat(HAP_ASSEN.refusalOf(new Scope(null, null, null, "req-1"), ASSEN_REQUEST)).isEmpty();
        assertThat(HAP_ASSEN.refusalOf(new Scope(null, null, null, "req-2"), GRONINGEN_REQUEST)).isPresent();
        assertThat(HAP_ASSEN.refusalOf(new Scope(null, null, null, "req-3"), null))
                .as("unknown looks the same as foreign").isPresent();
        assertThat(HAP_ASSEN.refusalOf(new Scope(null, null, null, "req-1"), GRONINGEN_REQUEST))
                .as("the request looked up must be the one named").isPresent();
        assertThat(HAP_ASSEN.refusalOf(new Scope("groningen", "loc-x", "prov-2", null), null))
                .as("the shared picture anywhere").isEmpty();
    }
}
