package nl.adempauze.notification.api;

import java.util.List;

/**
 * Body of {@code PUT /api/v1/requests/{id}/follow-up}: an e-mail address and/or a mobile number, and which events
 * (PLACED, ESCALATED, BOOKED, REMINDER; all when left out). Checked by
 * {@link nl.adempauze.notification.domain.FollowUp#of}.
 */
public record FollowUpRequest(String email, String phone, List<String> events) {
}
