package nl.adempauze.bedavailability.application;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import nl.adempauze.bedavailability.domain.AdminChange;
import nl.adempauze.bedavailability.domain.ClosureReason;
import nl.adempauze.bedavailability.domain.Location;
import nl.adempauze.bedavailability.domain.LocationRules;
import nl.adempauze.bedavailability.domain.Region;
import nl.adempauze.bedavailability.domain.RegionRules;
import nl.adempauze.bedavailability.domain.RegionSummary;
import nl.adempauze.bedavailability.persistence.AdminChangeRepository;
import nl.adempauze.bedavailability.persistence.HoldRepository;
import nl.adempauze.bedavailability.persistence.LocationRepository;
import nl.adempauze.bedavailability.persistence.RegionRepository;
import nl.adempauze.contracts.events.FunderContract;
import nl.adempauze.contracts.events.TriageTable;
import nl.adempauze.platform.domain.DomainException;
import nl.adempauze.platform.security.Caller;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * A region's administrator at work: locations added, changed, opened and closed; the region's settings, care
 * types, neighbours, triage table, funders and providers' names. Each change is checked against the region
 * ({@link RegionRules}, {@link LocationRules}), kept, audited ({@code admin_change}: who, when, what) and announced
 * through the outbox (RegionConfigured, LocationRegistered, LocationStatusChanged, capacity) in one transaction, so
 * matching and notification take it over at once; a refusal keeps nothing. Who may is decided at the edge.
 */
@Service
public class Administration {

    private final RegionRepository regions;
    private final LocationRepository locations;
    private final HoldRepository holds;
    private final RegionService regionService;
    private final LocationService locationService;
    private final AdminChangeRepository audit;
    private final TransactionalOperator tx;
    private final Clock clock;
    private final JsonMapper json;
    private final int calendarNights;

    public Administration(RegionRepository regions, LocationRepository locations, HoldRepository holds,
                          RegionService regionService, LocationService locationService, AdminChangeRepository audit,
                          TransactionalOperator tx, Clock clock, JsonMapper json,
                          @Value("${adempauze.seed.calendar-nights:60}") int calendarNights) {
        this.regions = regions;
        this.locations = locations;
        this.holds = holds;
        this.regionService = regionService;
        this.locationService = locationService;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
        this.json = json;
        this.calendarNights = calendarNights;
    }

    /** A new location with its contracts and first free beds per care type; its id must be new. */
    public Mono<Location> addLocation(Caller by, Location location, List<FunderContract> contracts,
                                      Map<String, Integer> beds) {
        Mono<Location> work = region(location.region())
                .doOnNext(region -> LocationRules.check(region, location, contracts, beds))
                .then(locations.find(location.id()).hasElement())
                .flatMap(known -> known ? Mono.error(DomainException.conflict("Location exists",
                        "A location with id " + location.id() + " exists already: change it instead"))
                        : locationService.register(location, contracts, beds, calendarNights)
                        .then(record(by, location.region(), AdminChange.Action.LOCATION_ADDED, location.id(),
                                Map.of("location", location, "contracts", contracts, "beds", beds)))
                        .then(locations.find(location.id())));
        return tx.transactional(work);
    }

    /** A location's details and contracts replaced (its region, status and beds stay as they are). */
    public Mono<Location> changeLocation(Caller by, Location location, List<FunderContract> contracts) {
        Mono<Location> work = region(location.region())
                .doOnNext(region -> LocationRules.check(region, location, contracts, Map.of()))
                .then(locationService.change(location, contracts))
                .then(record(by, location.region(), AdminChange.Action.LOCATION_CHANGED, location.id(),
                        Map.of("location", location, "contracts", contracts)))
                .then(locations.find(location.id()));
        return tx.transactional(work);
    }

