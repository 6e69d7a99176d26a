package nl.adempauze.requestmatching.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.adempauze.requestmatching.application.Figures;
import org.junit.jupiter.api.Test;

class FiguresCsvTest {

    private static final LocalDate FROM = LocalDate.of(2026, 11, 1);
    private static final LocalDate TO = LocalDate.of(2026, 11, 30);

    @Test
    void oneRowPerSectionUrgencyCareTypeAndKeyWithEmptyCellsForFiguresThatDoNotExist() {
        Figures figures = new Figures("drenthe", FROM, TO, List.of(), List.of(new Figures.UrgencyFigures("CRISIS",
                "ELV_HOOG", 2, 0, new Figures.TimeToPlacement(0, null, null), new Figures.WithinTarget(0, 0, null),
                Map.of(), Map.of("NO_CANDIDATE", 2L))));

        assertThat(FiguresCsv.render(figures)).isEqualTo("""
                region,from,to,section,urgency,careType,key,value\r
                drenthe,2026-11-01,2026-11-30,submitted,CRISIS,ELV_HOOG,count,2\r
                drenthe,2026-11-01,2026-11-30,placements,CRISIS,ELV_HOOG,count,0\r
                drenthe,2026-11-01,2026-11-30,timeToPlacement,CRISIS,ELV_HOOG,count,0\r
                drenthe,2026-11-01,2026-11-30,timeToPlacement,CRISIS,ELV_HOOG,medianMinutes,\r
                drenthe,2026-11-01,2026-11-30,timeToPlacement,CRISIS,ELV_HOOG,p90Minutes,\r
                drenthe,2026-11-01,2026-11-30,withinTarget,CRISIS,ELV_HOOG,placements,0\r
                drenthe,2026-11-01,2026-11-30,withinTarget,CRISIS,ELV_HOOG,withinTarget,0\r
                drenthe,2026-11-01,2026-11-30,withinTarget,CRISIS,ELV_HOOG,share,\r
                drenthe,2026-11-01,2026-11-30,escalations,CRISIS,ELV_HOOG,NO_CANDIDATE,2\r
                """);
    }

    @Test
    void theRespiteFiguresPerCareTypeFollowWithTheUrgencyTheyConcern() {
        Figures figures = new Figures("drenthe", FROM, TO, List.of(new Figures.CareTypeFigures("WMO_LOGEER", 6,
                new Figures.TakenByCrisis(1, 2), Map.of("NO_BED", 1L), new Figures.Waited(1, 12.5, 12.5),
                new Figures.WaitingNow(3, 48.0))), List.of());

        assertThat(FiguresCsv.render(figures).lines().skip(1).toList()).containsExactly(
                "drenthe,2026-11-01,2026-11-30,plannedNightsBooked,PLANNED,WMO_LOGEER,nights,6",
                "drenthe,2026-11-01,2026-11-30,protectedNightsTakenByCrisis,CRISIS,WMO_LOGEER,byRelease,1",
                "drenthe,2026-11-01,2026-11-30,protectedNightsTakenByCrisis,CRISIS,WMO_LOGEER,byOverride,2",
                "drenthe,2026-11-01,2026-11-30,waitedBeforeBooking,PLANNED,WMO_LOGEER,bookings,1",
                "drenthe,2026-11-01,2026-11-30,waitedBeforeBooking,PLANNED,WMO_LOGEER,averageHours,12.5",
                "drenthe,2026-11-01,2026-11-30,waitedBeforeBooking,PLANNED,WMO_LOGEER,maxHours,12.5",
                "drenthe,2026-11-01,2026-11-30,waitingListNow,PLANNED,WMO_LOGEER,length,3",
                "drenthe,2026-11-01,2026-11-30,waitingListNow,PLANNED,WMO_LOGEER,longestWaitHours,48.0");
    }

    @Test
    void cellsAreQuotedWhenNeededAndNeverReadAsAFormula() {
        assertThat(FiguresCsv.cell("NO_BED")).isEqualTo("NO_BED");
        assertThat(FiguresCsv.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(FiguresCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(FiguresCsv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(FiguresCsv.cell("=SUM(A1)")).isEqualTo("'=SUM(A1)");
        assertThat(FiguresCsv.cell("@cmd")).isEqualTo("'@cmd");
        assertThat(FiguresCsv.cell("-12.5")).isEqualTo("-12.5");
    }

    @Test
    void theFileIsNamedAfterRegionAndPeriodWithNothingElseInTheName() {
        Figures figures = new Figures("drenthe", FROM, TO, List.of(), List.of());
        assertThat(FiguresController.fileName(figures)).isEqualTo("adempauze-drenthe-2026-11-01-2026-11-30.csv");
        Figures odd = new Figures("a\"b/c d", FROM, TO, List.of(), List.of());
        assertThat(FiguresController.fileName(odd)).isEqualTo("adempauze-a_b_c_d-2026-11-01-2026-11-30.csv");
    }
}
