package nl.adempauze.requestmatching.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.adempauze.requestmatching.domain.Actor;
import nl.adempauze.requestmatching.domain.AuditAction;
import nl.adempauze.requestmatching.domain.AuditEntry;
import nl.adempauze.requestmatching.domain.Contact;
import nl.adempauze.requestmatching.domain.PatientDetails;
import nl.adempauze.requestmatching.domain.RequestNote;
import nl.adempauze.requestmatching.persistence.AuditLog;
import nl.adempauze.requestmatching.persistence.HandoverRepository;
import nl.adempauze.requestmatching.persistence.PatientDetailsRepository;
import nl.adempauze.requestmatching.persistence.RequestNoteRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Every way identifying details are shown or changed, each on the audit trail in the same transaction: a read that
 * cannot be recorded is not answered. Who may do it is decided before (see {@link RequestAccess}).
 */
@Service
public class PatientRecords {

    private final PatientDetailsRepository details;
    private final HandoverRepository handovers;
    private final RequestNoteRepository notes;
    private final AuditLog audit;
    private final TransactionalOperator tx;
    private final Clock clock;

    public PatientRecords(PatientDetailsRepository details, HandoverRepository handovers,
                          RequestNoteRepository notes, AuditLog audit, TransactionalOperator tx, Clock clock) {
        this.details = details;
        this.handovers = handovers;
        this.notes = notes;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /** Records details given with a new request, inside the submitting transaction. */
    public Mono<Void> recordNew(String requestId, PatientDetails patient, Actor actor) {
        Instant now = clock.instant();
        return details.save(requestId, patient, now)
                .then(audit.record(AuditEntry.of(actor, AuditAction.PATIENT_DETAILS_RECORDED, requestId, null, now)));
    }

    /** Replaces a request's details. */
    public Mono<Void> change(String requestId, PatientDetails patient, Actor actor, String why) {
        Instant now = clock.instant();
        return tx.transactional(details.save(requestId, patient, now)
                .then(audit.record(AuditEntry.of(actor, AuditAction.PATIENT_DETAILS_CHANGED, requestId, why, now))));
    }

    /**
     * What is shown of a request's identifying details: whom to call back and who the patient is (each may be null),
     * and, with them, the notes written with its reasons (empty unless asked for).
     */
    public record Shown(Contact callBack, PatientDetails patient, List<RequestNote> notes) {

        public Shown(Contact callBack, PatientDetails patient) {
            this(callBack, patient, List.of());
        }

        boolean identifiesAnyone() {
            return patient != null || (callBack != null && callBack.name() != null) || !notes.isEmpty();
        }

        Shown withNotes(List<RequestNote> written) {
            return new Shown(callBack, patient, written);
        }
    }

    /**
     * The patient's details (and, with {@code withCallBack}, whom to call back and the notes written with the
     * request's reasons, which may name the patient too), as far as they are still kept; recorded as read by
     * {@code actor} for the stated purpose whenever anything identifying is shown.
     */
    public Mono<Shown> read(String requestId, Actor actor, String purpose, boolean withCallBack) {
        Mono<Optional<Contact>> callBack = withCallBack
                ? details.contact(requestId).map(Optional::of).defaultIfEmpty(Optional.empty())
                : Mono.just(Optional.empty());
        Mono<Optional<PatientDetails>> patient = details.find(requestId).map(Optional::of)
                .defaultIfEmpty(Optional.empty());
        Mono<List<RequestNote>> written = withCallBack ? notes.ofRequest(requestId).collectList()
                : Mono.just(List.of());
        return tx.transactional(callBack.flatMap(contact -> patient.map(details -> new Shown(contact.orElse(null),
                        details.orElse(null))))
                .zipWith(written, Shown::withNotes)
                .flatMap(shown -> !shown.identifiesAnyone() ? Mono.just(shown)
                        : audit.record(AuditEntry.of(actor, AuditAction.PATIENT_DETAILS_READ, requestId, purpose,
                                clock.instant())).thenReturn(shown)));
    }

    /**
     * Deletes the identifying details of a closed request with the notes written with its reasons (one audited
     * purge), and its handover (audited on its own).
     */
    public Mono<Boolean> purge(String requestId, String why) {
        Instant now = clock.instant();
        // the claim (a conditional update of the request) comes first: a request purged already, by another instance
        // or an earlier run, is left alone and gets no second audit entry
        return tx.transactional(details.claimPurge(requestId, now)
                .flatMap(claimed -> !claimed ? Mono.just(false) : details.purge(requestId)
                        .then(notes.purge(requestId))
                        .then(audit.record(AuditEntry.of(Actor.SYSTEM, AuditAction.PATIENT_DETAILS_PURGED, requestId,
                                why, now)))
                        .then(handovers.purge(requestId))
                        .flatMap(hadHandover -> !hadHandover ? Mono.<Void>empty()
                                : audit.record(AuditEntry.of(Actor.SYSTEM, AuditAction.HANDOVER_PURGED, requestId,
                                        why, now)))
                        .thenReturn(true)));
    }
}
