package nl.adempauze.simulator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The replay uses the services' own rule classes, and nothing of their Spring, Kafka or database layers: it may
 * depend only on the JDK, the services' domain packages, the contracts, platform.domain, OR-Tools and Jackson.
 */
class SimulatorArchitectureTest {

    private static final JavaClasses SIMULATOR = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("nl.adempauze.simulator");

    @Test
    void dependsOnlyOnTheServicesDomainsAndNoFramework() {
        classes().that().resideInAPackage("nl.adempauze.simulator..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "nl.adempauze.simulator..",
                        "nl.adempauze.requestmatching.domain..", "nl.adempauze.bedavailability.domain..",
                        "nl.adempauze.contracts..", "nl.adempauze.platform.domain..", "com.google.ortools..",
                        "tools.jackson..")
                .because("the replay runs the services' rules without Spring, Kafka, R2DBC or a database (Jackson"
                        + " reads and writes the what-if runner's JSON)")
                .check(SIMULATOR);
    }

    @Test
    void usesTheRuleClassesTheServicesUse() {
        Set<String> used = SIMULATOR.stream()
                .flatMap(javaClass -> javaClass.getDirectDependenciesFromSelf().stream())
                .map(dependency -> dependency.getTargetClass().getName())
                .collect(Collectors.toSet());

        assertThat(used).contains(
                "nl.adempauze.requestmatching.domain.CandidateRanker",
                "nl.adempauze.requestmatching.domain.BorderRanking",
                "nl.adempauze.requestmatching.domain.NightCalendar",
                "nl.adempauze.requestmatching.domain.MatchingRequest",
                "nl.adempauze.requestmatching.domain.Offer",
                "nl.adempauze.requestmatching.domain.CrisisQueueOrder",
                "nl.adempauze.requestmatching.domain.CrisisQueueEntry",
                "nl.adempauze.requestmatching.domain.WaitingListOrder",
                "nl.adempauze.requestmatching.domain.StayRules",
                "nl.adempauze.requestmatching.domain.PlacementTarget",
                "nl.adempauze.requestmatching.domain.PlacementStatistics",
                "nl.adempauze.bedavailability.domain.ProtectionRule",
                "nl.adempauze.bedavailability.domain.StayDecision",
                "nl.adempauze.bedavailability.domain.NightCalendar",
                "nl.adempauze.bedavailability.domain.NightCapacity",
                "nl.adempauze.bedavailability.domain.CapacityFigure",
                "nl.adempauze.bedavailability.domain.NewHold");
    }

    @Test
    void theImportSeesTheSimulatorItself() {
        assertThat(SIMULATOR.stream().map(JavaClass::getSimpleName)).contains("Replay", "Beds", "CandidateFinder");
    }
}
