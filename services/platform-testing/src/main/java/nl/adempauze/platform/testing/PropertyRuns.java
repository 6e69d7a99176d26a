package nl.adempauze.platform.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A small property-test runner on plain JUnit Jupiter: runs a property against many generated cases (or sequences
 * of steps), each from its own seed; on failure it reports the seed, so the run can be repeated exactly with
 * {@code -Dadempauze.property.seed=<seed>}, and shrinks a sequence by dropping steps while it still fails. The number
 * of tries can be raised with {@code -Dadempauze.property.tries=<n>}.
 *
 * <p>Why not jqwik: from version 1.10 jqwik carries an Anti-AI Usage Clause asking AI agents not to use it, and this
 * code base is written with AI agents. The other Java property-testing libraries are unmaintained.
 */
public final class PropertyRuns {

    private PropertyRuns() {
    }

    /** Checks a property of single generated cases; a failure names the case and its seed. */
    public static <T> void forAllCases(int tries, Function<Random, T> generator, Consumer<T> property) {
        long base = Long.getLong("adempauze.property.seed", new Random().nextLong());
        int runs = Integer.getInteger("adempauze.property.tries", tries);
        boolean fixed = System.getProperty("adempauze.property.seed") != null;
        for (int run = 0; run < (fixed ? 1 : runs); run++) {
            long seed = base + run;
            T value = generator.apply(new Random(seed));
            AssertionError failure = failureOf(property, value);
            if (failure != null) {
                throw new AssertionError("Property failed for seed " + seed + " (repeat with "
                        + "-Dadempauze.property.seed=" + seed + ") on " + value + "\n" + failure.getMessage(), failure);
            }
        }
    }

    /** Checks a property of generated sequences of steps; a failing sequence is shrunk before it is reported. */
    public static <S> void forAll(int tries, Function<Random, List<S>> generator, Consumer<List<S>> property) {
        long base = Long.getLong("adempauze.property.seed", new Random().nextLong());
        int runs = Integer.getInteger("adempauze.property.tries", tries);
        boolean fixed = System.getProperty("adempauze.property.seed") != null;
        for (int run = 0; run < (fixed ? 1 : runs); run++) {
            long seed = base + run;
            List<S> steps = generator.apply(new Random(seed));
            AssertionError failure = failureOf(property, steps);
            if (failure != null) {
                List<S> smallest = shrink(property, steps);
                AssertionError reported = new AssertionError("Property failed for seed " + seed + " (repeat with "
                        + "-Dadempauze.property.seed=" + seed + ") after " + steps.size() + " steps; shrunk to "
                        + smallest.size() + " steps:\n  " + String.join("\n  ",
                        smallest.stream().map(String::valueOf).toList()) + "\n" + failureOf(property, smallest)
                        .getMessage(), failure);
                throw reported;
            }
        }
    }

    private static <T> AssertionError failureOf(Consumer<T> property, T steps) {
        try {
            property.accept(steps);
            return null;
        } catch (AssertionError e) {
            return e;
        } catch (RuntimeException e) {
            return new AssertionError("Threw " + e, e);
        }
    }

    /** Drops steps one at a time, from the end, as long as the rest still fails. */
    private static <S> List<S> shrink(Consumer<List<S>> property, List<S> steps) {
        List<S> current = new ArrayList<>(steps);
        boolean dropped = true;
        while (dropped) {
            dropped = false;
            for (int i = current.size() - 1; i >= 0; i--) {
                List<S> candidate = new ArrayList<>(current);
                candidate.remove(i);
                if (failureOf(property, candidate) != null) {
                    current = candidate;
                    dropped = true;
                }
            }
        }
        return current;
    }
}
