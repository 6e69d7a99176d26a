package nl.adempauze.simulator;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The command's options: {@code -seed N}, {@code -region ID} (the focus region of the table), {@code -csv}, and
 * the what-if settings; any of these adds a "what-if" line beside the baselines: {@code -protect CARE_TYPE=N}
 * (beds) or {@code =0.5} (share; {@code =none} drops the rule), {@code -release-hours H},
 * {@code -crisis-response-minutes M}, {@code -planned-response-minutes M}, {@code -extra-beds LOCATION/CARE_TYPE=N},
 * {@code -border on|off}.
 */
public record WhatIfOptions(long seed, String region, boolean csv, Scenario whatIf) {

    public static WhatIfOptions parse(String... args) {
        long seed = 20261204L;
        String region = "drenthe";
        boolean csv = false;
        boolean changed = false;
        Map<String, Scenario.Protection> protection = new HashMap<>();
        Map<String, Integer> extraBeds = new HashMap<>();
        Duration release = null;
        Duration crisisResponse = null;
        Duration plannedResponse = null;
        boolean border = true;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("-csv")) {
                csv = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("Option " + option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "-seed" -> seed = Long.parseLong(value);
                case "-region" -> region = value;
                case "-protect" -> {
                    String[] kv = value.split("=", 2);
                    protection.put(kv[0], kv[1].equals("none") ? new Scenario.Protection(null, null)
                            : kv[1].contains(".") ? new Scenario.Protection(null, Double.parseDouble(kv[1]))
                            : new Scenario.Protection(Integer.parseInt(kv[1]), null));
                    changed = true;
                }
                case "-release-hours" -> {
                    release = Duration.ofHours(Long.parseLong(value));
                    changed = true;
                }
                case "-crisis-response-minutes" -> {
                    crisisResponse = Duration.ofMinutes(Long.parseLong(value));
                    changed = true;
                }
                case "-planned-response-minutes" -> {
                    plannedResponse = Duration.ofMinutes(Long.parseLong(value));
                    changed = true;
                }
                case "-extra-beds" -> {
                    String[] kv = value.split("=", 2);
                    extraBeds.merge(kv[0], Integer.parseInt(kv[1]), Integer::sum);
                    changed = true;
                }
                case "-border" -> {
                    border = !value.equals("off");
                    changed = true;
                }
                default -> throw new IllegalArgumentException("Unknown option " + option);
            }
        }
        Scenario whatIf = changed ? new Scenario("what-if", Scenario.Ranking.RANKER, false, protection, release,
                crisisResponse, plannedResponse, extraBeds, border) : null;
        return new WhatIfOptions(seed, region, csv, whatIf);
    }
}
