package nl.adempauze.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.adempauze.contracts.Nights;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Issue 18's acceptance, through the front door on the whole stack: as coordinator-drenthe, a what-if with one more
 * protected Wlz logeer bed (a bed more at the Assen logeerhuis, and two beds per location protected where today
 * protects one) replays half of Drenthe's year (the whole year is docs/WHAT-IF.md's run; half keeps CI short)
 * through the simulator, in a process of its own, and shows its effect on
 * planned nights and nights taken by crisis and on crisis placement within the deadline, beside today's; the same
 * measures as CSV. And the region's own requests of a day replayed instead of a generated year.
 */
class WhatIfEndToEndTest {

    private static final E2eStack stack = E2eStack.get();

    @RegisterExtension
    static final CrisisScenario crisis = CrisisScenario.perTestClass(stack, 3);

    @Test
    void oneMoreProtectedWlzLogeerBedShowsItsEffectBesideToday() {
        ResponseEntity<Map> started = stack.as(E2eStack.COORDINATOR).post().uri("/api/v1/regions/drenthe/what-if")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("""
                        {"protection":[{"careType":"WLZ_LOGEER","protectedBeds":2}],
                         "extraBeds":[{"locationId":"loc-assen-logeerhuis-peelo","careType":"WLZ_LOGEER","beds":1}],
                         "months":6}""")
                .retrieve().toEntity(Map.class).block();
        assertThat(started.getStatusCode().value()).isEqualTo(202);
        String location = started.getHeaders().getLocation().toString();

        await("half a year replayed").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(2))
                .until(() -> !"RUNNING".equals(run(location).get("status")));
        Map<?, ?> run = run(location);
        assertThat(run.get("status")).as("failure: %s", run.get("failure")).isEqualTo("DONE");
        Map<?, ?> outcome = (Map<?, ?>) run.get("outcome");
        assertThat(outcome.get("from")).isEqualTo("2027-01-01");
        assertThat(outcome.get("to")).isEqualTo("2027-06-30");
        List<Map<?, ?>> rows = ((List<?>) outcome.get("rows")).stream().<Map<?, ?>>map(row -> (Map<?, ?>) row)
                .toList();
        assertThat(rows.stream().map(row -> String.valueOf(row.get("policy"))).toList()).containsExactly("TODAY", "WHAT_IF");
        Map<?, ?> today = rows.get(0);
        Map<?, ?> whatIf = rows.get(1);

        // the same year under both: the same requests
        assertThat(whatIf.get("crisisRequests")).isEqualTo(today.get("crisisRequests"));
        assertThat(number(today, "crisisRequests")).isGreaterThan(1000);
        // a protected bed more books more planned nights; crisis placement in time and the nights crisis takes
        // from respite beds are measured under both
        assertThat(number(whatIf, "plannedNightsBooked")).isGreaterThan(number(today, "plannedNightsBooked"));
        for (Map<?, ?> row : rows) {
            assertThat(number(row, "crisisInTimeShare")).isBetween(0.5, 1.0);
            assertThat(row.get("plannedNightsDisplaced")).isNotNull();
            assertThat(number(row, "shareOfOptimum")).isBetween(0.5, 1.0);
        }

        String csv = stack.as(E2eStack.COORDINATOR).get().uri(location + "/table.csv").retrieve()
                .bodyToMono(String.class).block();
        Map<String, List<String>> byMeasure = Arrays.stream(csv.split("\r\n")).skip(1)
                .map(line -> Arrays.asList(line.split(",", -1)))
                .collect(Collectors.toMap(cells -> cells.get(0), cells -> cells.subList(1, cells.size())));
        assertThat(byMeasure.get("planned_nights_displaced")).startsWith(
                String.valueOf(today.get("plannedNightsDisplaced")), String.valueOf(whatIf.get("plannedNightsDisplaced")));
        assertThat(byMeasure.get("crisis_placed_in_time")).startsWith(
                String.valueOf(today.get("crisisPlacedInTime")), String.valueOf(whatIf.get("crisisPlacedInTime")));
    }

    @Test
    void theRegionsOwnRequestsOfTodayAreReplayed() {
        crisis.submit();
        String today = LocalDate.now(Nights.ZONE).toString();
        ResponseEntity<Map> started = stack.as(E2eStack.COORDINATOR).post().uri("/api/v1/regions/drenthe/what-if")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"history\":{\"from\":\"" + today + "\",\"to\":\"" + today + "\"},"
                        + "\"releaseHorizonHours\":24}")
                .retrieve().toEntity(Map.class).block();
        String location = started.getHeaders().getLocation().toString();

        await("today replayed").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                .until(() -> !"RUNNING".equals(run(location).get("status")));
        Map<?, ?> run = run(location);
        assertThat(run.get("status")).as("failure: %s", run.get("failure")).isEqualTo("DONE");
        Map<?, ?> outcome = (Map<?, ?>) run.get("outcome");
        assertThat(outcome.get("from")).isEqualTo(today);
        assertThat(outcome.get("to")).isEqualTo(today);
        Map<?, ?> replayedToday = (Map<?, ?>) ((List<?>) outcome.get("rows")).get(0);
        assertThat(number(replayedToday, "crisisRequests")).isPositive();
    }

    private static Map<?, ?> run(String location) {
        return stack.as(E2eStack.COORDINATOR).get().uri(location).retrieve().bodyToMono(Map.class).block();
    }

    private static double number(Map<?, ?> row, String field) {
        return ((Number) row.get(field)).doubleValue();
    }
}
