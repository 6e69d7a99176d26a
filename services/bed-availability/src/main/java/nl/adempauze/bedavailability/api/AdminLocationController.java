package nl.adempauze.bedavailability.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import nl.adempauze.bedavailability.application.Administration;
import nl.adempauze.bedavailability.domain.Location;
import nl.adempauze.contracts.events.Address;
import nl.adempauze.contracts.events.FunderContract;
import nl.adempauze.platform.domain.DomainException;
import nl.adempauze.platform.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * A region's administrator manages its locations: adds one (with its first free beds), changes its details and
 * contracts, opens or closes it, and renames a provider. Only an ADMIN of the location's region; the role and region
 * are checked before the body is read.
 */
@RestController
@RequestMapping("/api/v1/admin")
public class AdminLocationController {

    private final Administration administration;
    private final Access access;
    private final Clock clock;

    public AdminLocationController(Administration administration, Access access, Clock clock) {
        this.administration = administration;
        this.access = access;
        this.clock = clock;
    }

    public record AddressBody(@NotBlank(message = "street is required") @Size(max = 200) String street,
                              @NotBlank(message = "postcode is required")
                              @Pattern(regexp = "[1-9][0-9]{3} ?[A-Z]{2}", message = "postcode is a Dutch postcode, e.g. 9401 KC")
                              String postcode,
                              @NotBlank(message = "city is required") @Size(max = 100) String city) {

        Address address() {
            return new Address(street, postcode, city);
        }
    }

    public record ContractBody(@NotBlank(message = "funder is required") String funder,
                               @NotEmpty(message = "careTypes names at least one care type") List<@NotBlank String> careTypes) {

        FunderContract contract() {
            return new FunderContract(funder, List.copyOf(careTypes));
        }
    }

    /** A location's details: what the administrator sets, when adding it and when changing it. */
    public record LocationBody(
            @NotBlank(message = "providerId is required")
            @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,79}", message = "providerId is lower-case letters, digits and dashes")
            String providerId,
            @NotBlank(message = "providerName is required") @Size(max = 200) String providerName,
            @NotBlank(message = "name is required") @Size(max = 200) String name,
            @NotNull(message = "address is required") @Valid AddressBody address,
            @NotBlank(message = "municipality is required") String municipality,
            @NotNull(message = "latitude is required") @DecimalMin(value = "50.7", message = "latitude lies in the Netherlands (50.7 to 53.6)")
            @DecimalMax(value = "53.6", message = "latitude lies in the Netherlands (50.7 to 53.6)") Double latitude,
            @NotNull(message = "longitude is required") @DecimalMin(value = "3.3", message = "longitude lies in the Netherlands (3.3 to 7.3)")
            @DecimalMax(value = "7.3", message = "longitude lies in the Netherlands (3.3 to 7.3)") Double longitude,
            @NotNull(message = "features is required (may be empty)") @Size(max = 20)
            List<@Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}", message = "a feature is a code like DEMENTIA") String> features,
            @NotNull(message = "contracts is required (may be empty)") @Size(max = 50) List<@Valid ContractBody> contracts) {

        Location location(String id, String region, boolean open, String closedReason, Clock clock) {
            return new Location(id, region, providerId, providerName, name, address.address(), municipality, latitude,
                    longitude, features.stream().distinct().sorted().toList(), open, closedReason, clock.instant());
        }

        List<FunderContract> funderContracts() {
            return contracts.stream().map(ContractBody::contract).toList();
        }
    }

    /** A new location: its id, its details, and its first free beds per care type (may be none). */
    public record NewLocation(
            @NotBlank(message = "id is required")
            @Pattern(regexp = "[a-z0-9][a-z0-9-]{2,79}", message = "id is lower-case letters, digits and dashes, e.g. loc-assen-de-linde")
            String id,
            @NotNull(message = "details are required") @Valid LocationBody details,
            Map<String, @NotNull @Min(value = 0, message = "beds cannot be negative") @Max(1000) Integer> beds) {
    }

    public record ProviderName(@NotBlank(message = "name is required") @Size(max = 200) String name) {
    }

    @PostMapping("/regions/{region}/locations")
    @ResponseStatus(HttpStatus.CREATED)
    public Mono<Location> add(Caller caller, @PathVariable String region, @Valid @RequestBody Mono<NewLocation> body) {
        return access.toAdminister(caller, region).then(body)
                .flatMap(added -> administration.addLocation(caller,
                        added.details().location(added.id(), region, true, null, clock),
                        added.details().funderContracts(), added.beds() == null ? Map.of() : added.beds()))
                .onErrorMap(AdminLocationController::inDetails, refusal -> DomainException.invalidField(
                        "details." + ((DomainException) refusal).field(), refusal.getMessage()));
    }

    /** A refusal of a location's detail (all but its beds): in the body of an addition it lies under {@code details}. */
    private static boolean inDetails(Throwable refusal) {
        return refusal instanceof DomainException domain && domain.field() != null && !domain.field().equals("beds");
    }

    @PutMapping("/locations/{locationId}")
    public Mono<Location> change(Caller caller, @PathVariable String locationId,
                                 @Valid @RequestBody Mono<LocationBody> body) {
        return access.toAdministerLocation(caller, locationId)
                .flatMap(known -> body.flatMap(details -> administration.changeLocation(caller,
                        details.location(known.id(), known.region(), known.open(), known.closedReason(), clock),
                        details.funderContracts())));
    }

    /** Opens or closes the location; closing needs a reason and is refused (409) while beds there are held. */
    @PutMapping("/locations/{locationId}/status")
    public Mono<Location> status(Caller caller, @PathVariable String locationId,
                                 @Valid @RequestBody Mono<LocationController.StatusChange> body) {
        return access.toAdministerLocation(caller, locationId)
                .flatMap(known -> body.flatMap(change -> administration.changeStatus(caller, known, change.open(),
                        change.reason())));
    }

    /** The name a provider's locations in the region show. */
    @PutMapping("/regions/{region}/providers/{providerId}")
    public Mono<List<Location>> provider(Caller caller, @PathVariable String region, @PathVariable String providerId,
                                         @Valid @RequestBody Mono<ProviderName> body) {
        return access.toAdminister(caller, region).then(body)
                .flatMap(renamed -> administration.renameProvider(caller, region, providerId, renamed.name()));
    }
}
