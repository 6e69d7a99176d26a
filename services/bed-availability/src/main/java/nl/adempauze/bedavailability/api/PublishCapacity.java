package nl.adempauze.bedavailability.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** Body of a capacity publication: how many beds of this care type are free now. */
public record PublishCapacity(
        @NotNull(message = "freeBeds is required") @Min(value = 0, message = "freeBeds cannot be negative")
        @Max(value = 1000, message = "freeBeds cannot exceed 1000") Integer freeBeds) {
}
