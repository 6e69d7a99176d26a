package nl.adempauze.requestmatching.persistence;

import java.util.List;

/**
 * A column whose values {@link FieldEncryption} seals, bound to the request in {@code requestKey}; its
 * {@link #name()} is the associated data a value is sealed with. {@link #ALL} lists every one, for the rotation: a new
 * sealed column is added here.
 */
public record SealedColumn(String table, String requestKey, String column) {

    public static final SealedColumn PATIENT_NAME = patient("name");
    public static final SealedColumn PATIENT_DATE_OF_BIRTH = patient("date_of_birth");
    public static final SealedColumn PATIENT_BSN = patient("bsn");
    public static final SealedColumn PATIENT_STREET = patient("street");
    public static final SealedColumn PATIENT_HOUSE_NUMBER = patient("house_number");
    public static final SealedColumn PATIENT_POSTCODE = patient("postcode");
    public static final SealedColumn PATIENT_CITY = patient("city");
    public static final SealedColumn PATIENT_PHONE = patient("phone");
    public static final SealedColumn CONTACT_NAME = request("contact_name");
    public static final SealedColumn CONTACT_PHONE = request("contact_phone");
    public static final SealedColumn TRIAGE = request("triage");
    public static final SealedColumn HANDOVER = new SealedColumn("handover", "request_id", "sealed");
    /** The words written with a reason (several per request: each value is bound to its request all the same). */
    public static final SealedColumn REQUEST_NOTE = new SealedColumn("request_note", "request_id", "sealed");

    public static final List<SealedColumn> ALL = List.of(PATIENT_NAME, PATIENT_DATE_OF_BIRTH, PATIENT_BSN,
            PATIENT_STREET, PATIENT_HOUSE_NUMBER, PATIENT_POSTCODE, PATIENT_CITY, PATIENT_PHONE, CONTACT_NAME,
            CONTACT_PHONE, TRIAGE, HANDOVER, REQUEST_NOTE);

    /** {@code table.column}: what a value is bound to besides its request. */
    public String name() {
        return table + "." + column;
    }

    private static SealedColumn patient(String column) {
        return new SealedColumn("patient_details", "request_id", column);
    }

    private static SealedColumn request(String column) {
        return new SealedColumn("request", "id", column);
    }
}
