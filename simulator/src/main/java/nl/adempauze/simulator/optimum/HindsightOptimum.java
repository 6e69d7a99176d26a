package nl.adempauze.simulator.optimum;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * The most requests that could have been placed in time with every request known in advance: at most one stay per
 * request, at most the pool's beds on every night. Solved with OR-Tools: exactly as an integer program (SCIP) for
 * small instances, or as its linear relaxation (GLOP), whose value rounded down is an upper bound (stated as such).
 */
public final class HindsightOptimum {

    /** The optimum's value, whether it is exact or a bound, and how it was found. */
    public record Result(double value, boolean exact, String method, long millis) {
    }

    private HindsightOptimum() {
    }

    public static Result exact(HindsightInstance instance) {
        return solve(instance, true);
    }

    public static Result upperBound(HindsightInstance instance) {
        return solve(instance, false);
    }

    private static Result solve(HindsightInstance instance, boolean integer) {
        long started = System.nanoTime();
        Loader.loadNativeLibraries();
        MPSolver solver = MPSolver.createSolver(integer ? "SCIP" : "GLOP");
        if (solver == null) {
            throw new IllegalStateException("OR-Tools has no " + (integer ? "SCIP" : "GLOP") + " solver here");
        }
        MPObjective objective = solver.objective();
        objective.setMaximization();
        Map<String, MPConstraint> nights = new HashMap<>();
        int column = 0;
        for (HindsightInstance.Item item : instance.items()) {
            MPConstraint once = solver.makeConstraint(0, 1);
            for (StayOption option : item.options()) {
                MPVariable x = integer ? solver.makeIntVar(0, 1, "x" + column++)
                        : solver.makeNumVar(0, 1, "x" + column++);
                objective.setCoefficient(x, 1);
                once.setCoefficient(x, 1);
                int beds = instance.poolBeds().get(option.pool());
                for (int n = 0; n < option.nights(); n++) {
                    LocalDate night = option.firstNight().plusDays(n);
                    nights.computeIfAbsent(option.pool() + "@" + night, key -> solver.makeConstraint(0, beds))
                            .setCoefficient(x, 1);
                }
            }
        }
        MPSolver.ResultStatus status = solver.solve();
        if (status != MPSolver.ResultStatus.OPTIMAL) {
            throw new IllegalStateException("The hindsight problem was not solved to optimality: " + status);
        }
        double value = objective.value();
        long millis = (System.nanoTime() - started) / 1_000_000;
        solver.delete();
        return integer ? new Result(Math.round(value), true, "integer program (SCIP)", millis)
                : new Result(Math.floor(value + 1e-6), false, "linear relaxation (GLOP), rounded down", millis);
    }
}
