package nl.adempauze.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import nl.adempauze.contracts.events.CapacityPublished;
import nl.adempauze.contracts.events.LocationStatusChanged;
import nl.adempauze.contracts.events.OfferMade;
import nl.adempauze.contracts.events.RequestEscalated;
import nl.adempauze.contracts.events.RequestSubmitted;
import nl.adempauze.contracts.events.StayBooked;
import nl.adempauze.platform.security.Role;
import nl.adempauze.platform.testing.PropertyRuns;
import org.junit.jupiter.api.Test;

/**
 * The visibility rule over generated events, known requests, viewers and scopes, drawn from small pools so that
 * organisations, providers, regions and requests often coincide and often differ.
 */
class VisibilityPropertiesTest {

    private static final Instant AT = Instant.parse("2026-03-02T08:41:19Z");
    private static final List<String> REGIONS = List.of("drenthe", "groningen", "friesland");
    private static final List<String> ORGANISATIONS = List.of("hap-assen", "hap-groningen", "prov-1", "prov-2");
    private static final List<String> REQUESTS = List.of("req-1", "req-2", "req-3");

    /** One generated situation: an event, what is known of its request (maybe nothing), a viewer and a scope. */
    record Case(Object event, String requestId, String region, String providerId, KnownRequest known, Viewer viewer,
                Scope scope) {
    }

    @Test
    void aViewerSeesExactlyWhatTheRuleGrants() {
        PropertyRuns.forAllCases(2000, VisibilityPropertiesTest::generate, c -> {
            Audience audience = Audience.of(EventAttributes.of(c.event()), c.known());
            boolean concernsRequest = c.requestId() != null;
            boolean knownAsSubmittedBy = c.known() != null && c.known().requestId().equals(c.requestId())
                    && c.viewer().organisation().equals(c.known().referrerOrganisation());
            boolean expected;
            if (c.viewer().role() == Role.COORDINATOR) {
                expected = c.viewer().regions().contains(c.region());
            } else if (!concernsRequest) {
                expected = true;
            } else if (c.viewer().role() == Role.REFERRER) {
                expected = knownAsSubmittedBy;
            } else {
                expected = c.viewer().organisation().equals(c.providerId());
            }
            assertThat(audience.admits(c.viewer())).as("%s", c).isEqualTo(expected);
        });
    }

    @Test
    void anAcceptedScopeNeverShowsMoreThanTheViewerMaySee() {
        PropertyRuns.forAllCases(2000, VisibilityPropertiesTest::generate, c -> {
            Audience audience = Audience.of(EventAttributes.of(c.event()), c.known());
            if (c.viewer().refusalOf(c.scope(), c.known()).isPresent()
                    || !c.scope().matches(EventAttributes.of(c.event()))) {
                return;
            }
            // what an accepted scope selects of the region, provider and request it names is the viewer's own
            if (c.scope().region() != null && c.viewer().role() == Role.COORDINATOR) {
                assertThat(c.viewer().regions()).as("%s", c).contains(c.scope().region());
            }
            if (c.scope().providerId() != null && c.viewer().role() == Role.PROVIDER) {
                assertThat(c.scope().providerId()).as("%s", c).isEqualTo(c.viewer().organisation());
            }
            if (c.scope().requestId() != null && c.viewer().role() != Role.PROVIDER) {
                assertThat(audience.admits(c.viewer())).as("an accepted request of %s", c).isTrue();
            }
        });
    }

    @Test
    void noViewerEverSeesAnotherOrganisationsRequest() {
        PropertyRuns.forAllCases(2000, VisibilityPropertiesTest::generate, c -> {
            Audience audience = Audience.of(EventAttributes.of(c.event()), c.known());
            boolean foreignRequest = c.requestId() != null && c.viewer().role() == Role.REFERRER
                    && (c.known() == null || !c.viewer().organisation().equals(c.known().referrerOrganisation()));
            boolean foreignOffer = c.requestId() != null && c.viewer().role() == Role.PROVIDER
                    && !c.viewer().organisation().equals(c.providerId());
            boolean foreignRegion = c.viewer().role() == Role.COORDINATOR
                    && !c.viewer().regions().contains(c.region());
            if (foreignRequest || foreignOffer || foreignRegion) {
                assertThat(audience.admits(c.viewer())).as("%s", c).isFalse();
            }
        });
    }

    private static Case generate(Random random) {
        String requestId = pick(random, REQUESTS);
        String region = pick(random, REGIONS);
        String providerId = pick(random, ORGANISATIONS);
        String referrer = pick(random, ORGANISATIONS);
        int kind = random.nextInt(6);
        Object event;
        switch (kind) {
            case 0:
                event = new RequestSubmitted(requestId, region, "CRISIS_STAY", "CRISIS", List.of(), "Assen", "zk", AT,
                        null, null, null, AT, referrer);
                break;
            case 1:
                event = new OfferMade("off-1", requestId, region, "loc-1", providerId, "CRISIS_STAY", "CRISIS",
                        List.of(), 0, "closest", AT, AT);
                break;
            case 2:
                event = new RequestEscalated(requestId, region, "CRISIS_STAY", "CRISIS", "NO_CANDIDATE", null, AT);
                break;
            case 3:
                event = new StayBooked(requestId, "off-1", region, "loc-1", providerId, "WMO_LOGEER",
                        LocalDate.parse("2026-12-11"), 3, AT);
                break;
            case 4:
                event = new CapacityPublished("loc-1", region, "CRISIS_STAY", 3, 1, 2, 7, AT);
                break;
            default:
                event = new LocationStatusChanged("loc-1", region, true, null, AT);
                break;
        }
        boolean concernsRequest = kind <= 3;
        boolean namesProvider = kind == 1 || kind == 3;
        KnownRequest known;
        if (kind == 0) {
            known = KnownRequest.of((RequestSubmitted) event);
        } else if (random.nextInt(4) == 0) {
            known = null;
        } else {
            known = new KnownRequest(random.nextInt(3) == 0 ? pick(random, REQUESTS) : requestId, region,
                    random.nextInt(8) == 0 ? null : pick(random, ORGANISATIONS));
        }
        Viewer viewer;
        switch (random.nextInt(3)) {
            case 0:
                viewer = Viewer.referrer(pick(random, ORGANISATIONS), "r");
                break;
            case 1:
                viewer = Viewer.provider(pick(random, ORGANISATIONS), "p");
                break;
            default:
                Set<String> regions = new TreeSet<>();
                regions.add(pick(random, REGIONS));
                if (random.nextBoolean()) {
                    regions.add(pick(random, REGIONS));
                }
                viewer = Viewer.coordinator(regions, "coordinatiepunt", "c");
                break;
        }
        Scope scope = new Scope(random.nextBoolean() ? pick(random, REGIONS) : null, null,
                random.nextBoolean() ? pick(random, ORGANISATIONS) : null,
                random.nextBoolean() ? (known != null && random.nextBoolean() ? known.requestId()
                        : pick(random, REQUESTS)) : null);
        KnownRequest scopeRequest = scope.requestId() != null && known != null
                && scope.requestId().equals(known.requestId()) ? known : null;
        // the scope check looks up the request the scope names; the event's audience the event's request
        return new Case(event, concernsRequest ? requestId : null, region, namesProvider ? providerId : null,
                known, viewer, scope.requestId() == null || scopeRequest != null ? scope
                : new Scope(scope.region(), null, scope.providerId(), null));
    }

    private static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
