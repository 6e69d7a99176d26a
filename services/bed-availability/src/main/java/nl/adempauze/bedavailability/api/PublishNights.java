package nl.adempauze.bedavailability.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * Body of a bulk publication of free beds per night: inclusive ranges of nights, {@code to} absent for a single
 * night, e.g. {@code {"nights":[{"from":"2026-12-01","to":"2026-12-03","freeBeds":2},{"from":"2026-12-05","freeBeds":1}]}}.
 */
public record PublishNights(
        @NotNull(message = "nights is required") @Size(min = 1, message = "nights needs at least one range")
        List<@NotNull(message = "a range of nights is required") @Valid NightRange> nights) {

    public record NightRange(
            @NotNull(message = "from is required") LocalDate from,
            LocalDate to,
            @NotNull(message = "freeBeds is required") @Min(value = 0, message = "freeBeds cannot be negative")
            @Max(value = 999, message = "freeBeds cannot exceed 999") Integer freeBeds) {
    }
}
