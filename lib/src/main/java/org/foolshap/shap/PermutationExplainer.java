package org.foolshap.shap;

import java.util.SplittableRandom;
import org.foolshap.Progress;
import org.foolshap.model.Model;

/**
 * Monte Carlo baseline Shapley values by permutation sampling with antithetic pairs: each sampled order of the
 * differing features is also walked in reverse, which cancels much of the variance for near-additive models.
 * Unbiased; every sample satisfies efficiency exactly (the marginal contributions telescope to f(x) - f(z)).
 * Cost: 2 * permutations * k model calls per pair, batched per order.
 */
public final class PermutationExplainer implements Explainer {
    private final Model model;
    private final int permutations;
    private final long seed;

    PermutationExplainer(Model model, int permutations, long seed) {
        this.model = model;
        this.permutations = permutations;
        this.seed = seed;
    }

    /** Number of antithetic pairs of orders per (x, z) (default 64). */
    public PermutationExplainer withPermutations(int permutations) {
        if (permutations < 1) {
            throw new IllegalArgumentException("permutations must be at least 1, got " + permutations);
        }
        return new PermutationExplainer(model, permutations, seed);
    }

    public PermutationExplainer withSeed(long seed) {
        return new PermutationExplainer(model, permutations, seed);
    }

    @Override
    public Model model() {
        return model;
    }

    @Override
    public double[] phi(double[] x, double[] z) {
        int d = model.width();
        Rows.check("foreground", 0, x, d);
        Rows.check("background", 0, z, d);
        int[] diff = PairSeeds.differing(x, z);
        int k = diff.length;
        double[] phi = new double[d];
        if (k == 0) {
            return phi;
        }
        SplittableRandom random = PairSeeds.random(seed, x, z);
        int[] order = diff.clone();
        double[][] walk = new double[k][];
        for (int p = 0; p < permutations; p++) {
            for (int i = k - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int direction = 0; direction < 2; direction++) {
                double[] h = z.clone();
                for (int m = 0; m < k; m++) {
                    int f = order[direction == 0 ? m : k - 1 - m];
                    h[f] = x[f];
                    walk[m] = h.clone();
                }
                double[] v = model.outputs(walk);
                double previous = Rows.finite(model.output(z), z);
                for (int m = 0; m < k; m++) {
                    int f = order[direction == 0 ? m : k - 1 - m];
                    phi[f] += Rows.finite(v[m], walk[m]) - previous;
                    previous = v[m];
                }
            }
        }
        for (int i = 0; i < d; i++) {
            phi[i] /= 2.0 * permutations;
        }
        return phi;
    }

    @Override
    public double[][] coefficients(double[][] foreground, double[][] background, Progress progress) {
        return Pairwise.columnMeans(this, foreground, background, progress);
    }
}
