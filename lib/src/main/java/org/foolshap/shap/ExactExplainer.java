package org.foolshap.shap;

import org.foolshap.Progress;
import org.foolshap.model.Model;

/**
 * Exact baseline Shapley values for any model by enumeration. Features where x and z agree are dummies in
 * v(S) = f(x_S, z_rest) - f(z), so only the k features where they differ are enumerated: 2^k model calls per
 * pair through {@link Model#hybridOutputs} (one joint pass per tree for tree ensembles and their sigmoid, an
 * incremental first layer for dense networks, batched model calls otherwise), then k 2^(k-1) multiply-adds.
 * Refuses k above {@link #maxDiffering()} with a message giving the cost.
 */
public final class ExactExplainer implements Explainer {
    private final Model model;
    private final int maxDiffering;

    ExactExplainer(Model model, int maxDiffering) {
        this.model = model;
        this.maxDiffering = maxDiffering;
    }

    /** Allow up to {@code k} differing features per pair (2^k model evaluations each). Default 20. */
    public ExactExplainer withMaxDiffering(int k) {
        if (k < 1 || k > 30) {
            throw new IllegalArgumentException("maxDiffering must be in 1..30, got " + k);
        }
        return new ExactExplainer(model, k);
    }

    public int maxDiffering() {
        return maxDiffering;
    }

    @Override
    public Model model() {
        return model;
    }

    @Override
    public double[] phi(double[] x, double[] z) {
        int d = Rows.pair(x, z, model.width());
        int[] diff = Rows.differing(x, z);
        int k = diff.length;
        double[] phi = new double[d];
        if (k == 0) {
            return phi;
        }
        if (k > maxDiffering) {
            throw new IllegalArgumentException("x and z differ on " + k + " features: exact enumeration needs 2^" + k
                    + " = " + (1L << k) + " model calls per pair; use a sampling explainer or withMaxDiffering");
        }
        int n = 1 << k;
        double[] v = new double[n];
        model.hybridOutputs(x, z, diff, v);
        for (int mask = 0; mask < n; mask++) {
            if (!Double.isFinite(v[mask])) {
                Rows.finite(v[mask], Model.hybrid(x, z, diff, mask));
            }
        }
        // phi_b = sum over S without b of w(|S|) (v(S + b) - v(S)): differences, so that a dummy gets exactly 0
        double[] w = ShapleyWeights.of(k);
        double[] weight = new double[n];
        for (int mask = 0; mask < n; mask++) {
            int size = Integer.bitCount(mask);
            weight[mask] = size < k ? w[size] : 0;
        }
        for (int b = 0; b < k; b++) {
            int bit = 1 << b;
            double s = 0;
            for (int high = 0; high < n; high += 2 * bit) {
                for (int mask = high, end = high + bit; mask < end; mask++) {
                    s += weight[mask] * (v[mask | bit] - v[mask]);
                }
            }
            phi[diff[b]] = s;
        }
        return phi;
    }

    @Override
    public double[][] coefficients(double[][] foreground, double[][] background, Progress progress) {
        return Pairwise.columnMeans(this, foreground, background, progress);
    }
}
