package nl.adempauze.benchmarks.load;

/** What a load step reads of the system besides its own figures: CPU per process, where work waits, work done. */
public record Probes(CpuUse cpu, Backlog backlog, WorkCounters work) {
}
