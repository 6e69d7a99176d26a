package nl.adempauze.bedavailability.domain;

/**
 * How a stay took one night's bed: an unprotected (or, for a planned stay, any) available bed; a protected bed
 * the protection rule released to crisis close to the night; or a protected bed by a coordinator's override.
 */
public enum NightTake {
    FREE, RELEASED, OVERRIDDEN
}
