package nl.adempauze.contracts.events;

import java.util.List;

/** A funder (insurer, care office or municipality) a location is contracted with, for some care types. */
public record FunderContract(String funder, List<String> careTypes) {
}
