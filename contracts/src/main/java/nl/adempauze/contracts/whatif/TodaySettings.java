package nl.adempauze.contracts.whatif;

import java.util.List;
import nl.adempauze.contracts.events.RegionConfigured.NeighbourDefinition;

/**
 * A region's settings as the running system has them now (an administrator may have changed them since the seed):
 * the replay's "today" for the region whose what-if it is.
 */
public record TodaySettings(List<CareType> careTypes, List<NeighbourDefinition> neighbours) {

    public TodaySettings {
        careTypes = List.copyOf(careTypes);
        neighbours = List.copyOf(neighbours);
    }

    /** One care type's rules: answer deadlines, admission deadline, stay lengths and protection (null: none). */
    public record CareType(String code, String name, String fundingStream, int crisisResponseMinutes,
                           int plannedResponseMinutes, int admissionDeadlineHours, boolean plannedBooking,
                           int minStayNights, int maxStayNights, Integer protectedBeds, Double protectedShare,
                           Integer releaseHorizonHours) {

        public boolean protectedForPlanned() {
            return releaseHorizonHours != null && (protectedBeds != null || protectedShare != null);
        }
    }
}
