package nl.adempauze.requestmatching.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.adempauze.contracts.whatif.TodaySettings;
import nl.adempauze.contracts.whatif.WhatIfJob;
import nl.adempauze.contracts.whatif.WhatIfSettings;
import nl.adempauze.platform.domain.DomainException;
import nl.adempauze.requestmatching.domain.CareTypeRule;
import nl.adempauze.requestmatching.domain.WhatIfRun;
import nl.adempauze.requestmatching.domain.WhatIfSettingsRules;
import nl.adempauze.requestmatching.persistence.ReferenceDataRepository;
import nl.adempauze.requestmatching.persistence.ReplicaRepository;
import nl.adempauze.requestmatching.persistence.WhatIfRunRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A coordinator's what-if: checks the settings against the region, records the run with the region's settings of
 * today, and has the simulator replay the year in a process of its own ({@link WhatIfProcess}); the run's row says
 * when it is done. One run at a time in the whole installation (the table's unique index), bounded in months and in
 * time: a replay never takes the live services' CPU or memory.
 */
@Service
public class WhatIfRuns {

    private static final Logger log = LoggerFactory.getLogger(WhatIfRuns.class);
    static final int DEFAULT_MONTHS = 12;

    private final WhatIfRunRepository runs;
    private final ReferenceDataRepository referenceData;
    private final ReplicaRepository replica;
    private final WhatIfProcess process;
    private final Clock clock;
    private final List<String> seedFiles;
    private final long seed;

    public WhatIfRuns(WhatIfRunRepository runs, ReferenceDataRepository referenceData, ReplicaRepository replica,
                      WhatIfProcess process, Clock clock,
                      @Value("${adempauze.what-if.seed-files:}") List<String> seedFiles,
                      @Value("${adempauze.what-if.seed:20261204}") long seed) {
        this.runs = runs;
        this.referenceData = referenceData;
        this.replica = replica;
        this.process = process;
        this.clock = clock;
        this.seedFiles = seedFiles.stream().filter(file -> !file.isBlank()).toList();
        this.seed = seed;
    }

    /** Starts a run of the region's year under {@code settings}; 409 while another runs, 503 without a runner. */
    public Mono<WhatIfRun> start(String region, WhatIfSettings settings, String requestedBy) {
        if (!process.available() || seedFiles.isEmpty()) {
            return Mono.error(new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                    "What-ifs are not set up on this installation (adempauze.what-if.command and seed-files)"));
        }
        WhatIfSettings asked = settings.months() != null ? settings : new WhatIfSettings(settings.protection(),
                settings.releaseHorizonHours(), settings.crisisResponseMinutes(), settings.plannedResponseMinutes(),
                settings.extraBeds(), settings.border(), DEFAULT_MONTHS);
        Mono<Map<String, CareTypeRule>> careTypes = referenceData.careTypes(region)
                .collectMap(CareTypeRule::code, Function.identity());
        Mono<Set<String>> locations = replica.locationIds(region).collect(Collectors.toSet());
        return Mono.zip(careTypes, locations, referenceData.neighbours(region))
                .flatMap(known -> {
                    if (known.getT1().isEmpty()) {
                        return Mono.error(DomainException.notFound("Region", region));
                    }
                    WhatIfSettingsRules.check(asked, known.getT1(), known.getT2());
                    Instant now = clock.instant();
                    WhatIfRun run = WhatIfRun.started(region, requestedBy, now, asked,
                            new TodaySettings(known.getT1().values().stream().sorted(
                                    Comparator.comparing(CareTypeRule::code)).map(WhatIfRuns::today)
                                    .toList(), known.getT3()));
                    return runs.failAbandoned(now.minus(process.timeLimit()).minus(Duration.ofMinutes(1)),
                                    "De berekening is onderbroken (de dienst stopte). Start haar opnieuw.", now)
                            .then(runs.insert(run));
                })
                .doOnNext(this::launch);
    }

    public Mono<WhatIfRun> find(String region, UUID id) {
        return runs.find(region, id).switchIfEmpty(Mono.error(DomainException.notFound("What-if", id.toString())));
    }

    /** The region's latest ten runs, newest first. */
    public Flux<WhatIfRun> latest(String region) {
        return runs.latest(region, 10);
    }

    private void launch(WhatIfRun run) {
        WhatIfJob job = new WhatIfJob(run.region(), seedFiles, seed, run.settings().months(), run.today(),
                run.settings());
        Mono.fromCallable(() -> process.run(job))
                .subscribeOn(Schedulers.boundedElastic())
                .map(ending -> ending.outcome() != null ? run.done(ending.outcome(), clock.instant())
                        : run.failed(ending.failure(), clock.instant()))
                .flatMap(runs::finish)
                .subscribe(done -> { }, failure -> log.warn("What-if {} could not be finished", run.id(), failure));
    }

    private static TodaySettings.CareType today(CareTypeRule rule) {
        CareTypeRule.Protection protection = rule.protection();
        return new TodaySettings.CareType(rule.code(), rule.name(), rule.fundingStream(),
                (int) rule.crisisResponse().toMinutes(), (int) rule.plannedResponse().toMinutes(),
                (int) rule.admissionDeadline().toHours(), rule.plannedBooking(), rule.minStayNights(),
                rule.maxStayNights(), protection == null ? null : protection.protectedBeds(),
                protection == null ? null : protection.protectedShare(),
                protection == null ? null : (int) protection.releaseHorizon().toHours());
    }
}
