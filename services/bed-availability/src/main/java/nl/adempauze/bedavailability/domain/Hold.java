package nl.adempauze.bedavailability.domain;

import static nl.adempauze.bedavailability.domain.HoldCommand.ACCEPT;
import static nl.adempauze.bedavailability.domain.HoldCommand.ADMIT;
import static nl.adempauze.bedavailability.domain.HoldCommand.DISCHARGE;
import static nl.adempauze.bedavailability.domain.HoldCommand.RELEASE;
import static nl.adempauze.bedavailability.domain.HoldStatus.ACCEPTED;
import static nl.adempauze.bedavailability.domain.HoldStatus.ADMITTED;
import static nl.adempauze.bedavailability.domain.HoldStatus.DISCHARGED;
import static nl.adempauze.bedavailability.domain.HoldStatus.HELD;
import static nl.adempauze.bedavailability.domain.HoldStatus.RELEASED;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.stream.Collectors;
import nl.adempauze.contracts.events.HoldReleased;
import nl.adempauze.contracts.events.PatientAdmitted;
import nl.adempauze.contracts.events.PatientDischarged;
import nl.adempauze.platform.domain.Changed;
import nl.adempauze.platform.domain.DomainException;
import nl.adempauze.platform.domain.TransitionTable;

/**
 * A bed held for one offer: free now ({@code firstNight} null), or one bed on each of {@code nights} calendar
 * nights from {@code firstNight}. {@code urgency} is the request's (CRISIS or PLANNED), when known. How a hold comes
 * to be is {@link NewHold}; what may happen to it afterwards is {@link #LIFE}.
 */
public record Hold(String offerId, String requestId, String locationId, String careType, String urgency,
                   LocalDate firstNight, Integer nights, HoldStatus status, String reason, Instant createdAt,
                   Instant updatedAt) {

    /** The life of a hold: every allowed step; anything else is refused. */
    public static final TransitionTable<HoldStatus, HoldCommand> LIFE =
            TransitionTable.of("Hold", HoldStatus.class, HoldCommand.class)
                    .allow(ACCEPT, ACCEPTED, HELD)
                    .allow(RELEASE, RELEASED, HELD, ACCEPTED)
                    .allow(ADMIT, ADMITTED, ACCEPTED)
                    .allow(DISCHARGE, DISCHARGED, ADMITTED)
                    .build();

    public boolean onCalendar() {
        return firstNight != null;
    }

    public boolean allows(HoldCommand command) {
        return LIFE.allows(status, command);
    }

    /** The provider accepted: the bed (or the stay's nights) stays held until admission. */
    public Changed<Hold> accept(Instant at) {
        return Changed.of(become(ACCEPT, null, at));
    }

    /** The offer ended without admission ({@code reason}): the bed (or every night of the stay) goes back. */
    public Changed<Hold> release(String reason, Instant at) {
        return Changed.of(become(RELEASE, reason, at),
                new HoldReleased(offerId, requestId, locationId, careType, reason, at));
    }

    /** The patient arrived. */
    public Changed<Hold> admit(Instant at) {
        return Changed.of(become(ADMIT, null, at), new PatientAdmitted(offerId, requestId, locationId, careType, at));
    }

    /** The patient left. */
    public Changed<Hold> discharge(Instant at) {
        return Changed.of(become(DISCHARGE, null, at),
                new PatientDischarged(offerId, requestId, locationId, careType, at));
    }

    private Hold become(HoldCommand command, String newReason, Instant at) {
        HoldStatus next = LIFE.target(status, command).orElseThrow(() -> refused(command));
        return new Hold(offerId, requestId, locationId, careType, urgency, firstNight, nights, next, newReason,
                createdAt, at);
    }

    /** The conflict when the table does not allow {@code command} in this hold's status, naming the ones it does. */
    public DomainException refused(HoldCommand command) {
        String required = LIFE.sourcesOf(command).stream().sorted()
                .map(source -> source.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(" or "));
        return DomainException.conflict("Hold cannot be " + command.done(), "The hold for offer " + offerId + " is "
                + status + "; only a hold that is " + required + " can be " + command.done());
    }
}
