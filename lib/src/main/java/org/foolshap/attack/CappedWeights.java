package org.foolshap.attack;

/**
 * The Fool SHAP reweighting with a cap on each point's weight, w_i <= K / N (at most K of the N units of mass): the
 * biased sample then repeats rows less, which the duplicate-rows audit looks for. The cap binds, so the plan no
 * longer decomposes per point as in {@link FoolShapWeights}: it is a transportation problem, solved exactly as the
 * paper's minimum-cost flow (Section 4.2) with source -> left_i capacity K instead of N, by JGraphT's capacity
 * scaling. Because the transport cost is a distance on the line, the N^2 bipartite arcs are replaced by 2(N - 1)
 * arcs between neighbours in output order (proof in {@code TransportNetwork.line}): O(N) arcs instead of N^2.
 * With K >= N it returns the uncapped optimum. The weights' {@code target} is -1 (the line flow does not pair units).
 */
public final class CappedWeights {
    /** Largest background the capped solver accepts (JGraphT's capacity scaling takes minutes at N = 32,650). */
    public static final int MAX_POINTS = 5000;

    private final double lambda;
    private final int cap;

    private CappedWeights(double lambda, int cap) {
        this.lambda = lambda;
        this.cap = cap;
    }

    /** Lambda > 0 and at most {@code cap} >= 1 units (of N) per point. */
    public static CappedWeights of(double lambda, int cap) {
        if (cap < 1) {
            throw new IllegalArgumentException("the cap K must be at least 1 unit per point, got " + cap);
        }
        return new CappedWeights(Checks.lambda(lambda), cap);
    }

    public CappedWeights withLambda(double lambda) {
        return new CappedWeights(Checks.lambda(lambda), cap);
    }

    public CappedWeights withCap(int cap) {
        return of(lambda, cap);
    }

    public int cap() {
        return cap;
    }

    public double lambda() {
        return lambda;
    }

    public Weights solve(double[] c, double[] f) {
        Checks.finite("coefficients", c);
        return solve(c, f, FoolShapWeights.direction(c));
    }

    public Weights solve(double[] c, double[] f, double beta) {
        Checks.finite("coefficients", c);
        Checks.finite("outputs", f);
        Checks.sameLength("coefficients", c, "outputs", f);
        Checks.sign(beta);
        if (c.length > MAX_POINTS) {
            throw new IllegalArgumentException("the capped attack solves a min-cost flow (about 1.4 s at N = 2000, "
                    + "superlinear); N = " + c.length + " is above " + MAX_POINTS + ": subsample the background");
        }
        return TransportNetwork.line(c, f, beta, lambda, Math.min(cap, c.length));
    }
}
