package nl.adempauze.platform.testing.layered.application;

import nl.adempauze.platform.testing.layered.domain.Room;
import nl.adempauze.platform.testing.layered.persistence.RoomRepository;

/** Keeps the rules: a use case knows the domain and the repository. */
public class RoomService {

    public Object take(Room room) {
        return new RoomRepository() + room.id();
    }
}
