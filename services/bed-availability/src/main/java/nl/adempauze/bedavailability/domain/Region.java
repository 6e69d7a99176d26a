package nl.adempauze.bedavailability.domain;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import nl.adempauze.contracts.events.TriageTable;
import nl.adempauze.platform.domain.DomainException;

/**
 * The area of one coordination point: its care-type catalogue (data, not an enum: regions differ), the window
 * after which a capacity figure is stale, its municipalities, the funders of stays, its neighbour regions, and
 * its triage table (optional; bed-availability keeps and announces it, request-matching evaluates it).
 */
public record Region(String id, String name, Duration freshnessWindow, List<CareType> careTypes,
                     List<Municipality> municipalities, List<Funder> funders, List<Neighbour> neighbours,
                     TriageTable triage) {

    public Region {
        neighbours = neighbours == null ? List.of() : List.copyOf(neighbours);
    }

    /** A neighbouring region; {@code offerWhenFull}: its locations may be offered when this region has none. */
    public record Neighbour(String region, boolean offerWhenFull) {
    }

    /**
     * A care type of the catalogue, with how long a provider has to answer an offer, the admission deadline and
     * the stay rules. {@code plannedBooking}: kept on the calendar, per night; {@code protection} (optional): beds
     * per night kept for planned respite.
     */
    public record CareType(String code, String name, String fundingStream, String defaultUrgency,
                           Duration crisisResponse, Duration plannedResponse, Duration admissionDeadline,
                           boolean plannedBooking, int minStayNights, int maxStayNights, ProtectionRule protection) {
    }

    public record Municipality(String name, double latitude, double longitude, List<String> postcodeAreas) {
    }

    /** A funder of stays: an insurer (ZVW), the care office (WLZ) or a municipality (WMO, with its name). */
    public record Funder(String id, String name, String fundingStream, String municipality) {
    }

    public boolean offers(String careType) {
        return careType(careType).isPresent();
    }

    public Optional<CareType> careType(String code) {
        return careTypes.stream().filter(type -> type.code().equals(code)).findFirst();
    }

    /** The care type, if it is in the catalogue and kept per night; else refused on {@code careType}. */
    public CareType calendarCareType(String code, String locationId) {
        CareType type = catalogued(code);
        if (!type.plannedBooking()) {
            throw DomainException.invalidField("careType", "Care type '" + code + "' is not booked per night: "
                    + "publish its free beds now with PUT /api/v1/locations/" + locationId + "/capacity/" + code);
        }
        return type;
    }

    /** The care type, if it is in the catalogue and kept as free now (not per night); else refused on {@code careType}. */
    public CareType freeNowCareType(String code, String locationId) {
        CareType type = catalogued(code);
        if (type.plannedBooking()) {
            throw DomainException.invalidField("careType", "Care type '" + code + "' is booked per night: publish "
                    + "its free beds per night with PUT /api/v1/locations/" + locationId + "/capacity/" + code
                    + "/nights");
        }
        return type;
    }

    private CareType catalogued(String code) {
        return careType(code).orElseThrow(() -> DomainException.invalidField("careType",
                "Care type '" + code + "' is not in the catalogue of region " + id));
    }
}
