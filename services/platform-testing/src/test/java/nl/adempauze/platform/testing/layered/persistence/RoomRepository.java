package nl.adempauze.platform.testing.layered.persistence;

/** A repository, which no domain class may know. */
public class RoomRepository {
}
