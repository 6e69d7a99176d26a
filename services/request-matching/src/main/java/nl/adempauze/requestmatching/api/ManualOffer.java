package nl.adempauze.requestmatching.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A coordinator matching by hand: the location chosen from the request's ranking, and why (for the record). */
public record ManualOffer(
        @NotBlank(message = "locationId is required") @Size(max = 200,
                message = "locationId is at most 200 characters") String locationId,
        @NotBlank(message = "reason is required") @Size(max = 500,
                message = "reason is at most 500 characters") String reason) {
}
