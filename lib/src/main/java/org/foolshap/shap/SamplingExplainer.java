package org.foolshap.shap;

import java.util.SplittableRandom;
import org.foolshap.Progress;
import org.foolshap.model.Model;

/**
 * What the Monte Carlo explainers share: the model, a sample budget per pair, a seed from which each pair's
 * generator is derived (reproducible whatever the thread schedule), and coefficients as means of per-pair values.
 */
public abstract sealed class SamplingExplainer implements Explainer permits PermutationExplainer, KernelExplainer {
    final Model model;
    final int samples;
    final long seed;

    SamplingExplainer(Model model, int samples, long seed) {
        this.model = model;
        this.samples = samples;
        this.seed = seed;
    }

    @Override
    public Model model() {
        return model;
    }

    @Override
    public double[][] coefficients(double[][] foreground, double[][] background, Progress progress) {
        return Pairwise.columnMeans(this, foreground, background, progress);
    }

    /** The generator for one pair. */
    SplittableRandom random(double[] x, double[] z) {
        return PairSeeds.random(seed, x, z);
    }
}
