package nl.adempauze.requestmatching.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A coordinator sets (or changes) a request's care type, with a reason for the record. */
public record CareTypeBody(
        @NotBlank(message = "careType is required") @Size(max = 100, message = "careType is at most 100 characters")
        String careType,
        @NotBlank(message = "reason is required") @Size(min = 3, max = 500, message = "reason is 3 to 500 characters")
        String reason) {
}
