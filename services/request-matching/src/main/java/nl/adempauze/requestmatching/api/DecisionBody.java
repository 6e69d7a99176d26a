package nl.adempauze.requestmatching.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A coordinator's decision on a request needs a reason, for the record. */
public record DecisionBody(@NotBlank(message = "reason is required") @Size(min = 3, max = 500,
        message = "reason is 3 to 500 characters") String reason) {
}
