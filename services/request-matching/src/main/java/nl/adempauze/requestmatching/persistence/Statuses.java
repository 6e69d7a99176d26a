package nl.adempauze.requestmatching.persistence;

import java.util.Collection;
import nl.adempauze.requestmatching.domain.OfferCommand;
import nl.adempauze.requestmatching.domain.OfferLifecycle;
import nl.adempauze.requestmatching.domain.RequestCommand;
import nl.adempauze.requestmatching.domain.RequestLifecycle;

/** Statuses as SQL binds (never literals): the names of a set, or those a transition table allows a command in. */
final class Statuses {

    private Statuses() {
    }

    static String[] names(Collection<? extends Enum<?>> statuses) {
        return statuses.stream().map(Enum::name).toArray(String[]::new);
    }

    static String[] sourcesOf(RequestCommand command) {
        return names(RequestLifecycle.TABLE.sourcesOf(command));
    }

    static String[] sourcesOf(OfferCommand command) {
        return names(OfferLifecycle.TABLE.sourcesOf(command));
    }
}
