package nl.adempauze.bedavailability.api;

import java.util.ArrayList;
import java.util.List;
import nl.adempauze.bedavailability.domain.CapacityFeedLine;

/**
 * Body of a capacity feed in JSON: many figures in one call, published all or none. The lines are checked one by one
 * (not by bean validation), so every refused line is named, {@code figures[i]} as in this body.
 */
public record PublishCapacityFeed(List<Figure> figures) {

    /** Free beds of one care type at one location, as for {@code PUT .../capacity/{careType}}. */
    public record Figure(String locationId, String careType, Integer freeBeds) {
    }

    List<CapacityFeedLine> lines() {
        List<CapacityFeedLine> lines = new ArrayList<>();
        for (int i = 0; i < figures.size(); i++) {
            Figure figure = figures.get(i);
            lines.add(figure == null ? new CapacityFeedLine("figures[" + i + "]", null, null, null)
                    : new CapacityFeedLine("figures[" + i + "]", figure.locationId(), figure.careType(),
                    figure.freeBeds() == null ? null : figure.freeBeds().toString()));
        }
        return lines;
    }
}
