package nl.adempauze.simulator.demand;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the generators draw from. Each default names its source or says it is an assumption; the table in
 * docs/WHAT-IF.md repeats them. Rates are per 100,000 inhabitants per year, so a region's size scales demand and beds.
 *
 * @param careTypes       demand and beds per care type
 * @param crisisByHour    relative crisis arrival rate per hour of the day (0-23)
 * @param crisisByWeekday relative crisis arrival rate per day of the week (Monday first)
 * @param plannedLeadDays range of days between submitting a planned stay and its wanted first night
 * @param plannedNights   range of nights of a planned stay (not a weekend stay)
 * @param weekendShare    share of planned stays asked as "a weekend in month X"
 * @param flexibleShare   share of planned stays that may move; they move at most {@code maxFlexibleDays} either way
 * @param seriesShare     share of planned requests that are a series (one stay a month, {@code seriesTimes} times)
 * @param needs           per need, the share of requests that have it (needs are independent)
 * @param insurerShares   market share of each health insurer among the region's patients
 * @param declineShare    per urgency, the share of offers a provider declines
 * @param declineReasons  per urgency, how declines split over the reasons (names of {@code DeclineReason})
 * @param meanAnswerMinutes per urgency, the mean time a provider takes to answer an offer (exponential)
 */
public record DemandParameters(List<CareTypeDemand> careTypes, double[] crisisByHour, double[] crisisByWeekday,
                               int[] plannedLeadDays, int[] plannedNights, double weekendShare,
                               double flexibleShare, int maxFlexibleDays, double seriesShare, int seriesTimes,
                               Map<String, Double> needs, Map<String, Double> insurerShares,
                               Map<String, Double> declineShare, Map<String, Map<String, Double>> declineReasons,
                               Map<String, Double> meanAnswerMinutes) {

    public Optional<CareTypeDemand> of(String careType) {
        return careTypes.stream().filter(demand -> demand.careType().equals(careType)).findFirst();
    }

    /**
     * Defaults for a region like Drenthe. ELV: persons with eerstelijnsverblijf in 2018 in the Netherlands (Monitor
     * Langdurige Zorg, staatvenz.nl/kerncijfers/eerstelijnsverblijf: low complex 12,405, high complex 19,610,
     * palliative 6,420) over 17.3 million inhabitants; every other figure is an assumption (docs/WHAT-IF.md).
     */
    public static DemandParameters drenthe() {
        return new DemandParameters(
                List.of(
                        // ELV rates: national users 2018 / 173 (hundred-thousands of inhabitants); stays: assumption
                        new CareTypeDemand("ELV_LAAG", 12_405 / 173.0, 21, 0, 4.6),
                        new CareTypeDemand("ELV_HOOG", 19_610 / 173.0, 28, 0, 9.9),
                        new CareTypeDemand("ELV_PALLIATIEF", 6_420 / 173.0, 12, 0, 1.6),
                        // assumption: about 45,000 GRZ admissions a year nationally, 35 nights on average
                        new CareTypeDemand("GRZ", 260, 35, 0, 28),
                        // assumption: Wlz crisis stays, at most the care type's 14 nights
                        new CareTypeDemand("WLZ_CRISIS", 30, 9, 0, 1.0),
                        // assumption: respite beds are short and crisis takes them too (seed 002: "alle planbare
                        // bedden gaan naar crisis/spoed")
                        new CareTypeDemand("WLZ_LOGEER", 22, 7, 110, 1.6),
                        new CareTypeDemand("WMO_LOGEER", 22, 7, 130, 1.9)),
                // assumption: GPs, out-of-hours posts and transfer desks call mostly in office hours
                new double[] {0.3, 0.25, 0.2, 0.2, 0.2, 0.25, 0.4, 0.7, 1.2, 1.6, 1.7, 1.6, 1.4, 1.5, 1.6, 1.6, 1.5,
                        1.3, 1.0, 0.9, 0.8, 0.7, 0.5, 0.4},
                // assumption: fewer transfers at weekends
                new double[] {1.15, 1.1, 1.05, 1.05, 1.1, 0.8, 0.75},
                new int[] {3, 90}, // assumption (carers also ask at short notice)
                new int[] {2, 7}, // assumption
                0.3, // assumption
                0.6, 3, // assumption; seed 001: carers ask for flexible use of respite
                0.224, 3, // seed 001: 22.4 % need structural respite; 3 monthly stays: assumption
                Map.of("DEMENTIA", 0.25, "OXYGEN", 0.04, "ISOLATION", 0.03, "BARIATRIC", 0.02,
                        "PARTNER_STAY", 0.03), // assumption
                Map.of("zilveren-kruis", 0.28, "menzis", 0.22, "cz", 0.14, "vgz", 0.14, "de-friesland", 0.10,
                        "dsw", 0.06, "eno", 0.06), // assumption (rough market shares in the north)
                Map.of("CRISIS", 0.25, "PLANNED", 0.15), // assumption
                Map.of("CRISIS", Map.of("NO_STAFF", 0.35, "CARE_TOO_COMPLEX", 0.25, "NO_BED", 0.15,
                                "NEEDS_NOT_MET", 0.10, "OTHER", 0.15),
                        "PLANNED", Map.of("DATES_NOT_SUITABLE", 0.45, "NO_STAFF", 0.25, "NEEDS_NOT_MET", 0.10,
                                "OTHER", 0.20)), // assumption
                Map.of("CRISIS", 12.0, "PLANNED", 8 * 60.0)); // assumption
    }
}
