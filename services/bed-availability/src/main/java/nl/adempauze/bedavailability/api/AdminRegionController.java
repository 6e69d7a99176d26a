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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.adempauze.bedavailability.application.Administration;
import nl.adempauze.bedavailability.domain.AdminChange;
import nl.adempauze.bedavailability.domain.ProtectionRule;
import nl.adempauze.bedavailability.domain.Region;
import nl.adempauze.contracts.events.TriageTable;
import nl.adempauze.platform.domain.DomainException;
import nl.adempauze.platform.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * A region's administrator tunes its configuration: name and freshness window, a care type's rules (response and
 * admission deadlines, stay lengths, protection of respite beds), neighbour regions, the triage table and the
 * funders; and reads what was changed, by whom. Each answer is the region as it now stands (as
 * {@code GET /api/v1/regions/{region}} shows it). Only an ADMIN of the region; checked before the body is read.
 */
@RestController
@RequestMapping("/api/v1/admin/regions/{region}")
public class AdminRegionController {

    private static final String CODE = "[A-Z][A-Z0-9_]{1,39}";

    private final Administration administration;
    private final Access access;

    public AdminRegionController(Administration administration, Access access) {
        this.administration = administration;
        this.access = access;
    }

    public record Settings(@NotBlank(message = "name is required") @Size(max = 100) String name,
                           @NotNull(message = "freshnessWindowMinutes is required")
                           @Min(value = 5, message = "freshnessWindowMinutes is at least 5")
                           @Max(value = 10080, message = "freshnessWindowMinutes is at most a week (10080)")
                           Integer freshnessWindowMinutes) {
    }

    public record Protection(@Min(value = 0, message = "protectedBeds cannot be negative") @Max(100) Integer protectedBeds,
                             @DecimalMin(value = "0", message = "protectedShare is between 0 and 1")
                             @DecimalMax(value = "1", message = "protectedShare is between 0 and 1") Double protectedShare,
                             @NotNull(message = "releaseHorizonHours is required")
                             @Min(value = 0, message = "releaseHorizonHours cannot be negative")
                             @Max(value = 720, message = "releaseHorizonHours is at most 720") Integer releaseHorizonHours) {
    }

    public record CareTypeBody(
            @NotBlank(message = "name is required") @Size(max = 100) String name,
            @NotBlank(message = "fundingStream is required") String fundingStream,
            @NotBlank(message = "defaultUrgency is required") String defaultUrgency,
            @NotNull(message = "crisisResponseMinutes is required")
            @Min(value = 1, message = "crisisResponseMinutes is at least 1")
            @Max(value = 1440, message = "crisisResponseMinutes is at most 1440") Integer crisisResponseMinutes,
            @NotNull(message = "plannedResponseMinutes is required")
            @Min(value = 1, message = "plannedResponseMinutes is at least 1")
            @Max(value = 20160, message = "plannedResponseMinutes is at most 20160") Integer plannedResponseMinutes,
            @NotNull(message = "admissionDeadlineHours is required")
            @Min(value = 1, message = "admissionDeadlineHours is at least 1")
            @Max(value = 336, message = "admissionDeadlineHours is at most 336") Integer admissionDeadlineHours,
            @NotNull(message = "plannedBooking is required") Boolean plannedBooking,
            @NotNull(message = "minStayNights is required") @Min(value = 1, message = "minStayNights is at least 1")
            @Max(366) Integer minStayNights,
            @NotNull(message = "maxStayNights is required") @Min(value = 1, message = "maxStayNights is at least 1")
            @Max(value = 366, message = "maxStayNights is at most 366") Integer maxStayNights,
            @Valid Protection protection) {

        Region.CareType careType(String code) {
            return new Region.CareType(code, name, fundingStream, defaultUrgency,
                    Duration.ofMinutes(crisisResponseMinutes), Duration.ofMinutes(plannedResponseMinutes),
                    Duration.ofHours(admissionDeadlineHours), plannedBooking, minStayNights, maxStayNights,
                    protection == null ? null : new ProtectionRule(protection.protectedBeds(),
                            protection.protectedShare(), Duration.ofHours(protection.releaseHorizonHours())));
        }
    }

    public record NeighbourBody(@NotBlank(message = "region is required") String region,
                                @NotNull(message = "offerWhenFull is required") Boolean offerWhenFull) {
    }

    public record Neighbours(@NotNull(message = "neighbours is required (may be empty)") @Size(max = 20)
                             List<@Valid NeighbourBody> neighbours) {
    }

    public record QuestionBody(@NotBlank @Pattern(regexp = CODE, message = "code is a code like WAKEFUL_EYE") String code,
                               @NotBlank(message = "text is required") @Size(max = 500) String text,
                               @Size(max = 1000) String help) {
    }

