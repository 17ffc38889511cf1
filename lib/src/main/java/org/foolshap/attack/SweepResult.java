package org.foolshap.attack;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import org.foolshap.Tabular;
import org.foolshap.model.OutputScale;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * The lambda sweep (paper, Section 5): one {@link LambdaPoint} per lambda, the honest values (uniform weights on the
 * whole background), and the chosen lambda*: among lambdas detected less often than {@code threshold}, the one whose
 * mean target is smallest in absolute value (direction auto) or most extreme in the forced direction. It carries
 * what its figures need: feature names, the attacked feature, the output scale and the auditor's significance.
 *
 * @param best         index of lambda* in {@code points}; empty when every lambda was detected too often
 * @param honestPhi    Phi of every feature with the whole background, mean of the coefficient rows
 * @param honestTarget the attacked coefficient with uniform weights (Phi_s for one sensitive feature)
 * @param threshold    the stealth threshold: lambda* is detected in less than this fraction of audits
 * @param direction    +1 / -1 when forced, 0 for the paper's beta = sign(sum c)
 * @param features     feature names, in the order of {@link LambdaPoint#meanPhi()}
 * @param target       the attacked feature's name (or a description of a combined target)
 * @param scale        the explained output's scale
 * @param significance the auditor's total level alpha used in the simulated audits
 */
public record SweepResult(List<LambdaPoint> points, OptionalInt best, double[] honestPhi, double honestTarget,
                          double threshold, int direction, double seconds, List<String> features, String target,
                          OutputScale scale, double significance) implements Tabular {
    public SweepResult {
        points = List.copyOf(points);
        honestPhi = honestPhi.clone();
        features = List.copyOf(features);
        if (features.size() != honestPhi.length) {
            throw new IllegalArgumentException(features.size() + " feature names for " + honestPhi.length
                    + " attributions");
        }
    }

    /** The lower tier's form: {@code best} -1 for none, features named x0, x1, ..., probability scale, alpha 0.05. */
    public SweepResult(List<LambdaPoint> points, int best, double[] honestPhi, double honestTarget, double threshold,
                       int direction, double seconds) {
        this(points, best < 0 ? OptionalInt.empty() : OptionalInt.of(best), honestPhi, honestTarget, threshold,
                direction, seconds, IntStream.range(0, honestPhi.length).mapToObj(i -> "x" + i).toList(), "target",
                OutputScale.PROBABILITY, 0.05);
    }

    @Override
    public double[] honestPhi() {
        return honestPhi.clone();
    }

    /** Whether some lambda stays under the detection threshold while moving the target the desired way. */
    public boolean succeeded() {
        if (best.isEmpty()) {
            return false;
        }
        double t = points.get(best.getAsInt()).meanTarget();
        return direction == 0 ? Math.abs(t) < Math.abs(honestTarget) : direction * t < direction * honestTarget;
    }

    /** lambda*, the chosen point; empty when no lambda is stealthy enough (try larger lambdas). */
    public Optional<LambdaPoint> chosen() {
        return best.isEmpty() ? Optional.empty() : Optional.of(points.get(best.getAsInt()));
    }

    /** The point detected least often (the attacker's fallback when none is stealthy), first on ties. */
    public LambdaPoint leastDetected() {
        LambdaPoint least = points.get(0);
        for (LambdaPoint p : points) {
            if (p.detections() < least.detections()) {
                least = p;
            }
        }
        return least;
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

    public double[] meanPhi(String feature) {
        return meanPhi(index(feature));
    }

    public double[] sdPhi(int i) {
        return points.stream().mapToDouble(p -> p.sdPhi()[i]).toArray();
    }

    /** [lambda][feature] mean manipulated Phi. */
    public double[][] meanPhi() {
        return points.stream().map(LambdaPoint::meanPhi).toArray(double[][]::new);
    }

    /** [lambda][feature] standard deviation of the manipulated Phi over the audited draws. */
    public double[][] sdPhi() {
        return points.stream().map(LambdaPoint::sdPhi).toArray(double[][]::new);
    }

    public int index(String feature) {
        int i = features.indexOf(feature);
        if (i < 0) {
            throw new IllegalArgumentException("feature " + feature + " is not one of " + features);
        }
        return i;
    }

    /** Relative decrease of |target| at lambda*: 0.9 means a 90% smaller amplitude; NaN without lambda*. */
    public double relativeDecrease() {
        return chosen().map(p -> 1 - Math.abs(p.meanTarget()) / Math.abs(honestTarget)).orElse(Double.NaN);
    }

    /**
     * One row per lambda: lambda, detection rate, stealthy (rate below the threshold), chosen (lambda*), the mean
     * target, the weights' support, then the mean Phi of every feature.
     */
    @Override
    public Table toTable() {
        int n = points.size();
        boolean[] stealthy = new boolean[n];
        boolean[] chosen = new boolean[n];
        for (int k = 0; k < n; k++) {
            stealthy[k] = points.get(k).detectionRate() < threshold;
            chosen[k] = best.isPresent() && best.getAsInt() == k;
        }
        Table t = Table.create("lambda sweep").addColumns(
                DoubleColumn.create("lambda", lambdas()),
                DoubleColumn.create("detection_rate", detectionRates()),
                BooleanColumn.create("stealthy", stealthy),
                BooleanColumn.create("chosen", chosen),
                DoubleColumn.create("mean_" + target, points.stream().mapToDouble(LambdaPoint::meanTarget).toArray()),
                IntColumn.create("support", points.stream().mapToInt(p -> p.weights().support()).toArray()));
        for (int i = 0; i < features.size(); i++) {
            t.addColumns(DoubleColumn.create("phi_" + features.get(i), meanPhi(i)));
        }
        return t;
    }

    @Override
    public String toString() {
        String star = chosen().map(p -> String.format(java.util.Locale.ROOT,
                "lambda* = %.3g detected in %.0f%% of %d audits; mean Phi(%s) %.4f -> %.4f (%.0f%% smaller)",
                p.lambda(), 100 * p.detectionRate(), p.repeats(), target, honestTarget, p.meanTarget(),
                100 * relativeDecrease())).orElse("no lambda detected in less than " + Math.round(100 * threshold)
                + "% of audits: no stealthy lambda (try larger lambdas)");
        return String.format(java.util.Locale.ROOT, "Lambda sweep: %d lambdas in %.1f s; %s", points.size(), seconds,
                star);
    }
}
