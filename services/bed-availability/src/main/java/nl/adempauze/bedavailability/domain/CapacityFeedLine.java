package nl.adempauze.bedavailability.domain;

import java.util.ArrayList;
import java.util.List;
import nl.adempauze.platform.domain.InvalidFields;

/**
 * One line of a provider's capacity feed: free beds of one care type at one location. {@code reference} says where
 * the line stands in what was sent ({@code figures[3]} in a JSON body, {@code lines[8]} in a CSV file, by its line
 * number), so a refused line is named as the sender knows it. The values are kept as sent (a spreadsheet may put
 * anything in the free-beds column) and read by {@link #beds()} once {@link #shapeRefusals()} found nothing wrong.
 */
public record CapacityFeedLine(String reference, String locationId, String careType, String freeBeds) {

    /** The most free beds one figure may say, as for a single publication. */
    public static final int MAX_FREE_BEDS = 1000;

    /** What is wrong with the line on its own (missing or out-of-range values); empty when it is well formed. */
    public List<InvalidFields.Refusal> shapeRefusals() {
        List<InvalidFields.Refusal> refusals = new ArrayList<>();
        if (locationId == null || locationId.isBlank()) {
            refusals.add(refusal("locationId", "locationId is required"));
        }
        if (careType == null || careType.isBlank()) {
            refusals.add(refusal("careType", "careType is required"));
        }
        if (freeBeds == null || freeBeds.isBlank()) {
            refusals.add(refusal("freeBeds", "freeBeds is required"));
        } else if (!freeBeds.strip().matches("-?\\d{1,9}")) {
            refusals.add(refusal("freeBeds", "freeBeds must be a whole number, not '" + abbreviated(freeBeds) + "'"));
        } else if (beds() < 0) {
            refusals.add(refusal("freeBeds", "freeBeds cannot be negative"));
        } else if (beds() > MAX_FREE_BEDS) {
            refusals.add(refusal("freeBeds", "freeBeds cannot exceed " + MAX_FREE_BEDS));
        }
        return refusals;
    }

    /** The free beds this line says; only for a line without {@link #shapeRefusals()}. */
    public int beds() {
        return Integer.parseInt(freeBeds.strip());
    }

    private static String abbreviated(String value) {
        return value.length() > 20 ? value.substring(0, 20) + "..." : value;
    }

    /** A refusal of one of this line's values, named {@code <reference>.<field>}. */
    public InvalidFields.Refusal refusal(String field, String detail) {
        return new InvalidFields.Refusal(reference + (field == null ? "" : "." + field), reference + ": " + detail);
    }

    /** The figure this line sets; two lines of one feed may not set the same one. */
    public String figureKey() {
        return locationId + "/" + careType;
    }
}
