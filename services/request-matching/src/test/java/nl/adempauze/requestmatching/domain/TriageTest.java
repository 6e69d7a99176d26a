package nl.adempauze.requestmatching.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.adempauze.contracts.events.TriageTable;
import nl.adempauze.platform.domain.DomainException;
import nl.adempauze.platform.testing.SeedEvents;
import org.junit.jupiter.api.Test;

/** The triage decision table: Drenthe's as seeded, and the evaluation rules on a small table of its own. */
class TriageTest {

    private static final TriageTable DRENTHE =
            SeedEvents.regionConfigured("classpath:seeds/drenthe.json").triage();

    private static Map<String, String> answers(String... codesAndAnswers) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (int i = 0; i < codesAndAnswers.length; i += 2) {
            answers.put(codesAndAnswers[i], codesAndAnswers[i + 1]);
        }
        return answers;
    }

    /** The done-when case: a patient who needs a wakend oog and whose carer dropped out, expected to go home. */
    private static final Map<String, String> WAKEFUL_EYE_CARER_GONE = Map.of("HOSPITAL_CARE", "NO",
            "WLZ_INDICATION", "NO", "RETURN_HOME", "YES", "WAKEFUL_EYE", "YES", "CARE_TAKEOVER", "YES");

    @Test
    void aWakefulEyeAndACarerWhoDroppedOutIsElvHoogcomplex() {
        TriageAdvice advice = Triage.advise(DRENTHE, WAKEFUL_EYE_CARER_GONE);

        assertThat(advice.outcome()).isEqualTo(TriageAdvice.Outcome.CARE_TYPE);
        assertThat(advice.careType()).isEqualTo("ELV_HOOG");
        assertThat(advice.ruleId()).isEqualTo("elv-high");
        assertThat(advice.explanation()).contains("ELV hoogcomplex");
        assertThat(advice.reasons()).extracting(TriageAdvice.Reason::question)
                .containsExactly("HOSPITAL_CARE", "WLZ_INDICATION", "RETURN_HOME", "WAKEFUL_EYE", "CARE_TAKEOVER");
        assertThat(advice.reasons().get(3).text()).contains("wakend oog");
        assertThat(advice.reasons()).extracting(TriageAdvice.Reason::answer)
                .containsExactly("NO", "NO", "YES", "YES", "YES");
    }

    @Test
    void everyRuleOfTheDrentheTableIsReachedByExactlyItsOwnConditions() {
        for (TriageTable.Rule rule : DRENTHE.rules()) {
            TriageAdvice advice = Triage.advise(DRENTHE, rule.when());

            assertThat(advice.ruleId()).as("rule %s", rule.id()).isEqualTo(rule.id());
            assertThat(advice.outcome().name()).isEqualTo(rule.outcome());
            assertThat(advice.careType()).isEqualTo(rule.careType());
            assertThat(advice.advice()).isEqualTo(rule.advice());
            assertThat(advice.explanation()).isNotBlank();
        }
    }

    @Test
    void theDrentheTableNamesOnlyItsOwnQuestionsAndCareTypesOfItsCatalogue() {
        Set<String> questions = DRENTHE.questions().stream().map(TriageTable.Question::code)
                .collect(Collectors.toSet());
        Set<String> careTypes = SeedEvents.regionConfigured("classpath:seeds/drenthe.json").careTypes().stream()
                .map(careType -> careType.code()).collect(Collectors.toSet());
        for (TriageTable.Rule rule : DRENTHE.rules()) {
            assertThat(questions).as("rule %s", rule.id()).containsAll(rule.when().keySet());
            if (rule.careType() != null) {
                assertThat(careTypes).contains(rule.careType());
            }
        }
    }

    @Test
    void hospitalCareWinsOverEverythingAfterIt() {
        Map<String, String> inHospitalToo = new HashMap<>(WAKEFUL_EYE_CARER_GONE);
        inHospitalToo.put("HOSPITAL_CARE", "YES");
        TriageAdvice advice = Triage.advise(DRENTHE, inHospitalToo);

        assertThat(advice.outcome()).isEqualTo(TriageAdvice.Outcome.NOT_TEMPORARY_STAY);
        assertThat(advice.advice()).isEqualTo("HOSPITAL");
        assertThat(advice.careType()).isNull();
    }

    private static final TriageTable SMALL = new TriageTable(
            List.of(new TriageTable.Question("A", "Vraag A?", null), new TriageTable.Question("B", "Vraag B?", null)),
            List.of(new TriageTable.Rule("first", Map.of("A", "YES"), "CARE_TYPE", "ONE", null, "Eerste."),
                    new TriageTable.Rule("second", Map.of("A", "YES", "B", "YES"), "CARE_TYPE", "TWO", null,
                            "Tweede."),
                    new TriageTable.Rule("third", Map.of("B", "NO"), "NOT_TEMPORARY_STAY", null, "HOSPITAL",
                            "Derde.")),
            List.of(new TriageTable.Conflict(Map.of("A", "NO", "B", "NO"), "A en B kunnen niet allebei nee zijn.")));

    @Test
    void theFirstRuleThatHoldsWinsEvenWhenALaterOneHoldsToo() {
        assertThat(Triage.advise(SMALL, answers("A", "YES", "B", "YES")).ruleId()).isEqualTo("first");
    }

    @Test
    void anUnknownAnswerNeverSatisfiesACondition() {
        assertThat(Triage.advise(SMALL, answers("A", "UNKNOWN", "B", "NO")).ruleId()).isEqualTo("third");
        TriageAdvice none = Triage.advise(SMALL, answers("A", "UNKNOWN", "B", "UNKNOWN"));
        assertThat(none.outcome()).isEqualTo(TriageAdvice.Outcome.UNDECIDED);
        assertThat(Triage.advise(SMALL, Map.of()).outcome()).isEqualTo(TriageAdvice.Outcome.UNDECIDED);
    }

    @Test
    void withoutARuleThatHoldsTheCoordinatorDecides() {
        TriageAdvice advice = Triage.advise(SMALL, answers("A", "NO", "B", "YES"));

        assertThat(advice.outcome()).isEqualTo(TriageAdvice.Outcome.UNDECIDED);
        assertThat(advice.ruleId()).isNull();
        assertThat(advice.reasons()).isEmpty();
        assertThat(advice.explanation()).contains("coördinator");
    }

    @Test
    void contradictoryAnswersAreRefusedNamingTheConflict() {
        assertThatThrownBy(() -> Triage.advise(SMALL, answers("A", "NO", "B", "NO")))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.field()).isEqualTo("triage.answers");
                    assertThat(e.getMessage()).contains("A en B kunnen niet allebei nee zijn");
                });
        assertThatThrownBy(() -> Triage.advise(DRENTHE, answers("CARER_RESPITE", "YES", "WAKEFUL_EYE", "YES")))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.field()).isEqualTo("triage.answers"));
    }

    @Test
    void anUnknownQuestionOrValueIsRefusedNamingTheQuestion() {
        assertThatThrownBy(() -> Triage.advise(SMALL, answers("C", "YES")))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.field()).isEqualTo("triage.answers.C"));
        assertThatThrownBy(() -> Triage.advise(SMALL, answers("A", "MAYBE")))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.field()).isEqualTo("triage.answers.A"));
        Map<String, String> withNull = new HashMap<>();
        withNull.put("B", null);
        assertThatThrownBy(() -> Triage.advise(SMALL, withNull))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.field()).isEqualTo("triage.answers.B"));
    }
}
