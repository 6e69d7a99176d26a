package nl.adempauze.bedavailability.api;

import static nl.adempauze.bedavailability.api.AccessRules.Outcome.ALLOWED;
import static nl.adempauze.bedavailability.api.AccessRules.Outcome.FORBIDDEN;
import static nl.adempauze.bedavailability.api.AccessRules.Outcome.NOT_FOUND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import nl.adempauze.bedavailability.api.AccessRules.Action;
import nl.adempauze.bedavailability.api.AccessRules.Decision;
import nl.adempauze.bedavailability.api.AccessRules.Outcome;
import nl.adempauze.platform.security.Caller;
import nl.adempauze.platform.security.Role;
import nl.adempauze.platform.testing.PropertyRuns;
import nl.adempauze.platform.domain.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The bed-availability rows of the matrix in docs/SECURITY.md, cell by cell, and the properties behind them. */
class AccessRulesTest {

    private static final String PROVIDER = "zorggroep-drentse-aa";
    private static final String REGION = "drenthe";

    private static final Caller REFERRER = caller(Set.of(Role.REFERRER), "huisartsenpost-drenthe", Set.of());
    private static final Caller OWN_PROVIDER = caller(Set.of(Role.PROVIDER), PROVIDER, Set.of());
    private static final Caller FOREIGN_PROVIDER = caller(Set.of(Role.PROVIDER), "stichting-vechtzorg", Set.of());
    private static final Caller OWN_COORDINATOR = caller(Set.of(Role.COORDINATOR), "coordinatiepunt",
            Set.of("groningen", REGION));
    private static final Caller FOREIGN_COORDINATOR = caller(Set.of(Role.COORDINATOR), "coordinatiepunt",
            Set.of("groningen"));
    /** Administers the region (its token's {@code regions}). */
    private static final Caller ADMIN = caller(Set.of(Role.ADMIN), "beheer", Set.of(REGION));

    private static Caller caller(Set<Role> roles, String organisation, Set<String> regions) {
        return new Caller("user", "User", roles, organisation, regions);
    }

