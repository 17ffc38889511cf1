package org.foolshap.attack;

import java.util.List;

/**
 * The lambda sweep (paper, Section 5): one {@link LambdaPoint} per lambda, the honest values (uniform weights on the
 * whole background), and the chosen lambda*: among lambdas detected less often than {@code threshold}, the one whose
 * mean target is smallest in absolute value (direction auto) or most extreme in the forced direction.
 *
 * @param best      index of lambda* in {@code points}, or -1 when every lambda was detected too often
 * @param honestPhi Phi of every feature with the whole background, mean of the coefficient rows
 * @param honestTarget the attacked coefficient with uniform weights (Phi_s for one sensitive feature)
 * @param direction +1 / -1 when forced, 0 for the paper's beta = sign(sum c)
 */
public record SweepResult(List<LambdaPoint> points, int best, double[] honestPhi, double honestTarget,
                          double threshold, int direction, double seconds) {
    public SweepResult {
        points = List.copyOf(points);
        honestPhi = honestPhi.clone();
    }

    @Override
    public double[] honestPhi() {
        return honestPhi.clone();
    }

    /** Whether some lambda stays under the detection threshold while moving the target the desired way. */
    public boolean succeeded() {
        if (best < 0) {
            return false;
        }
        double t = points.get(best).meanTarget();
        return direction == 0 ? Math.abs(t) < Math.abs(honestTarget) : direction * t < direction * honestTarget;
    }

    /** lambda*, the chosen point; throws when no lambda is stealthy enough. */
    public LambdaPoint chosen() {
        if (best < 0) {
            throw new IllegalStateException("every lambda was detected at least " + threshold
                    + " of the time: no stealthy lambda (try larger lambdas)");
        }
        return points.get(best);
    }

    public double[] lambdas() {
        return points.stream().mapToDouble(LambdaPoint::lambda).toArray();
    }

    public double[] detectionRates() {
        return points.stream().mapToDouble(LambdaPoint::detectionRate).toArray();
    }

    /** Mean manipulated Phi of feature i across lambdas (a curve for the figures). */
    public double[] meanPhi(int i) {
        return points.stream().mapToDouble(p -> p.meanPhi()[i]).toArray();
    }

    public double[] sdPhi(int i) {
        return points.stream().mapToDouble(p -> p.sdPhi()[i]).toArray();
    }

    /** Relative decrease of |target| at lambda*: 0.9 means a 90% smaller amplitude; NaN without lambda*. */
    public double relativeDecrease() {
        return best < 0 ? Double.NaN : 1 - Math.abs(points.get(best).meanTarget()) / Math.abs(honestTarget);
    }
}
