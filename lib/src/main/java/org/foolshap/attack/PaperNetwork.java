package org.foolshap.attack;

/**
 * The paper's minimum-cost flow exactly as published (Section 4.2): complete bipartite network, N^2 arcs, solved by
 * JGraphT's capacity scaling. Only a reference, for cross-checks and benchmarks: {@link FoolShapWeights} gives the
 * same optimum in O(N log N) and {@link CappedWeights} the capped one on O(N) arcs. Limited to N = 2000.
 */
public final class PaperNetwork {
    private PaperNetwork() {
    }

    /** Optimal weights for beta c + lambda W1 with at most {@code cap} units per point ({@code cap = N}: uncapped). */
    public static Weights solve(double[] c, double[] f, double beta, double lambda, int cap) {
        Checks.finite("coefficients", c);
        Checks.finite("outputs", f);
        Checks.sameLength("coefficients", c, "outputs", f);
        Checks.sign(beta);
        Checks.lambda(lambda);
        if (cap < 1) {
            throw new IllegalArgumentException("the cap must be at least 1 unit per point, got " + cap);
        }
        return TransportNetwork.complete(c, f, beta, lambda, Math.min(cap, c.length));
    }
}
