package nl.adempauze.requestmatching.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.adempauze.requestmatching.domain.Contact;
import nl.adempauze.requestmatching.domain.Handover;
import nl.adempauze.requestmatching.domain.Stay;
import nl.adempauze.requestmatching.domain.StayWish;
import nl.adempauze.requestmatching.domain.Urgency;

/**
 * A referrer's request for a bed, as posted. The patient's identifying details and the handover (aanmeldbericht) may
 * come with it or later; the request belongs to the referrer's organisation (a coordinator taking a call names it in
 * {@code referrerOrganisation}). {@code careType} may be left out when {@code triage} answers are given ("weet ik
 * niet"): the triage's suggestion is then the choice, or the coordinator sets it.
 */
public record SubmitRequest(
        @NotBlank(message = "region is required") String region,
        @Size(max = 100, message = "careType is at most 100 characters") String careType,
        @NotNull(message = "urgency is required (CRISIS or PLANNED)") Urgency urgency,
        @NotNull(message = "residence is required") @Valid Residence residence,
        @Size(max = 20, message = "at most 20 needs") List<@NotBlank(message = "a need cannot be blank") String> needs,
        @Size(max = 100, message = "funder is at most 100 characters") String funder,
        @NotNull(message = "contact is required") @Valid Contact contact,
        Instant neededBy,
        @Valid Stay stay,
        @Valid PatientBody patient,
        @Size(max = 100, message = "referrerOrganisation is at most 100 characters") String referrerOrganisation,
        Handover handover,
        @Valid TriageBody triage) {

    /**
     * The stay on the calendar. Planned: {@code firstNight} (or {@code weekendIn}, any Friday-night start in that
     * month) and {@code nights}, optionally {@code flexibleDays} either side and a {@code repeat}. Crisis: only the
     * expected {@code nights} (the stay begins tonight).
     */
    public record Stay(
            LocalDate firstNight,
            @Min(value = 1, message = "nights must be at least 1") @Max(value = 366, message = "nights is at most 366")
            Integer nights,
            @Min(value = 0, message = "flexibleDays cannot be negative")
            @Max(value = 14, message = "flexibleDays is at most 14") Integer flexibleDays,
            @Pattern(regexp = "^[0-9]{4}-(0[1-9]|1[0-2])$", message = "weekendIn must be a month like 2026-12")
            String weekendIn,
            @Valid Repeat repeat) {
    }

    /** A recurring stay: {@code times} occurrences (2 to 12), one every WEEK or MONTH. */
    public record Repeat(
            @NotNull(message = "every is required (WEEK or MONTH)") StayWish.Repeat.Every every,
            @Min(value = 2, message = "times must be at least 2") @Max(value = 12, message = "times is at most 12")
            int times) {
    }

    /** Where the patient lives: a Dutch postcode (its 4-digit area is used) or a municipality. */
    public record Residence(
            @Pattern(regexp = "^[1-9][0-9]{3}( ?[A-Za-z]{2})?$", message = "postcode must look like 9401 or 9401 AB")
            String postcode,
            @Size(max = 100, message = "municipality is at most 100 characters") String municipality) {

        @AssertTrue(message = "give a postcode or a municipality")
        public boolean isPostcodeOrMunicipality() {
            return (postcode != null && !postcode.isBlank()) || (municipality != null && !municipality.isBlank());
        }

        /** Only the postcode area (frameworks log decoded bodies at DEBUG; a full postcode narrows to a street). */
        @Override
        public String toString() {
            return "Residence[postcodeArea=" + (postcode == null || postcode.length() < 4 ? postcode
                    : postcode.substring(0, 4)) + ", municipality=" + municipality + "]";
        }
    }

    /** Who to call back about this request: the referrer's own contact, never shared in events. */
    public record Contact(
            @NotBlank(message = "contact.name is required") @Size(max = 200) String name,
            @NotBlank(message = "contact.phone is required")
            @Pattern(regexp = "^[+0-9][0-9 ()-]{5,19}$", message = "phone must be a telephone number") String phone,
            @Size(max = 200) String organisation) {

        /** Never the name or phone (frameworks log decoded bodies at DEBUG). */
        @Override
        public String toString() {
            return "Contact[redacted]";
        }
    }
}
