package nl.adempauze.requestmatching.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import nl.adempauze.requestmatching.domain.Urgency;

/** A referrer's request for a bed, as posted. */
public record SubmitRequest(
        @NotBlank(message = "region is required") String region,
        @NotBlank(message = "careType is required") String careType,
        @NotNull(message = "urgency is required (CRISIS or PLANNED)") Urgency urgency,
        @NotNull(message = "residence is required") @Valid Residence residence,
        @Size(max = 20, message = "at most 20 needs") List<@NotBlank(message = "a need cannot be blank") String> needs,
        @Size(max = 100, message = "funder is at most 100 characters") String funder,
        @NotNull(message = "contact is required") @Valid Contact contact,
        Instant neededBy) {

    /** Where the patient lives: a Dutch postcode (its 4-digit area is used) or a municipality. */
    public record Residence(
            @Pattern(regexp = "^[1-9][0-9]{3}( ?[A-Za-z]{2})?$", message = "postcode must look like 9401 or 9401 AB")
            String postcode,
            @Size(max = 100, message = "municipality is at most 100 characters") String municipality) {

        @AssertTrue(message = "give a postcode or a municipality")
        public boolean isPostcodeOrMunicipality() {
            return (postcode != null && !postcode.isBlank()) || (municipality != null && !municipality.isBlank());
        }
    }

    /** Who to call back about this request: the referrer's own contact, never shared in events. */
    public record Contact(
            @NotBlank(message = "contact.name is required") @Size(max = 200) String name,
            @NotBlank(message = "contact.phone is required")
            @Pattern(regexp = "^[+0-9][0-9 ()-]{5,19}$", message = "phone must be a telephone number") String phone,
            @Size(max = 200) String organisation) {
    }
}
