package nl.adempauze.benchmarks.load;

/** What a load step reads of the system besides its own figures: CPU per process, and the system's counters. */
public record Probes(CpuUse cpu, SystemCounters counters) {
}
