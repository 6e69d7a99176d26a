package nl.adempauze.bedavailability.domain;

import java.time.LocalDate;

/** One night of a hold, as it was taken, so that a release or discharge gives back exactly what was taken. */
public record HeldNight(LocalDate night, boolean planned, NightTake take) {

    public HeldNight {
        if (planned && take != NightTake.FREE) {
            throw new IllegalArgumentException("A planned stay takes any available bed: always FREE");
        }
    }
}
