package nl.adempauze.requestmatching.domain;

import java.util.List;
import java.util.regex.Pattern;
import nl.adempauze.platform.domain.DomainException;

/**
 * The handover before acceptance (eOverdracht's "aanmeldbericht"): a structured clinical summary a provider reads to
 * judge an offer. Special-category data: kept only in request-matching, encrypted, every read and change audited,
 * purged with the patient's details; events carry at most that a handover is available. Only
 * {@code reasonForAdmission} is required; an absent (null) part or answer means "not stated". The zib each field
 * follows is listed in docs/HANDOVER.md.
 */
public record Handover(String reasonForAdmission, List<Problem> problems, DailyCare dailyCare,
                       CognitionAndBehaviour cognitionAndBehaviour, NursingCare nursingCare, Infection infection,
                       List<Allergy> allergies, ResuscitationPolicy resuscitationPolicy, InformalCarer informalCarer) {

    public static final int MAX_REASON = 1000;
    public static final int MAX_NOTES = 1000;
    public static final int MAX_ITEM = 300;
    public static final int MAX_ITEMS = 20;
    private static final Pattern PHONE = Pattern.compile("^[+0-9][0-9 ()-]{5,19}$");

    /** A main problem or diagnosis (zib Probleem: ProbleemNaam, ProbleemType). */
    public record Problem(String name, ProblemType type) {
        @Override
        public String toString() {
            return "Problem[redacted]";
        }
    }

    /** zib Probleem.ProbleemType. */
    public enum ProblemType { DIAGNOSIS, SYMPTOM, COMPLAINT, FUNCTIONAL_LIMITATION, COMPLICATION }

    /** Dependency in daily care (zibs Mobiliteit, VermogenTotZichWassen/Toiletgang/Eten, Blaasfunctie, Stoma). */
    public record DailyCare(Mobility mobility, Transfers transfers, Dependency washing, Dependency toileting,
                            Dependency eating, Boolean urinaryCatheter, Boolean stoma) {
        @Override
        public String toString() {
            return "DailyCare[redacted]";
        }
    }

    /** zib Mobiliteit.Lopen. */
    public enum Mobility { INDEPENDENT, WITH_AID, WITH_HELP, BEDRIDDEN }

    /** zib Mobiliteit.UitvoerenTransfer: how many people (or a hoist) a transfer takes. */
    public enum Transfers { INDEPENDENT, ONE_PERSON, TWO_PERSONS, HOIST }

    /** The zibs VermogenTot…: does it alone, needs some help, or has it done entirely. */
    public enum Dependency { INDEPENDENT, PARTLY_DEPENDENT, FULLY_DEPENDENT }

    /** Cognition and behaviour (zibs FunctioneleOfMentaleStatus, DOSScore; wandering and agitation have none). */
    public record CognitionAndBehaviour(Boolean delirium, Boolean wandering, Boolean agitation, String notes) {
        @Override
        public String toString() {
            return "CognitionAndBehaviour[redacted]";
        }
    }

    /** Nursing care needed (zibs Wond, VerpleegkundigeInterventie, ToegediendeZuurstof, SondeSysteem). */
    public record NursingCare(Boolean wounds, Boolean injections, Boolean oxygen, Boolean tubeFeeding, String notes) {
        @Override
        public String toString() {
            return "NursingCare[redacted]";
        }
    }

    /** Infection status (zib Alert "drager van infectie", e.g. MRSA or BRMO) and the isolation it takes. */
    public record Infection(Isolation isolation, String carrierOf) {
        @Override
        public String toString() {
            return "Infection[redacted]";
        }
    }

    /** Isolation measures: none, or by route of transmission. */
    public enum Isolation { NONE, CONTACT, DROPLET, AIRBORNE }

    /** An allergy or intolerance (zib AllergieIntolerantie: VeroorzakendeStof, Reactie). */
    public record Allergy(String substance, String reaction) {
        @Override
        public String toString() {
            return "Allergy[redacted]";
        }
    }

    /** zib BehandelAanwijzing for resuscitation (89666000): BehandelBesluit, or not yet discussed. */
    public enum ResuscitationPolicy { RESUSCITATE, DO_NOT_RESUSCITATE, NOT_DISCUSSED }

    /** The informal carer as contact person (zib Contactpersoon, Rol "Mantelzorger"). */
    public record InformalCarer(String name, String relationship, String phone) {
        @Override
        public String toString() {
            return "InformalCarer[redacted]";
        }
    }

    /**
     * Refuses a handover that breaks a rule JSON cannot express (required, lengths, counts, phone), naming the
     * first offending field under {@code prefix} (e.g. "handover.").
     */
    public void check(String prefix) {
        if (reasonForAdmission == null || reasonForAdmission.isBlank()) {
            throw invalid(prefix + "reasonForAdmission", "reasonForAdmission is required");
        }
        text(prefix + "reasonForAdmission", reasonForAdmission, MAX_REASON);
        if (problems != null) {
            count(prefix + "problems", problems);
            for (int i = 0; i < problems.size(); i++) {
                String field = prefix + "problems[" + i + "]";
                Problem problem = problems.get(i);
                if (problem == null || problem.name() == null || problem.name().isBlank()) {
                    throw invalid(field + ".name", "a problem needs a name");
                }
                text(field + ".name", problem.name(), MAX_ITEM);
            }
        }
        if (cognitionAndBehaviour != null) {
            text(prefix + "cognitionAndBehaviour.notes", cognitionAndBehaviour.notes(), MAX_NOTES);
        }
        if (nursingCare != null) {
            text(prefix + "nursingCare.notes", nursingCare.notes(), MAX_NOTES);
        }
        if (infection != null) {
            text(prefix + "infection.carrierOf", infection.carrierOf(), MAX_ITEM);
        }
        if (allergies != null) {
            count(prefix + "allergies", allergies);
            for (int i = 0; i < allergies.size(); i++) {
                String field = prefix + "allergies[" + i + "]";
                Allergy allergy = allergies.get(i);
                if (allergy == null || allergy.substance() == null || allergy.substance().isBlank()) {
                    throw invalid(field + ".substance", "an allergy needs a substance");
                }
                text(field + ".substance", allergy.substance(), MAX_ITEM);
                text(field + ".reaction", allergy.reaction(), MAX_ITEM);
            }
        }
        if (informalCarer != null) {
            if (informalCarer.name() == null || informalCarer.name().isBlank()) {
                throw invalid(prefix + "informalCarer.name", "the informal carer needs a name");
            }
            text(prefix + "informalCarer.name", informalCarer.name(), 200);
            text(prefix + "informalCarer.relationship", informalCarer.relationship(), 100);
            if (informalCarer.phone() != null && !PHONE.matcher(informalCarer.phone()).matches()) {
                throw invalid(prefix + "informalCarer.phone", "phone must be a telephone number");
            }
        }
    }

    private static void text(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw invalid(field, field.substring(field.lastIndexOf('.') + 1) + " is at most " + max + " characters");
        }
    }

    private static void count(String field, List<?> items) {
        if (items.size() > MAX_ITEMS) {
            throw invalid(field, "at most " + MAX_ITEMS + " " + field.substring(field.lastIndexOf('.') + 1));
        }
    }

    private static DomainException invalid(String field, String message) {
        return DomainException.invalidField(field, message);
    }

    /** Never the summary itself, should this ever end up in a log line or an exception message. */
    @Override
    public String toString() {
        return "Handover[redacted]";
    }
}
