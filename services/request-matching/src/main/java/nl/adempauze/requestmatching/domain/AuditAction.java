package nl.adempauze.requestmatching.domain;

/** What an audit entry records. */
public enum AuditAction {
    /** Identifying details were given with a new request. */
    PATIENT_DETAILS_RECORDED,
    /** Identifying details were replaced on an existing request. */
    PATIENT_DETAILS_CHANGED,
    /** Identifying details were shown to someone. */
    PATIENT_DETAILS_READ,
    /** Identifying details were deleted after the request closed. */
    PATIENT_DETAILS_PURGED,
    /** A coordinator let a crisis request take nights protected for planned respite. */
    PROTECTION_OVERRIDDEN,
    /** A coordinator moved a waiting request up the waiting list. */
    PRIORITY_RAISED,
    /** A coordinator offered a request the bed of a location chosen from its ranking (matching by hand). */
    MANUAL_OFFER,
    /** A coordinator paused the crisis queue's re-matching of a request. */
    QUEUE_PAUSED,
    /** A coordinator resumed the crisis queue's re-matching of a request. */
    QUEUE_RESUMED,
    /** A handover (aanmeldbericht) was given with a new request. */
    HANDOVER_RECORDED,
    /** A handover was given or replaced on an existing request. */
    HANDOVER_CHANGED,
    /** A handover was shown to someone (the referrer organisation, a coordinator, or the offered provider). */
    HANDOVER_READ,
    /** A handover was deleted with the identifying details after the request closed. */
    HANDOVER_PURGED,
    /** A coordinator set the care type of a request awaiting triage, or changed it (re-triage). */
    CARE_TYPE_SET,
    /** Someone was refused (403) a read of a request's identifying details. */
    PATIENT_DETAILS_READ_REFUSED,
    /** Someone was refused (403) a read of a handover. */
    HANDOVER_READ_REFUSED,
    /** An admin read the audit trail (the filters as the reason). */
    AUDIT_READ,
    /** An admin had the audit trail's hash chain checked (the outcome as the reason). */
    AUDIT_VERIFIED,
    /** An admin had every stored identifying detail re-sealed with the active encryption key. */
    ENCRYPTION_KEY_ROTATED
}
