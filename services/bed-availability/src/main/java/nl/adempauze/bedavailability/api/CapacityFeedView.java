package nl.adempauze.bedavailability.api;

import java.util.List;

/** What a capacity feed published: how many figures, and each as the region's view now shows it. */
public record CapacityFeedView(int published, List<Published> figures) {

    /** One figure published, at its location. */
    public record Published(String locationId, CapacityView.CareTypeCapacity capacity) {
    }
}
