package nl.adempauze.bedavailability.domain;

/** What changes a night's capacity: the provider publishes its free beds, a stay takes or gives back a bed. */
public enum NightCommand {
    PUBLISH, TAKE, GIVE_BACK
}
