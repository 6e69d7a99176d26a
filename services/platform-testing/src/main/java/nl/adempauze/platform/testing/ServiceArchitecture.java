package nl.adempauze.platform.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.List;

/**
 * The layers every service keeps, so that a reader who knows one service knows all three:
 * <ul>
 *   <li>{@code api}: HTTP; calls {@code application}, never {@code persistence} or {@code messaging};</li>
 *   <li>{@code application}: use cases and transactions; loads, calls the domain, saves, appends to the outbox;</li>
 *   <li>{@code domain}: plain Java: nothing but the JDK (and its javax.crypto), the event contracts, {@code platform.domain}, its own
 *       classes (and the {@code Role} names), so no Spring, Reactor, R2DBC, Kafka, HTTP or repository;</li>
 *   <li>{@code messaging}: Kafka listeners; calls {@code application};</li>
 *   <li>{@code persistence}: SQL; knows the domain, nothing above it.</li>
 * </ul>
 * The application class and configuration may sit in the service's root package.
 */
public final class ServiceArchitecture {

    public static final List<String> LAYERS = List.of("api", "application", "domain", "messaging", "persistence");

    private final String root;

    private ServiceArchitecture(String root) {
        this.root = root;
    }

    /** The rules for the service whose classes live under {@code rootPackage}, e.g. {@code nl.adempauze.notification}. */
    public static ServiceArchitecture of(String rootPackage) {
        return new ServiceArchitecture(rootPackage);
    }

    /** The service's main classes (tests left out). */
    public JavaClasses mainClasses() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(root);
    }

    /** Fails, listing every break, when a rule below is broken by the service's main classes. */
    public void check() {
        check(mainClasses());
    }

    /** Fails, listing every break, when the given classes of the service break a rule. */
    public void check(JavaClasses classes) {
        rules().check(classes);
    }

    public ArchRule rules() {
        return CompositeArchRule.of(domainIsPlainJava())
                .and(layerDoesNotUse("persistence", "api", "application", "messaging"))
                .and(layerDoesNotUse("application", "api", "messaging"))
                .and(layerDoesNotUse("api", "persistence", "messaging"))
                .and(layerDoesNotUse("messaging", "api", "persistence"))
                .and(everyClassInALayer());
    }

    /** The domain depends only on the JDK, the contracts, {@code platform.domain} and itself. */
    public ArchRule domainIsPlainJava() {
        return classes().that().resideInAPackage(layer("domain"))
                .should().onlyDependOnClassesThat(JavaClass.Predicates.resideInAnyPackage(
                        "java..", "javax.crypto..", layer("domain"), "nl.adempauze.contracts..", "nl.adempauze.platform.domain..")
                        .or(HasName.Predicates.name("nl.adempauze.platform.security.Role")))
                .as("the domain of " + root + " is plain Java (JDK, contracts, platform.domain, Role)")
                .allowEmptyShould(false);
    }

    private ArchRule layerDoesNotUse(String layer, String... forbidden) {
        String[] packages = java.util.Arrays.stream(forbidden).map(this::layer).toArray(String[]::new);
        return noClasses().that().resideInAPackage(layer(layer))
                .should().dependOnClassesThat().resideInAnyPackage(packages)
                .as(layer + " of " + root + " does not use " + String.join(", ", forbidden))
                .allowEmptyShould(true);
    }

    private ArchRule everyClassInALayer() {
        String[] allowed = java.util.stream.Stream.concat(java.util.stream.Stream.of(root),
                LAYERS.stream().map(this::layer)).toArray(String[]::new);
        return classes().should().resideInAnyPackage(allowed)
                .as("every class of " + root + " is in its root package or one of " + LAYERS);
    }

    private String layer(String name) {
        return root + "." + name + "..";
    }
}
