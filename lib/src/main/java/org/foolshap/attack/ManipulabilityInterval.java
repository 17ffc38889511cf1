package org.foolshap.attack;

import org.foolshap.audit.Auditor;

/**
 * What an honest analyst should report next to a SHAP value (beyond the paper): the range of Phi_s reachable by
 * reweighting the background while the detector accepts the biased samples often enough. Runs the
 * {@link LambdaSweep} twice with beta forced to +1 (push Phi_s down) and -1 (push it up); each side takes the most
 * extreme mean Phi_s among lambdas detected less than the sweep's threshold, or the honest value if none is.
 * Limits: a lower bound on the true range (the sweep is a grid, the weights are the Fool SHAP family), under the
 * paper's output-only detector.
 */
public final class ManipulabilityInterval {
    private final LambdaSweep sweep;

    private ManipulabilityInterval(LambdaSweep sweep) {
        this.sweep = sweep;
    }

    /** Uses the given sweep's lambdas, repeats, M, threshold and seed. */
    public static ManipulabilityInterval of(LambdaSweep sweep) {
        return new ManipulabilityInterval(sweep);
    }

    /**
     * @param low    smallest stealthy Phi_s
     * @param high   largest stealthy Phi_s
     * @param honest Phi_s with the whole background
     * @param down   the sweep pushing down
     * @param up     the sweep pushing up
     */
    public record Result(double low, double high, double honest, SweepResult down, SweepResult up) {
        public double width() {
            return high - low;
        }
    }

    public Result run(double[][] coefficients, int sensitive, double[] backgroundOutputs, double[] s0Outputs,
                      Auditor auditor) {
        SweepResult down = sweep.withDirection(1).run(coefficients, sensitive, backgroundOutputs, s0Outputs, auditor);
        SweepResult up = sweep.withDirection(-1).run(coefficients, sensitive, backgroundOutputs, s0Outputs, auditor);
        return result(down, up);
    }

    /** The interval on an audit setting's coefficients, for its sensitive feature. */
    public Result run(org.foolshap.shap.CoefficientMatrix coefficients, Auditor auditor) {
        return result(sweep.withDirection(1).run(coefficients, auditor),
                sweep.withDirection(-1).run(coefficients, auditor));
    }

    private static Result result(SweepResult down, SweepResult up) {
        double honest = down.honestTarget();
        double low = down.chosen().map(p -> Math.min(honest, p.meanTarget())).orElse(honest);
        double high = up.chosen().map(p -> Math.max(honest, p.meanTarget())).orElse(honest);
        return new Result(low, high, honest, down, up);
    }
}
