package nl.adempauze.requestmatching.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import nl.adempauze.platform.domain.DomainException;
import nl.adempauze.requestmatching.domain.Bsn;
import nl.adempauze.requestmatching.domain.PatientDetails;

/**
 * The patient's identifying details as posted: name and date of birth required; BSN, address and phone when known.
 * They are stored encrypted, never sent on in events, and shown only to those who may see them.
 */
public record PatientBody(
        @NotBlank(message = "name is required") @Size(max = 200, message = "name is at most 200 characters")
        String name,
        @NotNull(message = "dateOfBirth is required") @Past(message = "dateOfBirth must lie in the past")
        LocalDate dateOfBirth,
        String bsn,
        @Valid Address address,
        @Pattern(regexp = "^[+0-9][0-9 ()-]{5,19}$", message = "phone must be a telephone number") String phone) {

    public record Address(
            @Size(max = 200, message = "street is at most 200 characters") String street,
            @Size(max = 20, message = "houseNumber is at most 20 characters") String houseNumber,
            @Pattern(regexp = "^[1-9][0-9]{3} ?[A-Za-z]{2}$", message = "postcode must look like 9401 AB")
            String postcode,
            @Size(max = 100, message = "city is at most 100 characters") String city) {

        @Override
        public String toString() {
            return "Address[redacted]";
        }
    }

    /** Checks that bean validation cannot express, naming the field under {@code prefix} (e.g. "patient."). */
    void check(String prefix) {
        if (bsn != null && !Bsn.isValid(bsn)) {
            throw DomainException.invalidField(prefix + "bsn", "bsn must be 9 digits passing the eleven test");
        }
        if (dateOfBirth != null && dateOfBirth.isBefore(LocalDate.of(1900, 1, 1))) {
            throw DomainException.invalidField(prefix + "dateOfBirth", "dateOfBirth cannot lie before 1900");
        }
    }

    /** Never the details themselves (frameworks log decoded bodies at DEBUG). */
    @Override
    public String toString() {
        return "PatientBody[redacted]";
    }

    PatientDetails toDetails() {
        return new PatientDetails(name.strip(), dateOfBirth, bsn,
                address == null ? PatientDetails.Address.UNKNOWN
                        : new PatientDetails.Address(address.street(), address.houseNumber(),
                                address.postcode() == null ? null : address.postcode().toUpperCase(), address.city()),
                phone);
    }
}
