package nl.adempauze.platform.testing.layered.domain;

import java.time.Instant;

/** A plain-Java aggregate: the JDK only. */
public record Room(String id, int beds, Instant since) {

    public Room take() {
        if (beds == 0) {
            throw new IllegalStateException("Room " + id + " is full");
        }
        return new Room(id, beds - 1, Instant.now());
    }
}