    public record RuleBody(@NotBlank(message = "id is required") String id,
                           @NotNull(message = "when is required") Map<String, String> when,
                           @NotBlank(message = "outcome is required") String outcome,
                           String careType, String advice,
                           @NotBlank(message = "explanation is required") @Size(max = 1000) String explanation) {
    }

    public record ConflictBody(@NotEmpty(message = "when names the answers that conflict") Map<String, String> when,
                               @NotBlank(message = "explanation is required") @Size(max = 1000) String explanation) {
    }

    public record Triage(@NotEmpty(message = "questions is required") @Size(max = 50) List<@Valid QuestionBody> questions,
                         @NotEmpty(message = "rules is required") @Size(max = 200) List<@Valid RuleBody> rules,
                         @Size(max = 50) List<@Valid ConflictBody> conflicts) {

        TriageTable table() {
            return new TriageTable(
                    questions.stream().map(q -> new TriageTable.Question(q.code(), q.text(), q.help())).toList(),
                    rules.stream().map(r -> new TriageTable.Rule(r.id(), Map.copyOf(r.when()), r.outcome(),
                            r.careType(), r.advice(), r.explanation())).toList(),
                    conflicts == null ? List.of() : conflicts.stream()
                            .map(c -> new TriageTable.Conflict(Map.copyOf(c.when()), c.explanation())).toList());
        }
    }

    public record FunderBody(@NotBlank(message = "name is required") @Size(max = 200) String name,
                             @NotBlank(message = "fundingStream is required") String fundingStream,
                             String municipality) {
    }

    @PutMapping("/settings")
    public Mono<Region> settings(Caller caller, @PathVariable String region, @Valid @RequestBody Mono<Settings> body) {
        return access.toAdminister(caller, region).then(body)
                .flatMap(settings -> administration.changeSettings(caller, region, settings.name(),
                        Duration.ofMinutes(settings.freshnessWindowMinutes())));
    }

    /** Adds a care type to the catalogue or replaces its rules. */
    @PutMapping("/care-types/{code}")
    public Mono<Region> careType(Caller caller, @PathVariable String region, @PathVariable String code,
                                 @Valid @RequestBody Mono<CareTypeBody> body) {
        return access.toAdminister(caller, region)
                .then(Mono.fromRunnable(() -> requireCode("code", code)))
                .then(body)
                .flatMap(type -> administration.setCareType(caller, region, type.careType(code)));
    }

    @PutMapping("/neighbours")
    public Mono<Region> neighbours(Caller caller, @PathVariable String region,
                                   @Valid @RequestBody Mono<Neighbours> body) {
        return access.toAdminister(caller, region).then(body)
                .flatMap(set -> administration.setNeighbours(caller, region, set.neighbours().stream()
                        .map(n -> new Region.Neighbour(n.region(), n.offerWhenFull())).toList()));
    }

    @PutMapping("/triage")
    public Mono<Region> triage(Caller caller, @PathVariable String region, @Valid @RequestBody Mono<Triage> body) {
        return access.toAdminister(caller, region).then(body)
                .flatMap(triage -> administration.setTriage(caller, region, triage.table()));
    }

    /** Adds a funder of the region or changes its name, funding stream or municipality. */
    @PutMapping("/funders/{funderId}")
    public Mono<Region> funder(Caller caller, @PathVariable String region, @PathVariable String funderId,
                               @Valid @RequestBody Mono<FunderBody> body) {
        return access.toAdminister(caller, region)
                .then(Mono.fromRunnable(() -> {
                    if (!funderId.matches("[a-z0-9][a-z0-9-]{1,79}")) {
                        throw DomainException.invalidField("funderId", "A funder id is lower-case letters, digits and dashes");
                    }
                }))
                .then(body)
                .flatMap(funder -> administration.setFunder(caller, region, new Region.Funder(funderId,
                        funder.name(), funder.fundingStream(), funder.municipality())));
    }

    /** What administrators changed in the region, newest first: who, when, what. */
    @GetMapping("/changes")
    public Mono<List<AdminChange>> changes(Caller caller, @PathVariable String region,
                                           @RequestParam(defaultValue = "100") int limit) {
        return access.toAdminister(caller, region)
                .then(Mono.fromRunnable(() -> {
                    if (limit < 1 || limit > 1000) {
                        throw DomainException.invalidField("limit", "limit is 1 to 1000");
                    }
                }))
                .then(administration.changes(region, limit).collectList());
    }

    private static void requireCode(String field, String code) {
        if (!code.matches(CODE)) {
            throw DomainException.invalidField(field, "A care-type code is upper-case letters, digits and "
                    + "underscores, e.g. ELV_HOOG");
        }
    }
}
