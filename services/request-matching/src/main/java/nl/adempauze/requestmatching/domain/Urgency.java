package nl.adempauze.requestmatching.domain;

/** Crisis: admit within hours, day or night. Planned: a date range (respite). */
public enum Urgency {
    CRISIS, PLANNED
}
