package nl.adempauze.requestmatching.api;

import jakarta.validation.constraints.Size;

/**
 * A cancellation, with an optional reason. {@code series: true} on an occurrence of a recurring stay cancels it
 * and every later occurrence that can still be cancelled (earlier ones, and stays already begun, stay as they are).
 */
public record CancelBody(@Size(max = 500, message = "reason is at most 500 characters") String reason,
                         Boolean series) {
}
