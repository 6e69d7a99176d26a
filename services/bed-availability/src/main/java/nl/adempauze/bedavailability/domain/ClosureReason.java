package nl.adempauze.bedavailability.domain;

/**
 * Why a location closed for new admissions, as a code: bed-availability keeps no free text (words typed here could
 * name a patient, and nothing here could keep them encrypted or purge them), and events carry only this.
 */
public enum ClosureReason {
    /** An infection outbreak (norovirus, influenza, COVID-19, ...). */
    OUTBREAK,
    /** Too few (or not the right) staff to admit safely. */
    STAFF_SHORTAGE,
    /** Building work or maintenance. */
    RENOVATION,
    /** A calamity: fire, flooding, power or water failure. */
    CALAMITY,
    OTHER
}
