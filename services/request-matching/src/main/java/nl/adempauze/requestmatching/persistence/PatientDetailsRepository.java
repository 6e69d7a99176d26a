package nl.adempauze.requestmatching.persistence;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import nl.adempauze.platform.persistence.SqlBinds;
import nl.adempauze.requestmatching.domain.Contact;
import nl.adempauze.requestmatching.domain.PatientDetails;
import nl.adempauze.requestmatching.domain.RequestStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The patient's identifying details, each column sealed by {@link FieldEncryption}. */
@Repository
public class PatientDetailsRepository {

    private final DatabaseClient db;
    private final FieldEncryption encryption;

    public PatientDetailsRepository(DatabaseClient db, FieldEncryption encryption) {
        this.db = db;
        this.encryption = encryption;
    }

    /** Records or replaces the details of a request. */
    public Mono<Void> save(String requestId, PatientDetails details, Instant at) {
        PatientDetails.Address address = details.address() == null ? PatientDetails.Address.UNKNOWN : details.address();
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        INSERT INTO patient_details (request_id, name, date_of_birth, bsn, street, house_number, postcode,
                                                     city, phone, recorded_at)
                        VALUES (:requestId, :name, :dateOfBirth, :bsn, :street, :houseNumber, :postcode, :city, :phone,
                                :at)
                        ON CONFLICT (request_id) DO UPDATE SET name = excluded.name,
                            date_of_birth = excluded.date_of_birth, bsn = excluded.bsn, street = excluded.street,
                            house_number = excluded.house_number, postcode = excluded.postcode, city = excluded.city,
                            phone = excluded.phone, recorded_at = excluded.recorded_at""")
                .bind("requestId", requestId)
                .bind("name", seal(details.name(), requestId, SealedColumn.PATIENT_NAME))
                .bind("dateOfBirth", seal(details.dateOfBirth().toString(), requestId,
                        SealedColumn.PATIENT_DATE_OF_BIRTH))
                .bind("at", at);
        spec = SqlBinds.nullable(spec, "bsn", seal(details.bsn(), requestId, SealedColumn.PATIENT_BSN), String.class);
        spec = SqlBinds.nullable(spec, "street", seal(address.street(), requestId,
                SealedColumn.PATIENT_STREET), String.class);
        spec = SqlBinds.nullable(spec, "houseNumber", seal(address.houseNumber(), requestId,
                SealedColumn.PATIENT_HOUSE_NUMBER), String.class);
        spec = SqlBinds.nullable(spec, "postcode", seal(address.postcode(), requestId,
                SealedColumn.PATIENT_POSTCODE), String.class);
        spec = SqlBinds.nullable(spec, "city", seal(address.city(), requestId,
                SealedColumn.PATIENT_CITY), String.class);
        spec = SqlBinds.nullable(spec, "phone", seal(details.phone(), requestId, SealedColumn.PATIENT_PHONE), String.class);
        return spec.then();
    }

    public Mono<PatientDetails> find(String requestId) {
        return db.sql("""
                        SELECT name, date_of_birth, bsn, street, house_number, postcode, city, phone
                        FROM patient_details WHERE request_id = :requestId""")
                .bind("requestId", requestId)
                .map(row -> toDetails(row, requestId))
                .one();
    }

    /** Whom to call back about a request (name and phone null once purged). */
    public Mono<Contact> contact(String requestId) {
        return db.sql("SELECT contact_name, contact_phone, contact_organisation FROM request WHERE id = :requestId")
                .bind("requestId", requestId)
                .map(row -> new Contact(open(row, requestId, SealedColumn.CONTACT_NAME),
                        open(row, requestId, SealedColumn.CONTACT_PHONE),
                        row.get("contact_organisation", String.class)))
                .one();
    }

    public Mono<Boolean> exists(String requestId) {
        return db.sql("SELECT 1 FROM patient_details WHERE request_id = :requestId").bind("requestId", requestId)
                .map(row -> true).one().defaultIfEmpty(false);
    }

    /**
     * Closed requests (cancelled or discharged) last changed before {@code closedBefore} whose identifying details
     * (patient or call-back contact) are still kept.
     */
    public Flux<String> closedBefore(Instant closedBefore, int limit) {
        return db.sql("""
                        SELECT id FROM request
                        WHERE status = ANY(:closed) AND updated_at < :closedBefore
                          AND identifying_details_purged_at IS NULL
                        ORDER BY updated_at LIMIT :limit""")
                .bind("closed", Statuses.names(RequestStatus.CLOSED))
                .bind("closedBefore", closedBefore)
                .bind("limit", limit)
                .map(row -> row.get("id", String.class))
                .all();
    }

    /**
     * Deletes the call-back contact and the triage answers of a request and marks it purged, if it is not purged yet;
     * false when it was (another purge got there first: this one waited for its row and found it done).
     */
    public Mono<Boolean> claimPurge(String requestId, Instant at) {
        return db.sql("""
                        UPDATE request SET contact_name = NULL, contact_phone = NULL, triage = NULL,
                                           identifying_details_purged_at = :at
                        WHERE id = :requestId AND identifying_details_purged_at IS NULL""")
                .bind("requestId", requestId).bind("at", at)
                .fetch().rowsUpdated().map(rows -> rows > 0);
    }

    /** Deletes the patient's details of a request (after {@link #claimPurge}); the request remains. */
    public Mono<Void> purge(String requestId) {
        return db.sql("DELETE FROM patient_details WHERE request_id = :requestId").bind("requestId", requestId).then();
    }

    private PatientDetails toDetails(Readable row, String requestId) {
        return new PatientDetails(
                open(row, requestId, SealedColumn.PATIENT_NAME),
                LocalDate.parse(open(row, requestId, SealedColumn.PATIENT_DATE_OF_BIRTH)),
                open(row, requestId, SealedColumn.PATIENT_BSN),
                new PatientDetails.Address(open(row, requestId, SealedColumn.PATIENT_STREET),
                        open(row, requestId, SealedColumn.PATIENT_HOUSE_NUMBER),
                        open(row, requestId, SealedColumn.PATIENT_POSTCODE),
                        open(row, requestId, SealedColumn.PATIENT_CITY)),
                open(row, requestId, SealedColumn.PATIENT_PHONE));
    }

    private String seal(String plain, String requestId, SealedColumn column) {
        return encryption.seal(plain, requestId, column.name());
    }

    private String open(Readable row, String requestId, SealedColumn column) {
        return encryption.open(row.get(column.column(), String.class), requestId, column.name());
    }
}
