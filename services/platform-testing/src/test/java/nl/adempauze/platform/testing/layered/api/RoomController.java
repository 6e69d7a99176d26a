package nl.adempauze.platform.testing.layered.api;

import nl.adempauze.platform.testing.layered.persistence.RoomRepository;

/** Breaks the rule: HTTP goes straight to the database instead of through application. */
public class RoomController {

    public Object rooms() {
        return new RoomRepository();
    }
}
