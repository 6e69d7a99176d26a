package nl.adempauze.requestmatching.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import nl.adempauze.platform.domain.DomainException;
import nl.adempauze.requestmatching.domain.Handover.Allergy;
import nl.adempauze.requestmatching.domain.Handover.CognitionAndBehaviour;
import nl.adempauze.requestmatching.domain.Handover.DailyCare;
import nl.adempauze.requestmatching.domain.Handover.Infection;
import nl.adempauze.requestmatching.domain.Handover.InformalCarer;
import nl.adempauze.requestmatching.domain.Handover.NursingCare;
import nl.adempauze.requestmatching.domain.Handover.Problem;
import org.junit.jupiter.api.Test;

class HandoverTest {

    private static final Handover FULL = new Handover("Gevallen thuis, kan niet meer zelf transfers maken",
            List.of(new Problem("Heupfractuur links", Handover.ProblemType.DIAGNOSIS)),
            new DailyCare(Handover.Mobility.WITH_AID, Handover.Transfers.ONE_PERSON, Handover.Dependency.PARTLY_DEPENDENT,
                    Handover.Dependency.FULLY_DEPENDENT, Handover.Dependency.INDEPENDENT, true, false),
            new CognitionAndBehaviour(true, false, true, "'s Nachts onrustig"),
            new NursingCare(true, false, false, false, "Wondzorg 2x per dag"),
            new Infection(Handover.Isolation.CONTACT, "MRSA"),
            List.of(new Allergy("Penicilline", "huiduitslag")),
            Handover.ResuscitationPolicy.DO_NOT_RESUSCITATE,
            new InformalCarer("Anna de Vries", "dochter", "06 1234 5678"));

    @Test
    void aFullHandoverAndOneWithOnlyAReasonPass() {
        assertThatCode(() -> FULL.check("handover.")).doesNotThrowAnyException();
        assertThatCode(() -> withReason("Valt vaak").check("")).doesNotThrowAnyException();
        assertThatCode(() -> withReason("x".repeat(Handover.MAX_REASON)).check("")).doesNotThrowAnyException();
    }

    @Test
    void theReasonForAdmissionIsRequiredAndBounded() {
        assertRefused(withReason(null), "handover.reasonForAdmission");
        assertRefused(withReason("  "), "handover.reasonForAdmission");
        assertRefused(withReason("x".repeat(Handover.MAX_REASON + 1)), "handover.reasonForAdmission");
    }

    @Test
    void textsAndListsAreBoundedAndNamedPrecisely() {
        assertRefused(new Handover("r", List.of(new Problem("x".repeat(301), null)), null, null, null, null, null,
                null, null), "handover.problems[0].name");
        assertRefused(new Handover("r", List.of(new Problem(" ", null)), null, null, null, null, null, null, null),
                "handover.problems[0].name");
        assertRefused(new Handover("r", Collections.nCopies(21, new Problem("p", null)), null, null, null, null,
                null, null, null), "handover.problems");
        List<Problem> withNull = new ArrayList<>();
        withNull.add(null);
        assertRefused(new Handover("r", withNull, null, null, null, null, null, null, null),
                "handover.problems[0].name");
        assertRefused(new Handover("r", null, null, new CognitionAndBehaviour(null, null, null, "x".repeat(1001)),
                null, null, null, null, null), "handover.cognitionAndBehaviour.notes");
        assertRefused(new Handover("r", null, null, null, new NursingCare(null, null, null, null, "x".repeat(1001)),
                null, null, null, null), "handover.nursingCare.notes");
        assertRefused(new Handover("r", null, null, null, null, new Infection(null, "x".repeat(301)), null, null,
                null), "handover.infection.carrierOf");
        assertRefused(new Handover("r", null, null, null, null, null, List.of(new Allergy("p", "x".repeat(301))),
                null, null), "handover.allergies[0].reaction");
        assertRefused(new Handover("r", null, null, null, null, null, List.of(new Allergy(null, "jeuk")), null,
                null), "handover.allergies[0].substance");
        assertRefused(new Handover("r", null, null, null, null, null, Collections.nCopies(21, new Allergy("a", null)),
                null, null), "handover.allergies");
    }

    @Test
    void theInformalCarerHasANameAndAPhoneNumberThatIsOne() {
        assertRefused(carer(new InformalCarer(null, "zoon", "0592 123 456")), "handover.informalCarer.name");
        assertRefused(carer(new InformalCarer("Piet", "zoon", "bel mij")), "handover.informalCarer.phone");
        assertRefused(carer(new InformalCarer("Piet", "x".repeat(101), null)), "handover.informalCarer.relationship");
        assertThatCode(() -> carer(new InformalCarer("Piet", null, null)).check("handover."))
                .doesNotThrowAnyException();
    }

    @Test
    void neverShowsItsContentInText() {
        assertThat(FULL.toString()).doesNotContain("Heup", "MRSA", "Anna", "Penicilline");
        assertThat(FULL.dailyCare().toString()).doesNotContain("ONE_PERSON");
        assertThat(FULL.informalCarer().toString()).doesNotContain("Anna");
        assertThatThrownBy(() -> withReason("x".repeat(1001)).check("")).hasMessageNotContaining("xxx");
    }

    private static Handover withReason(String reason) {
        return new Handover(reason, null, null, null, null, null, null, null, null);
    }

    private static Handover carer(InformalCarer carer) {
        return new Handover("r", null, null, null, null, null, null, null, carer);
    }

    private static void assertRefused(Handover handover, String field) {
        assertThatThrownBy(() -> handover.check("handover.")).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID);
            assertThat(e.field()).isEqualTo(field);
        });
    }
}
