package org.foolshap.attack;

/**
 * The exact Fool SHAP reweighting of the whole background (paper, Section 4.2, the minimum-cost flow of Eq. 10),
 * in O(N log N) instead of a network simplex on N^2 arcs.
 *
 * <p>Problem. Background points j = 1..N have coefficients c_j = Phi_s(f, S_0', z_j) and outputs f_j. For lambda > 0
 * and beta = sign(sum_j c_j) find weights w on the simplex minimising
 * {@code beta * sum_j w_j c_j + lambda * W1(sum_j w_j delta_{f_j}, (1/N) sum_j delta_{f_j})}.
 *
 * <p>The paper's network: a source with supply N; arcs source -> left_i (capacity N, cost beta c_i);
 * left_i -> right_j (capacity 1, cost lambda |f_i - f_j|, all N^2 pairs); right_j -> sink (capacity 1). Weights
 * w_i = (flow into left_i) / N.
 *
 * <p>Claim: an optimal flow sends each right_j's unit from left_{t(j)} with
 * t(j) in argmin_i (beta c_i + lambda |f_i - f_j|). Proof. Write y_ij for the flow on left_i -> right_j and x_i for
 * that on source -> left_i. Conservation at left_i gives x_i = sum_j y_ij; the N units must all reach the sink
 * through N arcs of capacity 1, so sum_i y_ij = 1 for every j. Substituting x, the cost is
 * sum_j sum_i y_ij (beta c_i + lambda |f_i - f_j|). The remaining constraints are y >= 0, sum_i y_ij = 1 (which already
 * imply y_ij <= 1) and x_i = sum_j y_ij <= N (implied, since sum_i x_i = N): no constraint couples two different j.
 * So the LP splits into N independent problems, each minimising a linear function over the simplex
 * {y_.j >= 0, sum_i y_ij = 1}, whose minimum is at a vertex: all of j's unit on one argmin. Integral, hence also the
 * optimum of the integer flow; and the optimal plan, being optimal among all plans with its marginal w, attains
 * W1(w, uniform), so the flow optimum equals the minimum of the weighted objective above. QED.
 *
 * <p>Algorithm. Sort by output. For f_i <= f_j the cost is (beta c_i - lambda f_i) + lambda f_j, so a forward sweep
 * keeps the running minimum of beta c_i - lambda f_i; for f_i >= f_j it is (beta c_i + lambda f_i) - lambda f_j, a
 * backward sweep. Points with equal outputs are added to a sweep as a block before any of them is answered, so both
 * sweeps see them. Time O(N log N) for the sort plus O(N); memory O(N).
 *
 * <p>Ties. The paper's code adds a 1e-5 N(0,1) jitter to the outputs before solving ({@link #jitter}, which
 * {@link LambdaSweep} applies by default). Without it, rows whose outputs tie (identical rows, and for trees many
 * distinct rows) cost nothing to merge, so every row of a tie sends its unit to one of them and at large lambda the
 * near-honest weights sit on a fraction of the rows (Adult at lambda = 1e4: 15,412 of ~31,600 rows), which a
 * duplicate-row test then flags. On the solver's side a row that is among the minimisers of its own problem keeps
 * its unit (the limit of a vanishing jitter for identical rows, whose copies a jitter would place at a small positive
 * distance). Otherwise, among minimisers, the smallest cost wins (compared as
 * beta c_i + lambda |f_i - f_j| recomputed in that form), then the nearest output |f_i - f_j|, then the lowest index.
 * Within a sweep, equal keys are resolved the same way (the later point in the sweep is nearer to every j still to
 * come; then the lower index). The result is a function of the inputs alone.
 */
public final class FoolShapWeights {
    private final double lambda;

    private FoolShapWeights(double lambda) {
        this.lambda = lambda;
    }

    /** The solver with the given lambda > 0. */
    public static FoolShapWeights withLambda(double lambda) {
        return new FoolShapWeights(Checks.lambda(lambda));
    }

    public double lambda() {
        return lambda;
    }

    /** Optimal weights with the paper's direction beta = sign(sum_j c_j) (+1 when the sum is zero). */
    public Weights solve(double[] c, double[] f) {
        Checks.finite("coefficients", c);
        return solve(c, f, direction(c));
    }

