package org.foolshap.shap;

import java.util.SplittableRandom;
import org.foolshap.model.Model;

/**
 * Monte Carlo baseline Shapley values by permutation sampling with antithetic pairs: each sampled order of the
 * differing features is also walked in reverse, which cancels much of the variance for near-additive models.
 * Unbiased; every sample satisfies efficiency exactly (the marginal contributions telescope to f(x) - f(z)).
 * Cost: 2 * permutations * k model calls per pair, batched per order.
 */
public final class PermutationExplainer extends SamplingExplainer {
    PermutationExplainer(Model model, int permutations, long seed) {
        super(model, permutations, seed);
    }

    /** Number of antithetic pairs of orders per (x, z) (default 64). */
    public PermutationExplainer withPermutations(int permutations) {
        if (permutations < 1) {
            throw new IllegalArgumentException("permutations must be at least 1, got " + permutations);
        }
        return new PermutationExplainer(model, permutations, seed);
    }

    public PermutationExplainer withSeed(long seed) {
        return new PermutationExplainer(model, samples, seed);
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
        SplittableRandom random = random(x, z);
        int[] order = diff.clone();
        double[][] walk = new double[k][];
        for (int p = 0; p < samples; p++) {
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
            phi[i] /= 2.0 * samples;
        }
        return phi;
    }
}