    /** Action, then the expected outcome for R, P own, P foreign, C own, C foreign, A (the matrix's columns). */
    static Stream<Arguments> matrix() {
        return Stream.of(
                Arguments.of(Action.READ_SHARED, List.of(ALLOWED, ALLOWED, ALLOWED, ALLOWED, ALLOWED, ALLOWED)),
                Arguments.of(Action.CHANGE_LOCATION,
                        List.of(FORBIDDEN, ALLOWED, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN)),
                Arguments.of(Action.READ_HOLD, List.of(FORBIDDEN, ALLOWED, NOT_FOUND, ALLOWED, NOT_FOUND, FORBIDDEN)),
                Arguments.of(Action.CONFIRM_STAY,
                        List.of(FORBIDDEN, ALLOWED, NOT_FOUND, FORBIDDEN, FORBIDDEN, FORBIDDEN)),
                Arguments.of(Action.READ_OCCUPANCY,
                        List.of(FORBIDDEN, FORBIDDEN, FORBIDDEN, ALLOWED, FORBIDDEN, ALLOWED)),
                Arguments.of(Action.ADMINISTER,
                        List.of(FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, ALLOWED)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void everyCellOfTheMatrix(Action action, List<Outcome> expected) {
        List<Caller> columns = List.of(REFERRER, OWN_PROVIDER, FOREIGN_PROVIDER, OWN_COORDINATOR,
                FOREIGN_COORDINATOR, ADMIN);
        List<Outcome> actual = columns.stream()
                .map(caller -> AccessRules.on(caller, action, PROVIDER, REGION).outcome()).toList();

        assertThat(actual).as("R, P own, P foreign, C own, C foreign, A").isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(Action.class)
    void aRoleThatMayNeverDoItIsRefusedBeforeTheResourceIsKnown(Action action) {
        for (Caller caller : List.of(REFERRER, OWN_PROVIDER, FOREIGN_PROVIDER, OWN_COORDINATOR, FOREIGN_COORDINATOR,
                ADMIN)) {
            Outcome byRole = AccessRules.byRole(caller, action).outcome();
            assertThat(byRole).isIn(ALLOWED, FORBIDDEN);
            if (byRole == FORBIDDEN) {
                assertThat(AccessRules.on(caller, action, null, null).outcome())
                        .as("%s on a resource that does not exist", caller.roles()).isEqualTo(FORBIDDEN);
                assertThat(AccessRules.on(caller, action, PROVIDER, REGION).outcome())
                        .as("%s on a resource that is theirs", caller.roles()).isEqualTo(FORBIDDEN);
            }
        }
    }

    @Test
    void aHoldAtAnUnknownLocationIsNobodys() {
        for (Action action : List.of(Action.READ_HOLD, Action.CONFIRM_STAY)) {
            assertThat(AccessRules.on(OWN_PROVIDER, action, null, null).outcome()).isEqualTo(NOT_FOUND);
        }
        assertThat(AccessRules.on(OWN_COORDINATOR, Action.READ_HOLD, null, null).outcome()).isEqualTo(NOT_FOUND);
    }

    @Test
    void aTokenWithoutAKnownRoleReadsNothing() {
        Caller nobody = caller(Set.of(), PROVIDER, Set.of(REGION));
        for (Action action : Action.values()) {
            assertThat(AccessRules.on(nobody, action, PROVIDER, REGION).outcome()).as("%s", action)
                    .isEqualTo(FORBIDDEN);
        }
    }

    @Test
    void occupancyIsNeverHiddenOnlyRefusedAndAnotherRegionsCoordinatorIsToldWhy() {
        Decision foreign = AccessRules.on(FOREIGN_COORDINATOR, Action.READ_OCCUPANCY, null, REGION);

        assertThat(foreign.outcome()).isEqualTo(FORBIDDEN);
        assertThat(foreign.reason()).contains(REGION);
        Caller adminAndForeignCoordinator = caller(EnumSet.of(Role.ADMIN, Role.COORDINATOR), "beheer",
                Set.of("groningen"));
        assertThat(AccessRules.on(adminAndForeignCoordinator, Action.READ_OCCUPANCY, null, REGION).outcome())
                .isEqualTo(ALLOWED);
        Caller providerAndCoordinator = caller(EnumSet.of(Role.PROVIDER, Role.COORDINATOR), PROVIDER, Set.of(REGION));
        assertThat(AccessRules.on(providerAndCoordinator, Action.READ_OCCUPANCY, null, REGION).outcome())
                .isEqualTo(ALLOWED);
    }

    @Test
    void anAdministratorOfOtherRegionsOrOfNoneIsToldWhyItMayNotAdministerThisOne() {
        for (Set<String> regions : List.of(Set.of("groningen"), Set.<String>of())) {
            Decision decision = AccessRules.on(caller(Set.of(Role.ADMIN), "beheer", regions), Action.ADMINISTER, null,
                    REGION);
            assertThat(decision.outcome()).isEqualTo(FORBIDDEN);
            assertThat(decision.reason()).contains(REGION);
        }
        Caller coordinatorOfTheRegion = caller(Set.of(Role.COORDINATOR), "coordinatiepunt", Set.of(REGION));
        assertThat(AccessRules.on(coordinatorOfTheRegion, Action.ADMINISTER, null, REGION).outcome())
                .as("coordinating a region is not administering it").isEqualTo(FORBIDDEN);
    }

    @Test
    void aCallerWithSeveralRolesGetsWhatEitherRoleAllows() {
        Caller both = caller(EnumSet.of(Role.PROVIDER, Role.COORDINATOR), "stichting-vechtzorg", Set.of(REGION));

        assertThat(AccessRules.on(both, Action.READ_HOLD, PROVIDER, REGION).outcome())
                .as("a coordinator of the hold's region").isEqualTo(ALLOWED);
        assertThat(AccessRules.on(both, Action.CONFIRM_STAY, PROVIDER, REGION).outcome())
                .as("but not the hold's provider").isEqualTo(NOT_FOUND);
        assertThat(AccessRules.on(both, Action.CHANGE_LOCATION, PROVIDER, REGION).outcome())
                .isEqualTo(FORBIDDEN);
        assertThat(AccessRules.on(both, Action.CHANGE_LOCATION, "stichting-vechtzorg", REGION).outcome())
                .isEqualTo(ALLOWED);
    }

    @Test
    void refusalsAreProblemsAndA404RevealsNothingMoreThanAnUnknownHold() {
        Decision hidden = AccessRules.on(FOREIGN_PROVIDER, Action.READ_HOLD, PROVIDER, REGION);
        DomainException unknown = DomainException.notFound("Hold", "offer-1");

        assertThatThrownBy(() -> hidden.enforce("Hold", "offer-1")).isInstanceOfSatisfying(DomainException.class,
                problem -> {
                    assertThat(problem.kind()).isEqualTo(DomainException.Kind.NOT_FOUND);
                    assertThat(problem.title()).isEqualTo(unknown.title());
                    assertThat(problem.getMessage()).isEqualTo(unknown.getMessage());
                });
        assertThatThrownBy(() -> AccessRules.on(REFERRER, Action.CHANGE_LOCATION, PROVIDER, REGION)
                .enforce("Location", "loc-1")).isInstanceOfSatisfying(DomainException.class,
                problem -> assertThat(problem.kind()).isEqualTo(DomainException.Kind.FORBIDDEN));
        AccessRules.on(OWN_PROVIDER, Action.CHANGE_LOCATION, PROVIDER, REGION).enforce("Location", "loc-1");
    }

    @Test
    void propertiesOverRandomCallersAndResources() {
        List<String> organisations = List.of(PROVIDER, "stichting-vechtzorg", "huisartsenpost-drenthe");
        List<String> regions = List.of(REGION, "groningen", "friesland");
        PropertyRuns.forAllCases(500, random -> new Case(randomCaller(random, organisations, regions),
                        Action.values()[random.nextInt(Action.values().length)],
                        pickOrNull(random, organisations), pickOrNull(random, regions)),
                test -> {
                    Outcome outcome = AccessRules.on(test.caller(), test.action(), test.providerId(), test.region())
                            .outcome();
                    if (!AccessRules.byRole(test.caller(), test.action()).allowed()) {
                        assertThat(outcome).as("role first").isEqualTo(FORBIDDEN);
                        return;
                    }
                    switch (test.action()) {
                        case READ_SHARED -> assertThat(outcome).isEqualTo(ALLOWED);
                        case CHANGE_LOCATION -> assertThat(outcome)
                                .isEqualTo(test.caller().providesFor(test.providerId()) ? ALLOWED : FORBIDDEN);
                        case READ_HOLD -> assertThat(outcome).isEqualTo(test.caller().providesFor(test.providerId())
                                || test.caller().coordinates(test.region()) ? ALLOWED : NOT_FOUND);
                        case CONFIRM_STAY -> assertThat(outcome)
                                .isEqualTo(test.caller().providesFor(test.providerId()) ? ALLOWED : NOT_FOUND);
                        case READ_OCCUPANCY -> assertThat(outcome).isEqualTo(test.caller().is(Role.ADMIN)
                                || test.caller().coordinates(test.region()) ? ALLOWED : FORBIDDEN);
                        case ADMINISTER -> assertThat(outcome).isEqualTo(test.region() != null
                                && test.caller().regions().contains(test.region()) ? ALLOWED : FORBIDDEN);
                    }
                    if (test.providerId() == null && test.region() == null && test.action() != Action.READ_SHARED
                            && test.action() != Action.READ_OCCUPANCY) {
                        assertThat(outcome).as("nothing unknown is anyone's").isNotEqualTo(ALLOWED);
                    }
                });
    }

    private record Case(Caller caller, Action action, String providerId, String region) {
    }

    private static Caller randomCaller(Random random, List<String> organisations, List<String> regions) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Role role : Role.values()) {
            if (random.nextInt(3) == 0) {
                roles.add(role);
            }
        }
        List<String> coordinated = new ArrayList<>();
        for (String region : regions) {
            if (random.nextBoolean()) {
                coordinated.add(region);
            }
        }
        return caller(roles, pickOrNull(random, organisations), Set.copyOf(coordinated));
    }

    private static String pickOrNull(Random random, List<String> values) {
        int pick = random.nextInt(values.size() + 1);
        return pick == values.size() ? null : values.get(pick);
    }
}
