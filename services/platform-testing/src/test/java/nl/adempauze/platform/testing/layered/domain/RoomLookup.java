package nl.adempauze.platform.testing.layered.domain;

import nl.adempauze.platform.testing.layered.persistence.RoomRepository;

/** Breaks the rule: the domain reaches for a repository. */
public class RoomLookup {

    private final RoomRepository rooms = new RoomRepository();

    public Object rooms() {
        return rooms;
    }
}