    /**
     * The paper's tie-breaking jitter: {@code f_j + scale * N(0,1)}, seeded. Solving on jittered outputs (the model's
     * outputs stay what the auditor sees) separates rows whose outputs tie, identical rows included, so at large lambda
     * every row keeps its own unit instead of merging onto one index of its tie. The official code uses scale 1e-5.
     */
    public static double[] jitter(double[] f, double scale, long seed) {
        Checks.finite("outputs", f);
        if (!(scale >= 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("the jitter must be >= 0, got " + scale);
        }
        double[] out = f.clone();
        if (scale == 0) {
            return out;
        }
        java.util.SplittableRandom rng = new java.util.SplittableRandom(seed);
        for (int j = 0; j < out.length; j++) {
            out[j] += scale * rng.nextGaussian();
        }
        return out;
    }

    /** The paper's beta = sign(sum_j c_j), +1 when the sum is zero: the attack pushes the attribution towards zero. */
    public static double direction(double[] c) {
        double s = 0;
        for (double v : c) {
            s += v;
        }
        return s < 0 ? -1 : 1;
    }

    /**
     * Optimal weights minimising {@code beta * sum w c + lambda W1}: beta = +1 lowers sum w c, beta = -1 raises it
     * (the manipulability interval uses both).
     */
    public Weights solve(double[] c, double[] f, double beta) {
        Checks.finite("coefficients", c);
        Checks.finite("outputs", f);
        Checks.sameLength("coefficients", c, "outputs", f);
        Checks.sign(beta);
        int n = c.length;
        int[] order = IndexSort.ascending(f);
        int[] fwd = new int[n];
        int[] bwd = new int[n];
        sweep(order, c, f, beta, lambda, fwd, true);
        sweep(order, c, f, beta, lambda, bwd, false);
        int[] target = new int[n];
        int[] counts = new int[n];
        double shift = 0;
        double transport = 0;
        for (int j = 0; j < n; j++) {
            int t = keepOwn(better(fwd[j], bwd[j], j, c, f, beta, lambda), j, c, f, beta, lambda);
            target[j] = t;
            counts[t]++;
            shift += c[t];
            transport += Math.abs(f[t] - f[j]);
        }
        return new Weights(counts, target, beta, lambda, shift / n, transport / n);
    }

    /**
     * One sweep over {@code order} (forward: increasing outputs, key beta c - lambda f; backward: decreasing, key
     * beta c + lambda f), writing each point's best partner on that side (its own block of equal outputs included).
     */
    private static void sweep(int[] order, double[] c, double[] f, double beta, double lambda, int[] best,
                              boolean forward) {
        int n = order.length;
        double sign = forward ? -1 : 1;
        int bestI = -1;
        double bestKey = Double.POSITIVE_INFINITY;
        int p = 0;
        while (p < n) {
            int q = p;
            // the block of equal outputs [p, q)
            double value = f[order[pos(p, n, forward)]];
            while (q < n && f[order[pos(q, n, forward)]] == value) {
                q++;
            }
            for (int r = p; r < q; r++) {
                int i = order[pos(r, n, forward)];
                double key = beta * c[i] + sign * lambda * f[i];
                // Equal keys: the point later in the sweep is nearer to all points still to come; then lower index.
                if (bestI < 0 || key < bestKey || (key == bestKey && (f[i] != f[bestI] || i < bestI))) {
                    bestKey = key;
                    bestI = i;
                }
            }
            for (int r = p; r < q; r++) {
                best[order[pos(r, n, forward)]] = bestI;
            }
            p = q;
        }
    }

    private static int pos(int r, int n, boolean forward) {
        return forward ? r : n - 1 - r;
    }

    /** j itself when its own cost beta c_j ties with (or, by rounding in the sweep's keys, beats) the chosen t's. */
    private static int keepOwn(int t, int j, double[] c, double[] f, double beta, double lambda) {
        return t != j && beta * c[j] <= beta * c[t] + lambda * Math.abs(f[t] - f[j]) ? j : t;
    }

    /** The documented tie-break between two candidates for point j: cost, then distance, then index. */
    private static int better(int a, int b, int j, double[] c, double[] f, double beta, double lambda) {
        if (a == b) {
            return a;
        }
        double da = Math.abs(f[a] - f[j]);
        double db = Math.abs(f[b] - f[j]);
        int byCost = Double.compare(beta * c[a] + lambda * da, beta * c[b] + lambda * db);
        if (byCost != 0) {
            return byCost < 0 ? a : b;
        }
        if (da != db) {
            return da < db ? a : b;
        }
        return Math.min(a, b);
    }
}