    /**
     * Opens or closes a location for new admissions. Closing is refused while beds there are held for offers or
     * accepted: those patients are on their way; their offers end first.
     */
    public Mono<Location> changeStatus(Caller by, Location location, boolean open, ClosureReason reason) {
        Mono<Void> openHoldsAllow = open ? Mono.empty() : holds.countOpenAt(location.id())
                .filter(count -> count > 0)
                .flatMap(count -> Mono.error(DomainException.conflict("Location has open holds", "Location "
                        + location.id() + " has " + count + " open hold(s) (a bed held for an offer or accepted, the "
                        + "patient not yet admitted): it can be closed once those are admitted, declined or withdrawn")));
        Mono<Location> work = openHoldsAllow
                .then(locationService.changeStatus(location.id(), open, reason))
                .flatMap(changed -> record(by, location.region(), open ? AdminChange.Action.LOCATION_OPENED
                        : AdminChange.Action.LOCATION_CLOSED, location.id(),
                        open ? Map.of("open", true) : Map.of("open", false, "reason", String.valueOf(reason)))
                        .thenReturn(changed));
        return tx.transactional(work);
    }

    /** The name every location of this provider in the region shows, announced again for each location. */
    public Mono<List<Location>> renameProvider(Caller by, String regionId, String providerId, String name) {
        Mono<List<Location>> work = region(regionId)
                .thenMany(locations.inRegion(regionId))
                .filter(location -> location.providerId().equals(providerId))
                .switchIfEmpty(Mono.error(DomainException.notFound("Provider", providerId)))
                .concatMap(location -> locations.contracts(location.id())
                        .flatMap(contracts -> locationService.change(renamed(location, name), contracts))
                        .then(locations.find(location.id())))
                .collectList()
                .flatMap(renamed -> record(by, regionId, AdminChange.Action.PROVIDER_RENAMED, providerId,
                        Map.of("providerName", name)).thenReturn(renamed));
        return tx.transactional(work);
    }

    public Mono<Region> changeSettings(Caller by, String regionId, String name, Duration freshnessWindow) {
        return changeRegion(by, regionId, AdminChange.Action.REGION_SETTINGS_CHANGED, regionId,
                Map.of("name", name, "freshnessWindowMinutes", freshnessWindow.toMinutes()),
                region -> RegionRules.withSettings(region, name, freshnessWindow));
    }

    public Mono<Region> setCareType(Caller by, String regionId, Region.CareType type) {
        return changeRegion(by, regionId, AdminChange.Action.CARE_TYPE_SET, type.code(), type,
                region -> RegionRules.withCareType(region, type));
    }

    public Mono<Region> setNeighbours(Caller by, String regionId, List<Region.Neighbour> neighbours) {
        return regions.summaries().map(RegionSummary::id).collect(java.util.stream.Collectors.toSet())
                .flatMap(known -> changeRegion(by, regionId, AdminChange.Action.NEIGHBOURS_SET, regionId,
                        neighbours, region -> RegionRules.withNeighbours(region, neighbours, Set.copyOf(known))));
    }

    public Mono<Region> setTriage(Caller by, String regionId, TriageTable triage) {
        return changeRegion(by, regionId, AdminChange.Action.TRIAGE_SET, regionId, triage,
                region -> RegionRules.withTriage(region, triage));
    }

    public Mono<Region> setFunder(Caller by, String regionId, Region.Funder funder) {
        return changeRegion(by, regionId, AdminChange.Action.FUNDER_SET, funder.id(), funder,
                region -> RegionRules.withFunder(region, funder));
    }

    /** The region's latest administrative changes, newest first. */
    public Flux<AdminChange> changes(String regionId, int limit) {
        return region(regionId).thenMany(audit.latest(regionId, limit));
    }

    private Mono<Region> changeRegion(Caller by, String regionId, AdminChange.Action action, String target,
                                      Object details, UnaryOperator<Region> change) {
        Mono<Region> work = region(regionId)
                .map(change)
                .flatMap(changed -> regionService.configure(changed)
                        .then(record(by, regionId, action, target, details))
                        .then(regions.find(regionId)));
        return tx.transactional(work);
    }

    private Mono<Region> region(String regionId) {
        return regions.find(regionId).switchIfEmpty(Mono.error(() -> DomainException.notFound("Region", regionId)));
    }

    private Mono<Void> record(Caller by, String region, AdminChange.Action action, String target, Object details) {
        return Mono.defer(() -> audit.append(new AdminChange(0, clock.instant(), region, by.subject(), by.name(),
                action, target, json.writeValueAsString(details))));
    }

    private Location renamed(Location location, String providerName) {
        return new Location(location.id(), location.region(), location.providerId(), providerName, location.name(),
                location.address(), location.municipality(), location.latitude(), location.longitude(),
                location.features(), location.open(), location.closedReason(), clock.instant());
    }
}
